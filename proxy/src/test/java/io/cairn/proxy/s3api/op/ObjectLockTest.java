package io.cairn.proxy.s3api.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ObjectLockTest {
    private static final Instant NOW = Instant.parse("2026-12-08T00:00:00Z");
    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    private static byte[] config(String inner) {
        return ("<ObjectLockConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" + inner
                        + "</ObjectLockConfiguration>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] rule(String retention) {
        return config("<ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention>" + retention
                + "</DefaultRetention></Rule>");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static S3ErrorCode codeOf(Runnable r) {
        try {
            r.run();
        } catch (S3Exception e) {
            return e.code();
        }
        throw new AssertionError("no S3Exception");
    }

    private static @Nullable S3ErrorCode code(@Nullable S3Exception e) {
        return e == null ? null : e.code();
    }

    private static ObjectLock.Lock lock(ObjectLock.Mode mode, Instant until, boolean hold) {
        return new ObjectLock.Lock(mode, until, hold, hold);
    }

    @Test
    void shouldReadAndRoundTripTheConfigurationWhenItHasARule() {
        ObjectLock.Config c = ObjectLock.parseConfig(rule("<Mode>COMPLIANCE</Mode><Years>2</Years>"));
        assertThat(c).isEqualTo(new ObjectLock.Config(ObjectLock.Mode.COMPLIANCE, true, 2));
        assertThat(ObjectLock.Config.fromStored(c.stored())).isEqualTo(c);
        assertThat(c.toXml()).contains("<Rule><DefaultRetention><Mode>COMPLIANCE</Mode><Years>2</Years>");
        assertThat(ObjectLock.parseConfig(config("<ObjectLockEnabled>Enabled</ObjectLockEnabled>")))
                .isEqualTo(ObjectLock.Config.ENABLED);
        assertThat(ObjectLock.Config.fromStored(null)).isNull();
        assertThat(ObjectLock.Config.fromStored("")).isNull();
    }

    @Test
    void shouldRefuseConfigurationsAsTheS3TestsExpect() {
        assertThat(codeOf(() -> ObjectLock.parseConfig(rule("<Mode>GOVERNANCE</Mode><Days>1</Days><Years>1</Years>"))))
                .isEqualTo(S3ErrorCode.MalformedXML);
        assertThat(codeOf(() -> ObjectLock.parseConfig(rule("<Mode>GOVERNANCE</Mode>"))))
                .isEqualTo(S3ErrorCode.MalformedXML);
        assertThat(codeOf(() -> ObjectLock.parseConfig(rule("<Mode>governance</Mode><Days>1</Days>"))))
                .isEqualTo(S3ErrorCode.MalformedXML);
        assertThat(codeOf(() -> ObjectLock.parseConfig(rule("<Mode>abc</Mode><Days>1</Days>"))))
                .isEqualTo(S3ErrorCode.MalformedXML);
        assertThat(codeOf(() -> ObjectLock.parseConfig(rule("<Mode>GOVERNANCE</Mode><Days>0</Days>"))))
                .isEqualTo(S3ErrorCode.InvalidRetentionPeriod);
        assertThat(codeOf(() -> ObjectLock.parseConfig(rule("<Mode>GOVERNANCE</Mode><Years>-1</Years>"))))
                .isEqualTo(S3ErrorCode.InvalidRetentionPeriod);
        assertThat(codeOf(() -> ObjectLock.parseConfig(config("<ObjectLockEnabled>Disabled</ObjectLockEnabled>"))))
                .isEqualTo(S3ErrorCode.MalformedXML);
        assertThat(codeOf(() -> ObjectLock.parseConfig(bytes("<Other/>")))).isEqualTo(S3ErrorCode.MalformedXML);
    }

    @Test
    void shouldReadRetentionAndLegalHoldDocumentsAndRefuseBadOnes() {
        ObjectLock.Retention r = ObjectLock.parseRetention(
                bytes("<Retention><Mode>GOVERNANCE</Mode><RetainUntilDate>2030-01-01T00:00:00Z</RetainUntilDate>"
                        + "</Retention>"));
        assertThat(r).isEqualTo(new ObjectLock.Retention(ObjectLock.Mode.GOVERNANCE, LATER));
        assertThat(codeOf(() -> ObjectLock.parseRetention(bytes(
                        "<Retention><Mode>governance</Mode><RetainUntilDate>2030-01-01T00:00:00Z</RetainUntilDate>"
                                + "</Retention>"))))
                .isEqualTo(S3ErrorCode.MalformedXML);
        assertThat(codeOf(() -> ObjectLock.parseRetention(bytes(
                        "<Retention><Mode>GOVERNANCE</Mode><RetainUntilDate>soon</RetainUntilDate></Retention>"))))
                .isEqualTo(S3ErrorCode.MalformedXML);
        assertThat(ObjectLock.parseLegalHold(bytes("<LegalHold><Status>ON</Status></LegalHold>")))
                .isTrue();
        assertThat(ObjectLock.parseLegalHold(bytes("<LegalHold><Status>OFF</Status></LegalHold>")))
                .isFalse();
        assertThat(codeOf(() -> ObjectLock.parseLegalHold(bytes("<LegalHold><Status>abc</Status></LegalHold>"))))
                .isEqualTo(S3ErrorCode.MalformedXML);
    }

    @Test
    void shouldRefuseDeletingAVersionUnderRetentionOrLegalHold() {
        ObjectLock.Lock governance = lock(ObjectLock.Mode.GOVERNANCE, LATER, false);
        ObjectLock.Lock compliance = lock(ObjectLock.Mode.COMPLIANCE, LATER, false);
        assertThat(code(ObjectLock.deleteRefusal(governance, false, NOW))).isEqualTo(S3ErrorCode.AccessDenied);
        assertThat(code(ObjectLock.deleteRefusal(governance, true, NOW))).isNull();
        assertThat(code(ObjectLock.deleteRefusal(compliance, true, NOW))).isEqualTo(S3ErrorCode.AccessDenied);
        assertThat(code(ObjectLock.deleteRefusal(compliance, false, LATER.plusSeconds(1))))
                .isNull();
        assertThat(code(ObjectLock.deleteRefusal(new ObjectLock.Lock(null, null, true, true), true, NOW)))
                .isEqualTo(S3ErrorCode.AccessDenied);
        assertThat(code(ObjectLock.deleteRefusal(ObjectLock.Lock.NONE, false, NOW)))
                .isNull();
    }

    @Test
    void shouldRefuseWeakeningRetentionUnlessGovernanceIsBypassed() {
        ObjectLock.Lock governance = lock(ObjectLock.Mode.GOVERNANCE, LATER, false);
        ObjectLock.Lock compliance = lock(ObjectLock.Mode.COMPLIANCE, LATER, false);
        ObjectLock.Retention longerGov = new ObjectLock.Retention(ObjectLock.Mode.GOVERNANCE, LATER.plusSeconds(86400));
        ObjectLock.Retention shorterGov =
                new ObjectLock.Retention(ObjectLock.Mode.GOVERNANCE, LATER.minusSeconds(86400));
        ObjectLock.Retention comp = new ObjectLock.Retention(ObjectLock.Mode.COMPLIANCE, LATER);
        ObjectLock.Retention gov = new ObjectLock.Retention(ObjectLock.Mode.GOVERNANCE, LATER);
        assertThat(code(ObjectLock.retentionRefusal(governance, longerGov, false, NOW)))
                .isNull();
        assertThat(code(ObjectLock.retentionRefusal(governance, shorterGov, false, NOW)))
                .isEqualTo(S3ErrorCode.AccessDenied);
        assertThat(code(ObjectLock.retentionRefusal(governance, shorterGov, true, NOW)))
                .isNull();
        assertThat(code(ObjectLock.retentionRefusal(governance, comp, false, NOW)))
                .isEqualTo(S3ErrorCode.AccessDenied);
        assertThat(code(ObjectLock.retentionRefusal(governance, comp, true, NOW)))
                .isNull();
        assertThat(code(ObjectLock.retentionRefusal(compliance, gov, true, NOW)))
                .isEqualTo(S3ErrorCode.AccessDenied);
        assertThat(code(ObjectLock.retentionRefusal(
                        compliance,
                        new ObjectLock.Retention(ObjectLock.Mode.COMPLIANCE, LATER.minusSeconds(1)),
                        true,
                        NOW)))
                .isEqualTo(S3ErrorCode.AccessDenied);
        assertThat(code(ObjectLock.retentionRefusal(compliance, comp, false, NOW)))
                .isNull();
        assertThat(code(ObjectLock.retentionRefusal(compliance, gov, false, LATER.plusSeconds(1))))
                .isNull();
    }

    @Test
    void shouldStoreExplicitOrDefaultRetentionOnWritesAndRefuseBadHeaders() {
        HttpHeaders client = new DefaultHttpHeaders()
                .set("x-amz-object-lock-mode", "COMPLIANCE")
                .set("x-amz-object-lock-retain-until-date", "2030-01-01T00:00:00Z")
                .set("x-amz-object-lock-legal-hold", "ON");
        HttpHeaders out = new DefaultHttpHeaders();
        ObjectLock.forWrite(client, ObjectLock.Config.ENABLED, NOW, out);
        assertThat(out.get(ObjectLock.MODE)).isEqualTo("COMPLIANCE");
        assertThat(out.get(ObjectLock.RETAIN_UNTIL)).isEqualTo("2030-01-01T00:00:00.000Z");
        assertThat(out.get(ObjectLock.LEGAL_HOLD)).isEqualTo("ON");
        HttpHeaders shown = new DefaultHttpHeaders();
        ObjectLock.responseHeaders(out, shown);
        assertThat(shown.get("x-amz-object-lock-retain-until-date")).isEqualTo("2030-01-01T00:00:00.000Z");
        assertThat(shown.get("x-amz-object-lock-legal-hold")).isEqualTo("ON");

        HttpHeaders dflt = new DefaultHttpHeaders();
        ObjectLock.forWrite(
                new DefaultHttpHeaders(), new ObjectLock.Config(ObjectLock.Mode.GOVERNANCE, false, 3), NOW, dflt);
        assertThat(dflt.get(ObjectLock.MODE)).isEqualTo("GOVERNANCE");
        assertThat(dflt.get(ObjectLock.RETAIN_UNTIL)).isEqualTo("2026-12-11T00:00:00.000Z");
        HttpHeaders none = new DefaultHttpHeaders();
        ObjectLock.forWrite(new DefaultHttpHeaders(), ObjectLock.Config.ENABLED, NOW, none);
        assertThat(none.isEmpty()).isTrue();

        assertThat(codeOf(() -> ObjectLock.forWrite(client, null, NOW, new DefaultHttpHeaders())))
                .isEqualTo(S3ErrorCode.InvalidRequest);
        HttpHeaders modeOnly = new DefaultHttpHeaders().set("x-amz-object-lock-mode", "GOVERNANCE");
        assertThat(codeOf(
                        () -> ObjectLock.forWrite(modeOnly, ObjectLock.Config.ENABLED, NOW, new DefaultHttpHeaders())))
                .isEqualTo(S3ErrorCode.InvalidArgument);
        HttpHeaders past = new DefaultHttpHeaders()
                .set("x-amz-object-lock-mode", "GOVERNANCE")
                .set("x-amz-object-lock-retain-until-date", "2020-01-01T00:00:00Z");
        assertThat(codeOf(() -> ObjectLock.forWrite(past, ObjectLock.Config.ENABLED, NOW, new DefaultHttpHeaders())))
                .isEqualTo(S3ErrorCode.InvalidArgument);
        HttpHeaders badHold = new DefaultHttpHeaders().set("x-amz-object-lock-legal-hold", "maybe");
        assertThat(codeOf(() -> ObjectLock.forWrite(badHold, ObjectLock.Config.ENABLED, NOW, new DefaultHttpHeaders())))
                .isEqualTo(S3ErrorCode.InvalidArgument);
    }

    @Test
    void shouldAddressAVersionInTheVersionsContainerAsObjectVersioningNamesIt() {
        String[] at = ObjectLock.versionLocation("b", "k", "1700000000.00000");
        assertThat(at[0]).isEqualTo("\u0000versions\u0000b");
        assertThat(at[1]).isEqualTo("\u0000k\u00008299999999.99999");
    }
}
