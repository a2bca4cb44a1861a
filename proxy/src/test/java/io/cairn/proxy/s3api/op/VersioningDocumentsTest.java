package io.cairn.proxy.s3api.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.error.S3Exception;
import io.netty.handler.codec.http.FullHttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersioningDocumentsTest {
    private static String status(String xml) {
        return S3PutBucketVersioning.status(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadTheStatusWhenItIsEnabledOrSuspended() {
        assertThat(status("<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                        + "<Status>Enabled</Status></VersioningConfiguration>"))
                .isEqualTo("Enabled");
        assertThat(status("<VersioningConfiguration><Status>Suspended</Status><MfaDelete>Disabled</MfaDelete>"
                        + "</VersioningConfiguration>"))
                .isEqualTo("Suspended");
    }

    @Test
    void shouldAnswerMalformedXmlWhenTheStatusIsMissingOrUnknown() {
        for (String bad : List.of(
                "",
                "<VersioningConfiguration/>",
                "<VersioningConfiguration><Status>enabled</Status></VersioningConfiguration>",
                "<VersioningConfiguration><Status>Disabled</Status></VersioningConfiguration>",
                "<Versioning><Status>Enabled</Status></Versioning>",
                "<VersioningConfiguration><Status>Enabled</Status>",
                "<!DOCTYPE v [<!ENTITY e \"Enabled\">]><VersioningConfiguration><Status>&e;</Status>"
                        + "</VersioningConfiguration>")) {
            assertThatThrownBy(() -> status(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            S3Exception.class, e -> assertThat(e.code()).isEqualTo(S3ErrorCode.MalformedXML));
        }
    }

    @Test
    void shouldTakeNullAndSwiftTimestampsWhenCheckingVersionIds() {
        assertThat(VersionIds.check("versionId", null)).isNull();
        assertThat(VersionIds.check("versionId", "null")).isEqualTo("null");
        assertThat(VersionIds.check("versionId", "1796673767.45070")).isEqualTo("1796673767.45070");
        assertThat(VersionIds.isReal("null")).isFalse();
        assertThat(VersionIds.isReal(null)).isFalse();
        assertThat(VersionIds.isReal("1796673767.45070")).isTrue();
        assertThat(VersionIds.query("1796673767.45070")).isEqualTo("version-id=1796673767.45070");
    }

    @Test
    void shouldAnswerInvalidArgumentWhenAVersionIdIsNoTimestamp() {
        for (String bad : List.of("nope", "", "1.2.3", "-5", "abc.def", "Null")) {
            assertThatThrownBy(() -> VersionIds.check("versionId", bad))
                    .as(bad)
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.code()).isEqualTo(S3ErrorCode.InvalidArgument);
                        assertThat(e.getMessage()).isEqualTo("Invalid version id specified");
                        assertThat(e.details())
                                .containsEntry("ArgumentName", "versionId")
                                .containsEntry("ArgumentValue", bad);
                    });
        }
    }

    @Test
    void shouldCarryDeleteMarkerHeadersWhenAnErrorAnswerHasThem() {
        S3Exception e = S3Exception.noSuchKey("k")
                .header("x-amz-delete-marker", "true")
                .header("x-amz-version-id", "1796673767.45070");
        FullHttpResponse r = S3ErrorResponses.render(e, "tx1", false);
        try {
            assertThat(r.status().code()).isEqualTo(404);
            assertThat(r.headers().get("x-amz-delete-marker")).isEqualTo("true");
            assertThat(r.headers().get("x-amz-version-id")).isEqualTo("1796673767.45070");
            assertThat(r.content().toString(StandardCharsets.UTF_8)).contains("<Code>NoSuchKey</Code><Message>");
        } finally {
            r.release();
        }
    }
}
