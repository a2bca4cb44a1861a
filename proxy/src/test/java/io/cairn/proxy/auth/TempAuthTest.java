package io.cairn.proxy.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.config.IniFile;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class TempAuthTest {
    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L, 250_000_000);

    static TempAuth tempAuth(String body) {
        return new TempAuth(TempAuthConfig.from(
                IniFile.parse("[filter:tempauth]\ntoken_secret = 0123456789abcdef0123456789abcdef\n" + body, "t")
                        .section("filter:tempauth")));
    }

    static final TempAuth AUTH = tempAuth("reseller_prefix = AUTH, SERVICE\ntoken_life = 600\n"
            + "user_test_tester = testing .admin\nuser_glance_glance = glancepw service\n");

    static String token(TempAuth auth, String user, String key, Instant now) {
        Map<String, String> headers = Map.of("X-Auth-User", user, "X-Auth-Key", key);
        TokenResponse response = auth.getToken("GET", "/auth/v1.0", headers::get, "http://h:8080", now);
        assertThat(response.status()).isEqualTo(200);
        return Objects.requireNonNull(response.headers().get("X-Auth-Token"));
    }

    @Test
    void shouldIssueTokenWithSwiftHeadersWhenCredentialsAreRight() {
        Map<String, String> headers = Map.of("X-Storage-User", "tester", "X-Storage-Pass", "testing");
        TokenResponse response = AUTH.getToken("GET", "/auth/v1/test/auth", headers::get, "http://h:8080", NOW);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().keySet())
                .containsExactly("X-Auth-Token", "X-Storage-Token", "X-Auth-Token-Expires", "X-Storage-Url");
        assertThat(response.headers().get("X-Auth-Token-Expires")).isEqualTo("599");
        assertThat(response.headers().get("X-Storage-Url")).isEqualTo("http://h:8080/v1/AUTH_test");
        Identity identity =
                AUTH.identify(Objects.requireNonNull(response.headers().get("X-Auth-Token")), NOW);
        assertThat(identity)
                .isEqualTo(new Identity(
                        "test",
                        "tester",
                        java.util.List.of("test", "test:tester", "AUTH_test", "SERVICE_test"),
                        NOW.getEpochSecond() + 600));
    }

    @Test
    void shouldAnswerSwiftStatusesWhenRequestIsNotAValidTokenRequest() {
        Map<String, String> none = Map.of();
        assertThat(AUTH.getToken("POST", "/auth/v1.0", none::get, "http://h", NOW)
                        .status())
                .isEqualTo(405);
        assertThat(AUTH.getToken("GET", "/auth/", none::get, "http://h", NOW).status())
                .isEqualTo(404);
        assertThat(AUTH.getToken("GET", "/auth/v2.0", none::get, "http://h", NOW)
                        .status())
                .isEqualTo(400);
        TokenResponse missing = AUTH.getToken("GET", "/auth/v1.0", none::get, "http://h", NOW);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.headers()).containsEntry("Www-Authenticate", "Swift realm=\"unknown\"");
        assertThatThrownBy(() -> AUTH.getToken("GET", "/v1/AUTH_test", none::get, "http://h", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldForceSchemeOnStorageUrlWhenConfigured() {
        TempAuth https = tempAuth("storage_url_scheme = https\nuser_test_tester = testing\n");
        Map<String, String> headers = Map.of("X-Auth-User", "test:tester", "X-Auth-Key", "testing");

        TokenResponse response = https.getToken("GET", "/auth/v1.0", headers::get, "http://h:8080", NOW);

        assertThat(response.headers().get("X-Storage-Url")).isEqualTo("https://h:8080/v1/AUTH_test");
    }

    @Test
    void shouldDropDefaultPortWhenBuildingHostUrl() {
        assertThat(TempAuth.hostUrl("http", "example.com:80", "x:1")).isEqualTo("http://example.com");
        assertThat(TempAuth.hostUrl("https", "example.com:443", "x:1")).isEqualTo("https://example.com");
        assertThat(TempAuth.hostUrl("https", "example.com:80", "x:1")).isEqualTo("https://example.com:80");
        assertThat(TempAuth.hostUrl("http", null, "127.0.0.1:8080")).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void shouldAuthenticateWithServiceGroupsWhenBothTokensAreValid() {
        String user = token(AUTH, "test:tester", "testing", NOW);
        String service = token(AUTH, "glance:glance", "glancepw", NOW);

        Authentication both = AUTH.authenticate(user, service, NOW);

        assertThat(both.status()).isEqualTo(Authentication.Status.AUTHENTICATED);
        assertThat(Objects.requireNonNull(both.identity()).accountUser()).isEqualTo("test:tester");
        assertThat(Objects.requireNonNull(both.service()).groups()).contains("service");
        assertThat(AUTH.authenticate(user, "AUTH_tkforged", NOW).service()).isNull();
    }

    @Test
    void shouldRejectOwnPrefixTokensAndIgnoreOthersWhenInvalid() {
        String user = token(AUTH, "test:tester", "testing", NOW);

        assertThat(AUTH.authenticate(null, null, NOW)).isEqualTo(Authentication.ANONYMOUS);
        assertThat(AUTH.authenticate("", null, NOW)).isEqualTo(Authentication.ANONYMOUS);
        assertThat(AUTH.authenticate("KEY_tk123", null, NOW)).isEqualTo(Authentication.ANONYMOUS);
        assertThat(AUTH.authenticate("AUTH_tk123", null, NOW)).isEqualTo(Authentication.REJECTED);
        assertThat(AUTH.authenticate(user, null, NOW.plusSeconds(601))).isEqualTo(Authentication.REJECTED);
    }

    @Test
    void shouldRejectTokensOfOtherClusterWhenSecretsDiffer() {
        TempAuth other = new TempAuth(TempAuthConfig.from(IniFile.parse(
                        "[filter:tempauth]\ntoken_secret = ffffffffffffffffffffffffffffffff\n"
                                + "user_test_tester = testing .admin\n",
                        "t")
                .section("filter:tempauth")));
        String token = token(other, "test:tester", "testing", NOW);

        assertThat(AUTH.identify(token, NOW)).isNull();
        assertThat(other.identify(token, NOW)).isNotNull();
    }

    @Test
    void shouldRecognizeAuthPathsWhenUnderPrefix() {
        assertThat(AUTH.isAuthPath("/auth/v1.0")).isTrue();
        assertThat(AUTH.isAuthPath("/auth")).isFalse();
        assertThat(AUTH.isAuthPath("/v1/AUTH_test")).isFalse();
    }
}
