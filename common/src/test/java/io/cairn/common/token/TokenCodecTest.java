package io.cairn.common.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCodecTest {
    private static final byte[] KEY =
            "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final TokenClaims CLAIMS = new TokenClaims(
            "user1",
            "Zoë",
            "default",
            new TokenClaims.Scope(TokenClaims.Kind.PROJECT, "proj1", "プロジェクト", "default"),
            List.of("admin", "member"),
            List.of("password"),
            Instant.ofEpochMilli(1_700_000_000_000L),
            Instant.ofEpochMilli(1_700_003_600_000L),
            "audit-1");

    @Test
    void roundTripsEveryClaim() {
        TokenCodec codec = new TokenCodec(KEY);
        String token = codec.encode(CLAIMS);
        assertThat(token).startsWith(TokenCodec.PREFIX);
        assertThat(codec.decode(token)).contains(CLAIMS);
    }

    @Test
    void unscopedAndDomainScopesRoundTrip() {
        TokenCodec codec = new TokenCodec(KEY);
        TokenClaims unscoped = new TokenClaims(
                "u",
                "u-name",
                "d1",
                null,
                List.of(),
                List.of("token", "password"),
                CLAIMS.issuedAt(),
                CLAIMS.expiresAt(),
                "a");
        TokenClaims domain = new TokenClaims(
                "u",
                "u-name",
                "default",
                new TokenClaims.Scope(TokenClaims.Kind.DOMAIN, "default", "Default", "default"),
                List.of("admin"),
                List.of("password"),
                CLAIMS.issuedAt(),
                CLAIMS.expiresAt(),
                "b");
        assertThat(codec.decode(codec.encode(unscoped))).contains(unscoped);
        assertThat(codec.decode(codec.encode(domain))).contains(domain);
    }

    @Test
    void anotherKeysTokenIsRefused() {
        String token = new TokenCodec(KEY).encode(CLAIMS);
        byte[] other = KEY.clone();
        other[0] ^= 1;
        assertThat(new TokenCodec(other).decode(token)).isEmpty();
    }

    @Test
    void aTokenWithChangedClaimsIsRefused() {
        TokenCodec codec = new TokenCodec(KEY);
        String token = codec.encode(CLAIMS);
        String payload = token.substring(TokenCodec.PREFIX.length(), token.indexOf('.'));
        byte[] bytes = Base64.getUrlDecoder().decode(payload);
        bytes[bytes.length - 1] ^= 1; // flip a bit of the audit id
        String forged = TokenCodec.PREFIX
                + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
                + token.substring(token.indexOf('.'));
        assertThat(codec.decode(forged)).isEmpty();
    }

    @Test
    void garbageIsRefusedNotThrown() {
        TokenCodec codec = new TokenCodec(KEY);
        for (String junk :
                List.of("", "cT1", "cT1.", "cT1!!!.???", "cT1AAAA.BBBB", "Bearer x", "cT1" + "A".repeat(9000))) {
            assertThat(codec.decode(junk)).as(junk).isEmpty();
        }
    }

    @Test
    void shouldRefuseAnotherFormatVersionWhenProperlySigned() throws Exception {
        TokenCodec codec = new TokenCodec(KEY);
        String token = codec.encode(CLAIMS);
        byte[] payload = Base64.getUrlDecoder().decode(token.substring(TokenCodec.PREFIX.length(), token.indexOf('.')));
        payload[0] = 1; // version 1 (no names): an older build's token
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(KEY, "HmacSHA256"));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String resigned =
                TokenCodec.PREFIX + b64.encodeToString(payload) + "." + b64.encodeToString(mac.doFinal(payload));
        assertThat(codec.decode(resigned)).isEmpty();
        // the same bytes with the current version byte and a fresh signature decode again: only the version differs
        payload[0] = 2;
        String current =
                TokenCodec.PREFIX + b64.encodeToString(payload) + "." + b64.encodeToString(mac.doFinal(payload));
        assertThat(codec.decode(current)).contains(CLAIMS);
    }

    @Test
    void shortKeysAreRefused() {
        assertThatThrownBy(() -> new TokenCodec(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
