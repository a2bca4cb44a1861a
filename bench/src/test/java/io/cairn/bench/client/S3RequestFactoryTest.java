package io.cairn.bench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.bench.workload.Operation;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import java.net.URI;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class S3RequestFactoryTest {
    private static AuthSession session() {
        return new S3AuthStrategy(URI.create("http://127.0.0.1:8080/auth/v1.0"), "test:tester", "testing", "us-east-1")
                .authenticate();
    }

    @Test
    void shouldAddressPathStyleBucketsAndSignWhenBuildingAPut() {
        S3RequestFactory f = new S3RequestFactory(session(), "bench-cairn-1", null);
        HttpRequest r = f.request(Operation.PUT, 2, 42, 4096, -1, 1000);
        assertThat(r.uri()).isEqualTo("/bench-cairn-1-2/o000000000042");
        assertThat(r.headers().get(HttpHeaderNames.HOST)).isEqualTo("127.0.0.1:8080");
        assertThat(r.headers().get(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo("4096");
        assertThat(r.headers().get("x-amz-content-sha256")).isEqualTo("UNSIGNED-PAYLOAD");
        assertThat(r.headers().get(HttpHeaderNames.AUTHORIZATION))
                .startsWith("AWS4-HMAC-SHA256 Credential=test:tester/");
        assertThat(f.createContainer(0).uri()).isEqualTo("/bench-cairn-1-0");
        assertThat(f.isSuccess(Operation.PUT, 200)).isTrue();
        assertThat(f.isSuccess(Operation.PUT, 201)).isFalse();
        assertThat(f.isSuccess(Operation.GET, 200)).isTrue();
    }

    @Test
    void shouldCarryTheBodysSha256WhenThePayloadIsSigned() throws Exception {
        try (PayloadBuffer payload = new PayloadBuffer(3 << 20, 42)) {
            S3RequestFactory f = new S3RequestFactory(session(), "bench-cairn-1", payload);
            long length = (2 << 20) + 5; // two whole chunks and a piece of a third
            HttpRequest r = f.request(Operation.PUT, 0, 1, length, -1, 1000);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (long off = 0; off < length; off += payload.chunkSize()) {
                sha.update(payload.chunk(off, length).content().nioBuffer());
            }
            assertThat(r.headers().get("x-amz-content-sha256"))
                    .isEqualTo(HexFormat.of().formatHex(sha.digest()));
            assertThat(f.request(Operation.GET, 0, 1, 0, -1, 1000).headers().get("x-amz-content-sha256"))
                    .isEqualTo("UNSIGNED-PAYLOAD");
        }
    }

    @Test
    void shouldRefuseBucketNamesS3DoesNotTake() {
        assertThatThrownBy(() -> new S3RequestFactory(session(), "Bench_Cairn", null))
                .isInstanceOf(IllegalArgumentException.class);
        S3RequestFactory f = new S3RequestFactory(session(), "bench-cairn-1", null);
        assertThatThrownBy(() -> f.request(Operation.LIST, 0, 0, 0, -1, 1000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
