package io.cairn.jmh.common;

import io.cairn.common.token.TokenClaims;
import io.cairn.common.token.TokenCodec;
import io.cairn.jmh.ThroughputBenchmark;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The identity token's wire form ({@link TokenCodec}): {@code encode} is what issuing a token costs besides the
 * password check and the database, {@code decode} what every token-carrying request costs the image API and the
 * proxy's {@code authtoken} (HMAC-SHA256 check + claims parse). A project-scoped admin token as {@code cairn cloud}
 * issues it (two roles, one method, UUID-like ids), plus a token with a forged signature, which must cost what a
 * good one costs up to the comparison.
 */
public class TokenCodecBenchmark extends ThroughputBenchmark {
    private final TokenCodec codec =
            new TokenCodec("a 32-byte signing key for the jmh".getBytes(StandardCharsets.US_ASCII));
    private final TokenClaims claims = new TokenClaims(
            "5f0b4c1e9d2a4f37b8e6c3a1d9f0e2b4",
            "admin",
            "default",
            new TokenClaims.Scope(TokenClaims.Kind.PROJECT, "8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f", "admin", "default"),
            List.of("admin", "member"),
            List.of("password"),
            Instant.parse("2026-12-07T12:00:00Z"),
            Instant.parse("2026-12-07T13:00:00Z"),
            "q2Vx1mZ4RkWb7yPp0aLs3g");
    private final String token = codec.encode(claims);
    private final String forged = forge(token);

    /** The token with one signature character changed (a middle one: every bit of it counts). */
    private static String forge(String token) {
        int i = token.indexOf('.') + 5;
        char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
        return token.substring(0, i) + replacement + token.substring(i + 1);
    }

    public TokenCodecBenchmark() {
        if (codec.decode(token).isEmpty() || codec.decode(forged).isPresent()) {
            throw new IllegalStateException("the benchmark's tokens are not what they claim to be");
        }
    }

    @Benchmark
    public String encode() {
        return codec.encode(claims);
    }

    @Benchmark
    public Optional<TokenClaims> decode() {
        return codec.decode(token);
    }

    @Benchmark
    public Optional<TokenClaims> decodeForged() {
        return codec.decode(forged);
    }
}
