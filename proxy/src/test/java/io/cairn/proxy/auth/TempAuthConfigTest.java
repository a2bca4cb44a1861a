package io.cairn.proxy.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.IniFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class TempAuthConfigTest {
    static final String SECRET = "token_secret = 0123456789abcdef0123456789abcdef\n";

    static TempAuthConfig parse(String body) {
        return TempAuthConfig.from(IniFile.parse("[filter:tempauth]\nuse = egg:swift#tempauth\n" + body, "test.conf")
                .section("filter:tempauth"));
    }

    static TempAuthConfig.User user(TempAuthConfig config, String accountUser) {
        return java.util.Objects.requireNonNull(config.users().get(accountUser), accountUser);
    }

    @Test
    void shouldUseSwiftDefaultsWhenSectionIsEmpty() {
        TempAuthConfig config = parse("");

        assertThat(config.resellerPrefixes()).containsExactly("AUTH_");
        assertThat(config.resellerPrefix()).isEqualTo("AUTH_");
        assertThat(config.authPrefix()).isEqualTo("/auth/");
        assertThat(config.tokenLife()).isEqualTo(86400);
        assertThat(config.allowOverrides()).isTrue();
        assertThat(config.storageUrlScheme()).isEqualTo("default");
        assertThat(config.requireGroup("AUTH_")).isEmpty();
        assertThat(config.users()).isEmpty();
        assertThat(config.unknownKeys()).isEmpty();
    }

    @Test
    void shouldNormalizeResellerPrefixesAsSwiftWhenListed() {
        assertThat(parse("reseller_prefix = AUTH, SERVICE_ , AUTH_,,''\n").resellerPrefixes())
                .containsExactly("AUTH_", "SERVICE_", "");
        assertThat(parse("reseller_prefix = ,\n").resellerPrefixes()).containsExactly("");
    }

    @Test
    void shouldApplyRequireGroupPerPrefixWhenPrefixedOptionOverrides() {
        TempAuthConfig config =
                parse("reseller_prefix = AUTH, SERVICE, ''\nrequire_group = staff\nSERVICE_require_group = service\n");

        assertThat(config.requireGroup("AUTH_")).isEqualTo("staff");
        assertThat(config.requireGroup("SERVICE_")).isEqualTo("service");
        assertThat(config.requireGroup("")).isEqualTo("staff");
        assertThat(config.unknownKeys()).isEmpty();
    }

    @Test
    void shouldFixAuthPrefixWhenSlashesAreMissing() {
        assertThat(parse("auth_prefix = token\n").authPrefix()).isEqualTo("/token/");
        assertThat(parse("auth_prefix = /\n").authPrefix()).isEqualTo("/auth/");
    }

    @Test
    void shouldReadUsersWithGroupsAndStorageUrlsWhenConfigured() {
        TempAuthConfig config = parse(SECRET
                + "user_test_tester = testing .admin\n"
                + "user_test_tester3 = testing3\n"
                + "user_cust_u = pw g1 https://store.example.com/v1/AUTH_x\n"
                + "user_o_p = pw $HOST/v1/AUTH_o\n"
                + "user64_dW5kZXJfc2NvcmU_YV9i = testing4\n"
                + "user_sp_ace = pw\n");

        assertThat(config.users().get("test:tester"))
                .isEqualTo(
                        new TempAuthConfig.User("test", "tester", "testing", List.of(".admin"), "$HOST/v1/AUTH_test"));
        assertThat(user(config, "test:tester3").groups()).isEmpty();
        assertThat(user(config, "cust:u").storageUrl()).isEqualTo("https://store.example.com/v1/AUTH_x");
        assertThat(user(config, "cust:u").accountId()).isEqualTo("AUTH_x");
        assertThat(user(config, "o:p").storageUrl()).isEqualTo("$HOST/v1/AUTH_o");
        assertThat(user(config, "under_score:a_b").storageUrl()).isEqualTo("$HOST/v1/AUTH_under_score");
    }

    @Test
    void shouldQuoteAccountInDefaultStorageUrlWhenNameNeedsIt() {
        TempAuthConfig config = parse(SECRET + "user64_w6k_dQ = pw\n"); // account "é", user "u"

        assertThat(user(config, "é:u").storageUrl()).isEqualTo("$HOST/v1/AUTH_%C3%A9");
    }

    @Test
    void shouldRefuseUserLinesWhenMalformed() {
        assertThatThrownBy(() -> parse(SECRET + "user_a_b_c = pw\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("user_a_b_c")
                .hasMessageContaining("invalid format");
        assertThatThrownBy(() -> parse(SECRET + "user_a_b =\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("has no key set");
        assertThatThrownBy(() -> parse(SECRET + "user64_A_b = pw\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("base64");
    }

    @Test
    void shouldRequireLongTokenSecretWhenUsersExist() {
        assertThatThrownBy(() -> parse("user_a_b = pw\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("token_secret")
                .hasMessageContaining("required");
        assertThatThrownBy(() -> parse("token_secret = short\nuser_a_b = pw\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("at least 32")
                .hasMessageNotContaining("short");
    }

    @Test
    void shouldReportUnknownKeysWhenSectionHasTypos() {
        TempAuthConfig config = parse(SECRET + "token_lfe = 10\nreseller_prefix = AUTH\nSERVICE_require_group = x\n");

        assertThat(config.unknownKeys()).containsExactly("SERVICE_require_group", "token_lfe");
    }

    @Test
    void shouldRefuseTokenLifeWhenNotPositive() {
        assertThatThrownBy(() -> parse("token_life = 0\n")).isInstanceOf(ConfigException.class);
    }
}
