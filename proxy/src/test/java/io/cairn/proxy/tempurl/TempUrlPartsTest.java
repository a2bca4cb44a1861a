package io.cairn.proxy.tempurl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each expected value was printed by Swift 2.30.1's own functions (Debian's /usr/bin/python3). */
class TempUrlPartsTest {
    @Test
    void shouldComputeTheHmacSwiftsGetHmacComputes() {
        assertThat(TempUrlSignature.hmac("GET", "/v1/AUTH_a/c/o", 1_700_000_000L, "k", "sha1", null))
                .isEqualTo("0f0c0f39d6ab8be658d01c698826343d80886bb0");
        assertThat(TempUrlSignature.hmac("GET", "/v1/AUTH_a/c/ü", 1_700_000_000L, "kéy", "sha256", null))
                .isEqualTo("80c75ecc788aaa91a120c0a43e4b565bba4624664f0c323d73f8fcd4b15aa444");
        assertThat(TempUrlSignature.hmac(
                        "PUT", "prefix:/v1/AUTH_a/c/dir/", 1_700_000_000L, "k", "sha512", "10.0.0.0/8"))
                .isEqualTo("11ec86eb265821e683b7d8ea66458de6e3591aa621bfa74a52b5bb40cc29479e"
                        + "5abfb42acbb7ca10c7898ee32bbe9cece7cd9991c14e0af62d645f8d7eb3241a");
        assertThat(TempUrlSignature.hmac("GET", "/v1/AUTH_a/c/o", 1_700_000_000L, "", "sha1", null))
                .isEqualTo("51beee9d76896828165abb6a68e2e716495f8cdc");
    }

    @Test
    void shouldReadSignaturesAsExtractDigestAndAlgorithmDoes() {
        assertThat(TempUrlSignature.parse("sha256:q1f6bS5WsL8kNqwOxOg6EWe6gC3TDoBf7bh-CLpAIAM"))
                .isEqualTo(new TempUrlSignature.Parsed(
                        "sha256", "ab57fa6d2e56b0bf2436ac0ec4e83a1167ba802dd30e805fedb87e08ba402003"));
        assertThat(TempUrlSignature.parse("sha1:abc")).isEqualTo(new TempUrlSignature.Parsed("sha1", "69b7"));
        assertThat(TempUrlSignature.parse("sha1:ab=c")).isNull();
        assertThat(TempUrlSignature.parse("zz".repeat(20))).isNull();
        assertThat(TempUrlSignature.parse("a".repeat(41))).isNull();
        assertThat(TempUrlSignature.parse("0f0c0f39d6ab8be658d01c698826343d80886bb0"))
                .isEqualTo(new TempUrlSignature.Parsed("sha1", "0f0c0f39d6ab8be658d01c698826343d80886bb0"));
    }

    @Test
    void shouldMatchClientsToRangesAsPythonsIpaddressDoes() {
        assertThat(IpRange.contains("127.0.0.0/8", "127.0.0.1")).isTrue();
        assertThat(IpRange.contains("10.0.0.0/8", "127.0.0.1")).isFalse();
        assertThat(IpRange.contains("10.0.0.1/8", "10.0.0.1"))
                .as("host bits set: ValueError")
                .isFalse();
        assertThat(IpRange.contains("::1/128", "::1")).isTrue();
        assertThat(IpRange.contains("127.0.0.1", "127.0.0.1")).isTrue();
        assertThat(IpRange.contains("localhost", "127.0.0.1"))
                .as("names are never looked up")
                .isFalse();
        assertThat(IpRange.contains("127.0.0.0/8", null)).isFalse();
    }

    @Test
    void shouldFormatContentDispositionAsSwiftDoes() {
        assertThat(Disposition.format("attachment", "my file ü/x.txt"))
                .isEqualTo("attachment; filename=\"my file %C3%BC/x.txt\"; filename*=UTF-8''my%20file%20%C3%BC/x.txt");
    }

    @Test
    void shouldReadExpiriesAsPythonsIntOrIso8601() {
        assertThat(TempUrlQuery.parseExpires(" 1700000000 ")).isEqualTo(1_700_000_000L);
        assertThat(TempUrlQuery.parseExpires("1_700_000_000")).isEqualTo(1_700_000_000L);
        assertThat(TempUrlQuery.parseExpires("2100-01-01T00:00:00Z")).isEqualTo(4_102_444_800L);
        assertThat(TempUrlQuery.parseExpires("tomorrow")).isZero();
        assertThat(TempUrlQuery.parse("temp_url_sig=x&temp_url_expires=1000", 2000.0)
                        .expires())
                .as("past: 0")
                .isZero();
        assertThat(TempUrlQuery.parse("temp_url_sig=a%2Bb+c&inline", 0).sig()).isEqualTo("a+b c");
        assertThat(TempUrlQuery.parse("temp_url_sig=a%2Bb+c&inline", 0).inline())
                .isTrue();
    }
}
