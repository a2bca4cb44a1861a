package io.cairn.bench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The generator's SigV4 against AWS's published S3 example (S3 API reference, "Signature Calculations for the
 * Authorization Header: Transferring Payload in a Single Chunk", GET Object) and against botocore 1.x (Debian's
 * python3-botocore, {@code S3SigV4Auth}) for a request of the generator's own shape.
 */
class SigV4SignerTest {
    private static final String AWS_ACCESS = "AKIAIOSFODNN7EXAMPLE";
    private static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void shouldMatchAwsGetObjectExampleWhenSigningItsCanonicalParts() {
        SigV4Signer signer = new SigV4Signer(AWS_ACCESS, AWS_SECRET, "us-east-1", () -> 0L);
        String sig = signer.signature(
                "GET",
                "/test.txt",
                "",
                new String[] {"host", "range", "x-amz-content-sha256", "x-amz-date"},
                new String[] {"examplebucket.s3.amazonaws.com", "bytes=0-9", EMPTY_SHA256, "20130524T000000Z"},
                EMPTY_SHA256,
                "20130524T000000Z");
        assertThat(sig).isEqualTo("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    @Test
    void shouldSignAPathStylePutAsBotocoreDoesWhenThePayloadIsUnsigned() {
        // botocore S3SigV4Auth('test:tester', 'testing', us-east-1) of this PUT at 2026-12-08T04:39:09Z gave this
        long at = Instant.parse("2026-12-08T04:39:09.500Z").toEpochMilli();
        SigV4Signer signer = new SigV4Signer("test:tester", "testing", "us-east-1", () -> at);
        HttpRequest r = new DefaultHttpRequest(
                HttpVersion.HTTP_1_1, HttpMethod.PUT, "/bench-cairn-1765168749000-0/o000000000042");
        r.headers().set(HttpHeaderNames.HOST, "127.0.0.1:8080");
        signer.sign(r);
        assertThat(r.headers().get("x-amz-date")).isEqualTo("20261208T043909Z");
        assertThat(r.headers().get("x-amz-content-sha256")).isEqualTo("UNSIGNED-PAYLOAD");
        assertThat(r.headers().get(HttpHeaderNames.AUTHORIZATION))
                .isEqualTo("AWS4-HMAC-SHA256 Credential=test:tester/20261208/us-east-1/s3/aws4_request, "
                        + "SignedHeaders=host;x-amz-content-sha256;x-amz-date, "
                        + "Signature=587bfbcd248a94ff4a76410c78312aaf9e613c0837ce1de61a3fd2539280bfe7");
    }

    @Test
    void shouldKeepAGivenPayloadHashAndFollowTheClockAcrossDays() {
        AtomicLong now = new AtomicLong(Instant.parse("2013-05-23T23:59:59Z").toEpochMilli());
        SigV4Signer signer = new SigV4Signer(AWS_ACCESS, AWS_SECRET, "us-east-1", now::get);
        HttpRequest first = get();
        signer.sign(first);
        assertThat(first.headers().get("x-amz-content-sha256")).isEqualTo(EMPTY_SHA256);
        assertThat(first.headers().get(HttpHeaderNames.AUTHORIZATION)).contains("/20130523/us-east-1/");
        now.set(Instant.parse("2013-05-24T00:00:00Z").toEpochMilli());
        HttpRequest r = get();
        signer.sign(r);
        // the same request as AWS's example (host, range, payload hash and date signed, the range header included)
        // differs only in its signed headers, so check the scope and date moved and the signature is well-formed
        assertThat(r.headers().get("x-amz-date")).isEqualTo("20130524T000000Z");
        assertThat(r.headers().get(HttpHeaderNames.AUTHORIZATION))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ")
                .matches(".*, Signature=[0-9a-f]{64}");
        // and the result is what the canonical-parts form computes for the same three headers
        String sig = signer.signature(
                "GET",
                "/test.txt",
                "",
                new String[] {"host", "x-amz-content-sha256", "x-amz-date"},
                new String[] {"examplebucket.s3.amazonaws.com", EMPTY_SHA256, "20130524T000000Z"},
                EMPTY_SHA256,
                "20130524T000000Z");
        assertThat(r.headers().get(HttpHeaderNames.AUTHORIZATION)).endsWith("Signature=" + sig);
    }

    @Test
    void shouldSortQueryParametersWhenCanonicalizing() {
        assertThat(SigV4Signer.canonicalQuery("uploads&prefix=a%2Fb&max-keys=2"))
                .isEqualTo("max-keys=2&prefix=a%2Fb&uploads=");
        assertThat(SigV4Signer.canonicalQuery("")).isEmpty();
    }

    @Test
    void shouldRefuseARequestWithoutHost() {
        SigV4Signer signer = new SigV4Signer(AWS_ACCESS, AWS_SECRET, "us-east-1", () -> 0L);
        HttpRequest r = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/b/k");
        assertThatThrownBy(() -> signer.sign(r)).isInstanceOf(IllegalArgumentException.class);
    }

    private static HttpRequest get() {
        HttpRequest r = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/test.txt");
        r.headers().set(HttpHeaderNames.HOST, "examplebucket.s3.amazonaws.com");
        r.headers().set("x-amz-content-sha256", EMPTY_SHA256);
        return r;
    }
}
