package io.cairn.proxy.s3api.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LifecycleConfigurationTest {
    private static byte[] doc(String rules) {
        return ("<LifecycleConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" + rules
                        + "</LifecycleConfiguration>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String rule(String id, String filter, String status, String actions) {
        return "<Rule><ID>" + id + "</ID>" + filter + "<Status>" + status + "</Status>" + actions + "</Rule>";
    }

    private static final String DAYS = "<Expiration><Days>3</Days></Expiration>";

    private static S3Exception errorOf(String rules) {
        try {
            LifecycleConfiguration.fromXml(doc(rules));
        } catch (S3Exception e) {
            return e;
        }
        throw new AssertionError("no S3Exception");
    }

    @Test
    void shouldExpireNewObjectsAtTheMidnightAfterTheirDaysWhenARuleApplies() {
        LifecycleConfiguration c = LifecycleConfiguration.fromXml(doc(rule(
                        "off",
                        "<Filter><Prefix>logs/</Prefix></Filter>",
                        "Disabled",
                        "<Expiration><Days>1</Days></Expiration>")
                + rule("tagged", "<Filter><Tag><Key>a</Key><Value>b</Value></Tag></Filter>", "Enabled", DAYS)
                + rule("logs ü", "<Filter><Prefix>logs/</Prefix></Filter>", "Enabled", DAYS)));
        LifecycleConfiguration.Expiry x = c.expirationFor("logs/a", Instant.parse("2026-12-07T10:15:00Z"));
        assertThat(x).isNotNull();
        assertThat(x == null ? null : x.at()).isEqualTo(Instant.parse("2026-12-11T00:00:00Z"));
        assertThat(x == null ? null : x.header())
                .isEqualTo("expiry-date=\"Fri, 11 Dec 2026 00:00:00 GMT\", rule-id=\"logs ü\"");
        assertThat(c.expirationFor("data/a", Instant.parse("2026-12-07T10:15:00Z")))
                .isNull();
        HttpHeaders h = new DefaultHttpHeaders();
        if (x != null) {
            x.apply(h);
        }
        assertThat(h.get("X-Delete-At"))
                .isEqualTo(Long.toString(Instant.parse("2026-12-11T00:00:00Z").getEpochSecond()));
        assertThat(LifecycleConfiguration.Expiry.fromObject(h)).isEqualTo(x == null ? null : x.header());
    }

    @Test
    void shouldRefuseRulesAsAwsDoes() {
        String f = "<Filter><Prefix></Prefix></Filter>";
        assertThat(errorOf("").code()).isEqualTo(S3ErrorCode.MalformedXML);
        assertThat(errorOf(rule("a", f, "On", DAYS)).code()).isEqualTo(S3ErrorCode.MalformedXML);
        assertThat(errorOf(rule("a", "", "Enabled", DAYS)).code()).isEqualTo(S3ErrorCode.MalformedXML);
        assertThat(errorOf(rule("a", f + "<Prefix>x</Prefix>", "Enabled", DAYS)).code())
                .isEqualTo(S3ErrorCode.MalformedXML);
        assertThat(errorOf(rule("a", f, "Enabled", DAYS) + rule("a", f, "Enabled", DAYS))
                        .getMessage())
                .isEqualTo("Rule ID must be unique. Found same ID for more than one rule");
        assertThat(errorOf(rule("i".repeat(256), f, "Enabled", DAYS)).code()).isEqualTo(S3ErrorCode.InvalidArgument);
        assertThat(errorOf(rule("a", f, "Enabled", "")).code()).isEqualTo(S3ErrorCode.InvalidRequest);
        assertThat(errorOf(rule("a", f, "Enabled", "<Expiration><Days>0</Days></Expiration>"))
                        .getMessage())
                .isEqualTo("'Days' for Expiration action must be a positive integer");
        assertThat(errorOf(rule(
                                "a",
                                f,
                                "Enabled",
                                "<Expiration><Days>1</Days><Date>2030-01-01T00:00:00Z</Date>" + "</Expiration>"))
                        .code())
                .isEqualTo(S3ErrorCode.MalformedXML);
        assertThat(errorOf(rule("a", f, "Enabled", "<Expiration><Date>2030-01-01T12:00:00Z</Date></Expiration>"))
                        .getMessage())
                .isEqualTo("'Date' must be at midnight GMT");
        assertThat(errorOf(rule(
                                "a",
                                "<Filter><Tag><Key>k</Key><Value>v</Value></Tag></Filter>",
                                "Enabled",
                                "<AbortIncompleteMultipartUpload><DaysAfterInitiation>1</DaysAfterInitiation>"
                                        + "</AbortIncompleteMultipartUpload>"))
                        .code())
                .isEqualTo(S3ErrorCode.InvalidRequest);
        assertThat(LifecycleConfiguration.fromXml(doc(rule(
                                "a", f, "Enabled", "<Expiration><Date>2030-01-01T00:00:00Z" + "</Date></Expiration>")))
                        .rules())
                .hasSize(1);
    }
}
