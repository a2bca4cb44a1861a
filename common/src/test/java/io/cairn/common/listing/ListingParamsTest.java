package io.cairn.common.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ListingParamsTest {
    @Test
    void shouldDecodePercentEscapesAndPlusWhenParsingTheQuery() throws ListingException {
        ListingParams p = ListingParams.forContainer(
                "prefix=a+b%2Fc&delimiter=%2F&marker=%C3%A9&end_marker=&reverse=On&limit=5", null, 10_000);
        assertThat(p.prefix()).isEqualTo("a b/c");
        assertThat(p.delimiter()).isEqualTo("/");
        assertThat(p.marker()).isEqualTo("é");
        assertThat(p.endMarker()).isEmpty();
        assertThat(p.path()).isNull();
        assertThat(p.reverse()).isTrue();
        assertThat(p.limit()).isEqualTo(5);
        assertThat(p.format()).isEqualTo(ListingFormat.PLAIN);
        assertThat(p.formatGiven()).isFalse();
    }

    @Test
    void shouldKeepTheLastValueWhenANameRepeats() throws ListingException {
        assertThat(ListingParams.forContainer("prefix=a&prefix=b", null, 10_000).prefix())
                .isEqualTo("b");
    }

    @Test
    void shouldAnswer412WhenLimitExceedsTheMaximum() {
        assertThatThrownBy(() -> ListingParams.forContainer("limit=10001", null, 10_000))
                .isInstanceOfSatisfying(
                        ListingException.class, e -> assertThat(e.status()).isEqualTo(412))
                .hasMessage("Maximum limit is 10000");
        assertThatThrownBy(() -> ListingParams.forContainer("limit=99999999999999999999999", null, 10_000))
                .hasMessage("Maximum limit is 10000");
    }

    @Test
    void shouldIgnoreLimitWhenNotDigits() throws ListingException {
        assertThat(ListingParams.forContainer("limit=-1", null, 10_000).limit()).isEqualTo(10_000);
        assertThat(ListingParams.forContainer("limit=abc", null, 10_000).limit())
                .isEqualTo(10_000);
        assertThat(ListingParams.forContainer("limit=", null, 10_000).limit()).isEqualTo(10_000);
        assertThat(ListingParams.forContainer("limit=0", null, 10_000).limit()).isZero();
    }

    @Test
    void shouldBlameTheFirstParameterInSwiftsOrderWhenNotUtf8() {
        assertThatThrownBy(() -> ListingParams.forContainer("prefix=%FF&marker=%C3", null, 10_000))
                .isInstanceOfSatisfying(
                        ListingException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("\"marker\" parameter not valid UTF-8");
        assertThatThrownBy(() -> ListingParams.forAccount("prefix=%FF&marker=%C3", null, 10_000))
                .hasMessage("\"prefix\" parameter not valid UTF-8");
        assertThatThrownBy(() -> ListingParams.forContainer("path=%ED%A0%80", null, 10_000))
                .hasMessage("\"path\" parameter not valid UTF-8");
    }

    @Test
    void shouldKeepBlankPathWhenGiven() throws ListingException {
        assertThat(ListingParams.forContainer("path", null, 10_000).path()).isEmpty();
    }

    @Test
    void shouldNegotiateLikeSwiftWhenFormatOrAcceptGiven() throws ListingException {
        assertThat(ListingContentType.negotiate(null, null)).isEqualTo("text/plain");
        assertThat(ListingContentType.negotiate("JSON", "application/xml")).isEqualTo("application/json");
        assertThat(ListingContentType.negotiate("bogus", "application/xml")).isEqualTo("text/plain");
        assertThat(ListingContentType.negotiate(null, "text/xml")).isEqualTo("text/xml");
        assertThat(ListingContentType.negotiate(null, "*/*")).isEqualTo("text/plain");
        assertThat(ListingContentType.negotiate(null, "application/*")).isEqualTo("application/json");
        assertThat(ListingContentType.negotiate(null, "text/*;q=0.9, application/xml"))
                .isEqualTo("application/xml");
        assertThat(ListingContentType.negotiate(null, "*/*, application/json")).isEqualTo("application/json");
        assertThat(ListingContentType.negotiate(null, "application/json;q=0")).isEqualTo("application/json");
        ListingParams p = ListingParams.forContainer("format=xml", "application/json", 10_000);
        assertThat(p.contentType()).isEqualTo("application/xml");
        assertThat(p.format()).isEqualTo(ListingFormat.XML);
        assertThat(p.formatGiven()).isTrue();
    }

    @Test
    void shouldRejectLikeSwiftWhenAcceptIsMalformedOrUnacceptable() {
        assertThatThrownBy(() -> ListingContentType.negotiate(null, "garbage"))
                .isInstanceOfSatisfying(
                        ListingException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("Invalid Accept header");
        assertThatThrownBy(() -> ListingContentType.negotiate(null, "text/plain;q=x"))
                .hasMessage("Invalid Accept header");
        assertThatThrownBy(() -> ListingContentType.negotiate(null, "text/plain;q=1;q=1"))
                .hasMessage("Invalid Accept header");
        assertThatThrownBy(() -> ListingContentType.negotiate(null, "image/png"))
                .isInstanceOfSatisfying(
                        ListingException.class, e -> assertThat(e.status()).isEqualTo(406));
    }
}
