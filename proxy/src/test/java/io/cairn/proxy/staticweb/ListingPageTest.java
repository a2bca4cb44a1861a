package io.cairn.proxy.staticweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListingPageTest {
    @Test
    void sizesAreSwiftsHumanReadable() {
        // expected values printed by Swift 2.30.1's swift.common.utils.human_readable
        long[] values = {0, 1, 1023, 1024, 1536, 2048, 2560, 3584, 1048575, 1048576, 5368709120L, 1234567890123L};
        String[] swift = {"0", "1", "1023", "1Ki", "2Ki", "2Ki", "2Ki", "4Ki", "1Mi", "1Mi", "5Gi", "1Ti"};
        for (int i = 0; i < values.length; i++) {
            assertThat(ListingPage.humanReadable((double) values[i]))
                    .as("%d", values[i])
                    .isEqualTo(swift[i]);
        }
    }

    @Test
    void namesAreEscapedInTextAndQuotedInLinks() {
        String page = ListingPage.listing(
                "/v1/AUTH_t/c/<d>/",
                "",
                "",
                "<d>/",
                List.of(
                        Map.of("subdir", "<d>/s\"q/"),
                        Map.of(
                                "name", "<d>/a 'b'&ü.txt",
                                "bytes", 2048,
                                "content_type", "Text/Plain",
                                "last_modified", "2026-12-07T03:25:05.123450")));
        assertThat(page)
                .contains("<title>Listing of /v1/AUTH_t/c/&lt;d&gt;/</title>")
                .contains("<a href=\"../\">../</a>")
                .contains("<a href=\"s%22q/\">s&quot;q/</a>")
                .contains("<tr class=\"item type-text type-plain\">")
                .contains("<a href=\"a%20%27b%27%26%C3%BC.txt\">a &#x27;b&#x27;&amp;ü.txt</a>")
                .contains("<td class=\"colsize\">2Ki</td>")
                .contains("<td class=\"coldate\">2026-12-07 03:25:05</td>");
    }
}
