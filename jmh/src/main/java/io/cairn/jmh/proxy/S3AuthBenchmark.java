package io.cairn.jmh.proxy;

import io.cairn.proxy.s3api.auth.S3Auth;
import io.cairn.proxy.s3api.auth.S3Authenticator;
import io.cairn.proxy.s3api.auth.S3Query;
import io.cairn.proxy.s3api.auth.SigV4;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SigV4 header authentication of one S3 request as the proxy's {@code s3api} stage does it ({@link
 * S3Authenticator#authenticate}: parse the {@code Authorization} header and {@code x-amz-date}, check the skew and
 * scope, build the canonical request from the signed headers, derive the signing key, HMAC, compare), for the
 * requests {@code cairn-bench}'s S3 workloads send: a path-style PUT with {@code UNSIGNED-PAYLOAD}, the same PUT with
 * its body's SHA-256 (the verification of the body itself is not part of this: it happens while the body streams), and
 * a GET. Headers as the generator sends them (Host, Connection, Content-Type, Content-Length, the three signed ones and
 * Authorization). ns per request; {@code -prof gc} gives bytes allocated per request.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class S3AuthBenchmark {
    private static final String ACCESS = "test:tester";
    private static final String SECRET = "testing";
    private static final String AMZ_DATE = "20261208T043909Z";
    private static final String PATH = "/bench-cairn-1765168749000-0/o000000000042";
    private static final String BODY_SHA256 = "7b502c3a1f48c8609ae212cdfb639dee39673f5e1e1d7a1e4b1d38b8a6f1e8e1";

    private final S3Authenticator authenticator = new S3Authenticator(
            "us-east-1",
            900,
            k -> k.equals(ACCESS) ? SECRET : null,
            Clock.fixed(Instant.parse("2026-12-08T04:39:09Z"), ZoneOffset.UTC));
    private final S3Query noQuery = S3Query.parse("");
    private final S3Authenticator.Signed putUnsigned = put("UNSIGNED-PAYLOAD");
    private final S3Authenticator.Signed putSigned = put(BODY_SHA256);
    private final S3Authenticator.Signed get = signed("GET", request(SigV4.EMPTY_SHA256, false));

    private S3Authenticator.Signed put(String payloadHash) {
        return signed("PUT", request(payloadHash, true));
    }

    private static HttpHeaders request(String payloadHash, boolean put) {
        HttpHeaders h = new DefaultHttpHeaders();
        h.set("Host", "127.0.0.1:8080");
        h.set("Connection", "keep-alive");
        if (put) {
            h.set("Content-Type", "application/octet-stream");
            h.set("Content-Length", "4096");
        }
        h.set("x-amz-content-sha256", payloadHash);
        h.set("x-amz-date", AMZ_DATE);
        return h;
    }

    /** Signs {@code h} as a client would (SigV4's own arithmetic, the canonical request written out here). */
    private S3Authenticator.Signed signed(String method, HttpHeaders h) {
        String payload = h.get("x-amz-content-sha256");
        String canonical = method + "\n" + PATH + "\n\n" + "host:" + h.get("Host") + "\n" + "x-amz-content-sha256:"
                + payload + "\n" + "x-amz-date:" + AMZ_DATE + "\n\nhost;x-amz-content-sha256;x-amz-date\n" + payload;
        String scope = AMZ_DATE.substring(0, 8) + "/us-east-1/s3/aws4_request";
        byte[] key = SigV4.signingKey(SECRET, AMZ_DATE.substring(0, 8), "us-east-1", "s3");
        String signature = SigV4.signature(key, SigV4.stringToSign(AMZ_DATE, scope, canonical));
        h.set(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=" + ACCESS + "/" + scope
                        + ", SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=" + signature);
        S3Authenticator.Signed r = new S3Authenticator.Signed(method, PATH, noQuery, h, null);
        authenticator.authenticate(r); // throws unless the proxy accepts it
        return r;
    }

    @Benchmark
    public S3Auth putUnsignedPayload() {
        return authenticator.authenticate(putUnsigned);
    }

    @Benchmark
    public S3Auth putSignedPayload() {
        return authenticator.authenticate(putSigned);
    }

    @Benchmark
    public S3Auth get() {
        return authenticator.authenticate(get);
    }
}
