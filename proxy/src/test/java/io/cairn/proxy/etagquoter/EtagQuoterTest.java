package io.cairn.proxy.etagquoter;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.IniFile;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Swift 2.30.1's EtagQuoterMiddleware translations and quoting. */
class EtagQuoterTest {
    @Test
    void shouldQuoteOnlyBareEtags() {
        assertThat(EtagQuoter.quoted("d41d8cd98f00b204e9800998ecf8427e"))
                .isEqualTo("\"d41d8cd98f00b204e9800998ecf8427e\"");
        assertThat(EtagQuoter.quoted("\"abc\"")).isEqualTo("\"abc\"");
        assertThat(EtagQuoter.quoted("W/\"abc\"")).isEqualTo("W/\"abc\"");
        assertThat(EtagQuoter.quoted("\"abc")).isEqualTo("\"\"abc\"");
        assertThat(EtagQuoter.quoted("W/abc")).isEqualTo("\"W/abc\"");
    }

    @Test
    void shouldStoreTheClientsSettingAsSysmeta() {
        HttpHeaders h = new DefaultHttpHeaders().set("X-Container-Rfc-Compliant-Etags", "yes");
        EtagQuoter.translateRequest(h, "Container");
        assertThat(h.get("X-Container-Sysmeta-Rfc-Compliant-Etags")).isEqualTo("True");
        h = new DefaultHttpHeaders().set("X-Account-Rfc-Compliant-Etags", "nope");
        EtagQuoter.translateRequest(h, "Account");
        assertThat(h.get("X-Account-Sysmeta-Rfc-Compliant-Etags")).isEqualTo("False");
        h = new DefaultHttpHeaders()
                .set("X-Account-Rfc-Compliant-Etags", "true")
                .set("X-Remove-Account-Rfc-Compliant-Etags", "x");
        EtagQuoter.translateRequest(h, "Account");
        assertThat(h.get("X-Account-Sysmeta-Rfc-Compliant-Etags")).isEmpty();
        h = new DefaultHttpHeaders().set("X-Container-Rfc-Compliant-Etags", "");
        EtagQuoter.translateRequest(h, "Container");
        assertThat(h.get("X-Container-Sysmeta-Rfc-Compliant-Etags")).isEmpty();
        h = new DefaultHttpHeaders().set("X-Container-Meta-Color", "red");
        EtagQuoter.translateRequest(h, "Container");
        assertThat(h.contains("X-Container-Sysmeta-Rfc-Compliant-Etags")).isFalse();
    }

    @Test
    void shouldAdvertiseTheDefault() {
        Map<String, Object> info = new LinkedHashMap<>();
        EtagQuoter.from(
                        IniFile.parse("[filter:etag-quoter]\nenable_by_default = on\n", "p.conf")
                                .section("filter:etag-quoter"),
                        new ArrayList<>())
                .registerInfo(info);
        assertThat(info).isEqualTo(Map.of("etag_quoter", Map.of("enable_by_default", true)));
    }
}
