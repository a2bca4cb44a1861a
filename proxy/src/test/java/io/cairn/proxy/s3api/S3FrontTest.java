package io.cairn.proxy.s3api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.http.HttpDates;
import io.cairn.proxy.pipeline.AccessPolicy;
import io.cairn.proxy.pipeline.OpenAccess;
import io.cairn.proxy.s3api.auth.SigV2;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Which requests are S3 and what they address: path style and virtual-host style, the Swift API's paths never S3,
 * bucket and key checks, and the rewrite to the user's account with a token of the user.
 */
class S3FrontTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    /** tempauth's user test:tester (key testing) as the S3 credentials. */
    private static final AccessPolicy ACCESS = new AccessPolicy() {
        private final OpenAccess open = new OpenAccess();

        @Override
        public io.netty.handler.codec.http.@Nullable FullHttpResponse answerEarly(
                HttpRequest request, java.net.@Nullable SocketAddress local) {
            return null;
        }

        @Override
        public Decision authorize(Request request) {
            return open.authorize(request);
        }

        @Override
        public boolean isTempAuth() {
            return false;
        }

        @Override
        public @Nullable S3User s3User(String accessKey) {
            return accessKey.equals("test:tester") ? new S3User("testing", "AUTH_test", "AUTH_tk-of-tester") : null;
        }
    };

    private static S3Front front(List<String> storageDomains) {
        return front(storageDomains, "");
    }

    private static S3Front front(List<String> storageDomains, String anonymousAccount) {
        S3ApiConfig defaults = S3ApiConfig.defaults();
        S3ApiConfig config = new S3ApiConfig(
                defaults.location(),
                storageDomains,
                true,
                1000,
                1000,
                1000,
                1000,
                5_242_880L,
                900,
                true,
                false,
                anonymousAccount,
                List.of());
        return new S3Front(config, ACCESS, Clock.fixed(NOW, ZoneOffset.UTC), "/auth/", 1024);
    }

    /** A SigV2-signed request (path style: the resource is the path; virtual host: {@code /bucket} + path). */
    private static HttpRequest signed(String method, String uri, @Nullable String host, String resource) {
        HttpRequest r = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method), uri);
        String date = HttpDates.format(NOW.getEpochSecond());
        r.headers().set("Date", date);
        if (host != null) {
            r.headers().set("Host", host);
        }
        String sts = method + "\n\n\n" + date + "\n" + resource;
        String sig =
                Base64.getEncoder().encodeToString(SigV2.hmacSha1("testing".getBytes(StandardCharsets.UTF_8), sts));
        r.headers().set("Authorization", "AWS test:tester:" + sig);
        r.headers().set("X-Auth-Token", "client-token");
        return r;
    }

    @Test
    void shouldAddressTheUsersAccountWithATokenOfTheUserWhenPathStyle() {
        S3HttpRequest out = java.util.Objects.requireNonNull(front(List.of())
                .translate(signed("GET", "/photos/2026/%C3%BC%20x.jpg", null, "/photos/2026/%C3%BC%20x.jpg")));
        assertThat(out.uri()).isEqualTo("/v1/AUTH_test/photos/2026/%C3%BC%20x.jpg");
        assertThat(out.s3().bucket()).isEqualTo("photos");
        assertThat(out.s3().key()).isEqualTo("2026/ü x.jpg");
        assertThat(out.headers().get("X-Auth-Token")).isEqualTo("AUTH_tk-of-tester");
        assertThat(out.headers().contains("Authorization")).isFalse();
    }

    @Test
    void shouldTakeTheBucketFromTheHostWhenUnderTheStorageDomain() {
        S3HttpRequest out = java.util.Objects.requireNonNull(front(List.of("s3.example.net"))
                .translate(signed("GET", "/key", "photos.s3.example.net:8080", "/photos/key")));
        assertThat(out.s3().bucket()).isEqualTo("photos");
        assertThat(out.s3().key()).isEqualTo("key");
        assertThat(out.uri()).isEqualTo("/v1/AUTH_test/photos/key");
    }

    @Test
    void shouldLeaveTheSwiftApiAndUnsignedRequestsAloneWhateverTheyCarry() {
        S3Front f = front(List.of());
        for (String path : List.of("/v1/AUTH_test/c/o", "/v1.0/AUTH_test", "/info", "/healthcheck", "/auth/v1.0")) {
            assertThat(f.translate(signed("GET", path, null, path))).as(path).isNull();
        }
        HttpRequest unsigned = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/bucket/key");
        assertThat(f.translate(unsigned)).isNull();
    }

    @Test
    void shouldAddressUnsignedRequestsOnBucketsToTheAnonymousAccountWithoutAToken() {
        S3Front f = front(List.of(), "AUTH_test");
        HttpRequest preflight = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.OPTIONS, "/bucket/k%C3%BC");
        preflight.headers().set("Origin", "http://a.example");
        preflight.headers().set("X-Auth-Token", "forged");
        S3HttpRequest out = java.util.Objects.requireNonNull(f.translate(preflight));
        assertThat(out.uri()).isEqualTo("/v1/AUTH_test/bucket/k%C3%BC");
        assertThat(out.s3().auth().isAnonymous()).isTrue();
        assertThat(out.s3().authToken()).isEmpty();
        assertThat(out.headers().contains("X-Auth-Token")).isFalse();
        for (String path : List.of("/v1/AUTH_test/c", "/", "/Bad_Bucket/k", "/info")) {
            HttpRequest r = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.OPTIONS, path);
            assertThat(f.translate(r)).as(path).isNull();
        }
        HttpRequest preflightWithout = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.OPTIONS, "/bucket/k");
        assertThat(front(List.of()).translate(preflightWithout)).isNull();
    }

    @Test
    void shouldTakeAFormPostAsS3EvenWithoutTheAnonymousAccount() {
        HttpRequest form = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/bucket");
        form.headers().set("Content-Type", "multipart/form-data; boundary=xyz");
        S3HttpRequest out = java.util.Objects.requireNonNull(front(List.of()).translate(form));
        assertThat(out.s3().bucket()).isEqualTo("bucket");
        assertThat(out.s3().account()).isEqualTo(S3Front.FORM_ACCOUNT);
        HttpRequest swiftForm = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/v1/AUTH_test/c");
        swiftForm.headers().set("Content-Type", "multipart/form-data; boundary=xyz");
        assertThat(front(List.of()).translate(swiftForm)).isNull();
    }

    @Test
    void shouldRefuseInvalidBucketNamesAndTooLongKeys() {
        S3Front f = front(List.of());
        assertThatThrownBy(() -> f.translate(signed("GET", "/Bad_Bucket/k", null, "/Bad_Bucket/k")))
                .isInstanceOfSatisfying(
                        S3Exception.class, e -> assertThat(e.code()).isEqualTo(S3ErrorCode.InvalidBucketName));
        String longKey = "/bucket/" + "k".repeat(1025);
        assertThatThrownBy(() -> f.translate(signed("PUT", longKey, null, longKey)))
                .isInstanceOfSatisfying(
                        S3Exception.class, e -> assertThat(e.code()).isEqualTo(S3ErrorCode.KeyTooLongError));
    }

    @Test
    void shouldRefuseAnUnknownAccessKeyWithSignatureDoesNotMatch() {
        HttpRequest r = signed("GET", "/bucket", null, "/bucket");
        r.headers().set("Authorization", "AWS nobody:nobody:AAAA");
        assertThatThrownBy(() -> front(List.of()).translate(r))
                .isInstanceOfSatisfying(
                        S3Exception.class, e -> assertThat(e.code()).isEqualTo(S3ErrorCode.SignatureDoesNotMatch));
    }
}
