package io.cairn.proxy.s3api.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorsConfigurationTest {
    private static byte[] doc(String rules) {
        return ("<CORSConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" + rules
                        + "</CORSConfiguration>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String rule(String inner) {
        return "<CORSRule>" + inner + "</CORSRule>";
    }

    private static S3Exception errorOf(String rules) {
        try {
            CorsConfiguration.fromXml(doc(rules));
        } catch (S3Exception e) {
            return e;
        }
        throw new AssertionError("no S3Exception");
    }

    /** s3-tests' test_cors_origin_response rules. */
    private static final CorsConfiguration S3_TESTS = CorsConfiguration.fromXml(
            doc(rule("<AllowedMethod>GET</AllowedMethod><AllowedOrigin>*suffix</AllowedOrigin>")
                    + rule("<AllowedMethod>GET</AllowedMethod><AllowedOrigin>start*end</AllowedOrigin>")
                    + rule("<AllowedMethod>GET</AllowedMethod><AllowedOrigin>prefix*</AllowedOrigin>")
                    + rule("<AllowedMethod>PUT</AllowedMethod><AllowedOrigin>*.put</AllowedOrigin>")));

    @Test
    void shouldMatchOriginsWithOneWildcardAsS3TestsExpect() {
        for (String allowed : List.of("foo.suffix", "startend", "start1end", "start12end", "prefix", "prefix.suffix")) {
            assertThat(S3_TESTS.match(allowed, "GET", List.of())).as(allowed).isNotNull();
        }
        for (String refused : List.of("bar", "foo.suffix.get", "0start12end", "bla.prefix")) {
            assertThat(S3_TESTS.match(refused, "GET", List.of())).as(refused).isNull();
        }
        assertThat(S3_TESTS.match("foo.put", "PUT", List.of())).isNotNull();
        assertThat(S3_TESTS.match("foo.suffix", "PUT", List.of())).isNull();
        assertThat(S3_TESTS.match("foo.suffix", "HEAD", List.of())).isNull();
    }

    @Test
    void shouldRequireEveryRequestedHeaderCaseInsensitivelyWhenPreflighting() {
        CorsConfiguration c = CorsConfiguration.fromXml(doc(rule("<AllowedHeader>x-amz-*</AllowedHeader>"
                + "<AllowedHeader>Content-Type</AllowedHeader><AllowedMethod>PUT</AllowedMethod>"
                + "<AllowedOrigin>http://www.example.com</AllowedOrigin>")));
        List<String> asked = CorsConfiguration.requestHeaders("X-Amz-Date, content-type");
        assertThat(c.match("http://www.example.com", "PUT", asked)).isNotNull();
        assertThat(c.match("http://www.example.com", "PUT", List.of("x-other"))).isNull();
        assertThat(c.match("http://WWW.example.com", "PUT", List.of())).isNull();
    }

    private static CorsConfiguration.Rule matched(CorsConfiguration c, String origin) {
        CorsConfiguration.Rule r = c.match(origin, "GET", List.of());
        if (r == null) {
            throw new AssertionError("no rule for " + origin);
        }
        return r;
    }

    @Test
    void shouldAnswerTheOriginWithCredentialsOrAStarAsAwsDoes() {
        CorsConfiguration c = CorsConfiguration.fromXml(doc(rule("<AllowedMethod>GET</AllowedMethod>"
                        + "<AllowedMethod>HEAD</AllowedMethod><AllowedOrigin>http://a.example</AllowedOrigin>"
                        + "<ExposeHeader>ETag</ExposeHeader><ExposeHeader>x-amz-meta-a</ExposeHeader>"
                        + "<MaxAgeSeconds>300</MaxAgeSeconds>")
                + rule("<AllowedMethod>GET</AllowedMethod><AllowedOrigin>*</AllowedOrigin>")));
        HttpHeaders h = new DefaultHttpHeaders();
        CorsConfiguration.allow(matched(c, "http://a.example"), "http://a.example", h);
        assertThat(Map.of(
                        "origin", h.get("Access-Control-Allow-Origin"),
                        "credentials", h.get("Access-Control-Allow-Credentials"),
                        "methods", h.get("Access-Control-Allow-Methods"),
                        "expose", h.get("Access-Control-Expose-Headers"),
                        "age", h.get("Access-Control-Max-Age")))
                .containsEntry("origin", "http://a.example")
                .containsEntry("credentials", "true")
                .containsEntry("methods", "GET, HEAD")
                .containsEntry("expose", "ETag, x-amz-meta-a")
                .containsEntry("age", "300");
        assertThat(h.get("Vary")).isEqualTo("Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
        HttpHeaders any = new DefaultHttpHeaders();
        CorsConfiguration.allow(matched(c, "http://b.example"), "http://b.example", any);
        assertThat(any.get("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(any.contains("Access-Control-Allow-Credentials")).isFalse();
    }

    @Test
    void shouldRefuseDocumentsAsAwsDoes() {
        String ok = "<AllowedMethod>GET</AllowedMethod><AllowedOrigin>*</AllowedOrigin>";
        S3Exception method = errorOf(rule("<AllowedMethod>PATCH</AllowedMethod><AllowedOrigin>*</AllowedOrigin>"));
        assertThat(method.code()).isEqualTo(S3ErrorCode.InvalidRequest);
        assertThat(method.getMessage())
                .isEqualTo("Found unsupported HTTP method in CORS config. Unsupported method is PATCH");
        assertThat(errorOf(rule("<AllowedMethod>get</AllowedMethod><AllowedOrigin>*</AllowedOrigin>"))
                        .code())
                .isEqualTo(S3ErrorCode.InvalidRequest);
        S3Exception twoStars = errorOf(rule("<AllowedMethod>GET</AllowedMethod><AllowedOrigin>*.a.*</AllowedOrigin>"));
        assertThat(twoStars.code()).isEqualTo(S3ErrorCode.InvalidRequest);
        assertThat(twoStars.getMessage()).isEqualTo("AllowedOrigin \"*.a.*\" can not have more than one wildcard.");
        assertThat(errorOf(rule(ok + "<AllowedHeader>*a*</AllowedHeader>")).code())
                .isEqualTo(S3ErrorCode.InvalidRequest);
        assertThat(errorOf("").code()).isEqualTo(S3ErrorCode.MalformedXML);
        assertThat(errorOf(rule("<AllowedOrigin>*</AllowedOrigin>")).code()).isEqualTo(S3ErrorCode.MalformedXML);
        assertThat(errorOf(rule("<AllowedMethod>GET</AllowedMethod>")).code()).isEqualTo(S3ErrorCode.MalformedXML);
        assertThat(errorOf(rule(ok + "<Bogus/>")).code()).isEqualTo(S3ErrorCode.MalformedXML);
        assertThat(errorOf(rule(ok + "<MaxAgeSeconds>soon</MaxAgeSeconds>")).code())
                .isEqualTo(S3ErrorCode.MalformedXML);
        assertThat(errorOf(rule(ok + "<ID>" + "i".repeat(256) + "</ID>")).code())
                .isEqualTo(S3ErrorCode.MalformedXML);
        assertThat(errorOf(rule(ok).repeat(101)).code()).isEqualTo(S3ErrorCode.MalformedXML);
        assertThat(CorsConfiguration.fromXml(doc(rule(ok).repeat(100))).rules()).hasSize(100);
    }

    @Test
    void shouldRoundTripThroughSysmetaWhenTheDocumentIsLarge() {
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            rules.append(rule("<AllowedMethod>GET</AllowedMethod><AllowedOrigin>http://host-" + i
                    + ".example/ü</AllowedOrigin><ExposeHeader>x-amz-meta-" + i + "</ExposeHeader><ID>rule " + i
                    + "</ID>"));
        }
        CorsConfiguration c = CorsConfiguration.fromXml(doc(rules.toString()));
        HttpHeaders h = new DefaultHttpHeaders();
        assertThat(StoredDocument.put(CorsConfiguration.SYSMETA, c.toXml(), h)).isTrue();
        for (int i = 0; i < StoredDocument.PARTS; i++) {
            assertThat(h.get(CorsConfiguration.SYSMETA + "-" + i).length())
                    .isLessThanOrEqualTo(StoredDocument.PART_CHARS);
        }
        assertThat(CorsConfiguration.fromStored(StoredDocument.get(CorsConfiguration.SYSMETA, h)))
                .isEqualTo(c);
        HttpHeaders removed = new DefaultHttpHeaders();
        StoredDocument.put(CorsConfiguration.SYSMETA, null, removed);
        assertThat(removed.get(CorsConfiguration.SYSMETA + "-0")).isEmpty();
        assertThat(StoredDocument.get(CorsConfiguration.SYSMETA, removed)).isNull();
    }
}
