package io.cairn.proxy.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TokenCodecTest {
    static final byte[] SECRET = "an-example-cluster-secret-of-32+chars".getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    static final Identity TESTER =
            new Identity("test", "tester", List.of("test", "test:tester", "AUTH_test"), NOW.getEpochSecond() + 3600);

    final TokenCodec codec = new TokenCodec("AUTH_", SECRET);

    @Test
    void shouldRoundTripIdentityWhenTokenIsUnaltered() {
        String token = codec.issue(TESTER);

        assertThat(token).startsWith("AUTH_tk").doesNotContain("=", "+", "/");
        assertThat(codec.verify(token, NOW)).isEqualTo(TESTER);
    }

    @Test
    void shouldValidateTokensOfAnotherProxyWhenSecretIsShared() {
        TokenCodec otherProxy = new TokenCodec("AUTH_", SECRET.clone());

        assertThat(otherProxy.verify(codec.issue(TESTER), NOW)).isEqualTo(TESTER);
    }

    @Test
    void shouldRejectTokenWhenSecretDiffers() {
        TokenCodec otherCluster =
                new TokenCodec("AUTH_", "another-cluster-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8));

        assertThat(otherCluster.verify(codec.issue(TESTER), NOW)).isNull();
    }

    @Test
    void shouldAcceptUntilExpirySecondAndRejectAfterWhenTimePasses() {
        String token = codec.issue(TESTER);
        long expires = TESTER.expiresEpochSecond();

        assertThat(codec.verify(token, Instant.ofEpochSecond(expires, 999_999_999)))
                .isEqualTo(TESTER);
        assertThat(codec.verify(token, Instant.ofEpochSecond(expires + 1))).isNull();
    }

    @Test
    void shouldRejectTokenWhenPrefixBelongsToAnotherReseller() {
        String token = codec.issue(TESTER);
        TokenCodec service = new TokenCodec("SERVICE_", SECRET);

        assertThat(service.verify(token, NOW)).isNull();
        assertThat(service.verify("SERVICE_" + token.substring("AUTH_".length()), NOW))
                .as("the prefix is signed too")
                .isNull();
    }

    @Test
    void shouldRejectForgedTokenWhenPayloadIsReplacedWithoutSecret() {
        String token = codec.issue(TESTER);
        byte[] raw = Base64.getUrlDecoder().decode(token.substring("AUTH_tk".length()));
        raw[1 + 8 + 2] = 'x'; // first letter of the account name
        String forged = "AUTH_tk" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertThat(codec.verify(forged, NOW)).isNull();
    }

    @Test
    void shouldRejectMalformedTokensWhenTheyAreNotCodecOutput() {
        String token = codec.issue(TESTER);

        assertThat(codec.verify("", NOW)).isNull();
        assertThat(codec.verify("AUTH_tk", NOW)).isNull();
        assertThat(codec.verify("AUTH_tk!!!!", NOW)).isNull();
        assertThat(codec.verify("AUTH_tk5f3c0ffee5f3c0ffee5f3c0ffee5f3c0", NOW))
                .as("a Swift-style token")
                .isNull();
        assertThat(codec.verify(token + "=", NOW)).isNull();
        assertThat(codec.verify(token + "AA", NOW)).isNull();
        assertThat(codec.verify("AUTH_tk" + "A".repeat(TokenCodec.MAX_TOKEN_LENGTH), NOW))
                .isNull();
    }

    @Test
    void shouldRefuseEmptySecretWhenConstructed() {
        assertThatThrownBy(() -> new TokenCodec("AUTH_", new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 300)
    void shouldRejectTokenWhenAnySingleBitIsFlipped(@ForAll("bitPositions") int bit) {
        String token = codec.issue(TESTER);
        int index = (bit / 16) % token.length();
        char flipped = (char) (token.charAt(index) ^ (1 << (bit % 16)));
        String altered = token.substring(0, index) + flipped + token.substring(index + 1);

        assertThat(codec.verify(altered, NOW))
                .as("bit %d of char %d", bit % 16, index)
                .isNull();
    }

    @Provide
    Arbitrary<Integer> bitPositions() {
        return Arbitraries.integers().between(0, 16 * 200 - 1);
    }

    @Property(tries = 200)
    void shouldRejectTokenWhenTruncated(@ForAll @IntRange(min = 0, max = 400) int cut) {
        String token = codec.issue(TESTER);
        String truncated = token.substring(0, Math.min(cut, token.length() - 1));

        assertThat(codec.verify(truncated, NOW)).isNull();
    }

    @Property(tries = 100)
    void shouldRoundTripAnyNamesWhenIssued(
            @ForAll("names") String account, @ForAll("names") String user, @ForAll("names") String group) {
        Identity identity = new Identity(account, user, List.of(account, account + ":" + user, group), 42);

        assertThat(codec.verify(codec.issue(identity), Instant.ofEpochSecond(42)))
                .isEqualTo(identity);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings()
                .withCharRange('\u0000', '\ud7ff')
                .ofMinLength(0)
                .ofMaxLength(40);
    }
}
