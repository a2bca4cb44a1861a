package io.cairn.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.IniFile;
import io.cairn.common.testing.Await;
import io.cairn.common.token.TokenClaims;
import io.cairn.common.token.TokenCodec;
import io.cairn.proxy.auth.KeystoneAuthConfig;
import io.cairn.proxy.pipeline.AccessPolicy;
import io.cairn.proxy.pipeline.KeystoneAccess;
import io.cairn.proxy.pipeline.OpenAccess;
import io.cairn.proxy.pipeline.TempAuthAccess;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The auth policy from the pipeline: which filters, their settings and warnings, and routing by token. */
class ProxyAuthTest {
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final String KEY64 = Base64.getEncoder().encodeToString(KEY);
    static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final String PIPELINE =
            "[pipeline:main]\npipeline = catch_errors authtoken keystoneauth tempauth proxy-server\n"
                    + "[filter:tempauth]\nuse = egg:swift#tempauth\ntoken_secret = " + "x".repeat(32) + "\n"
                    + "user_admin_admin = admin .admin .reseller_admin\n";

    static AccessPolicy policy(String ini, List<String> warnings) {
        IniFile file = IniFile.parse(ini, "test.conf");
        return ProxyAuth.fromIni(file, ProxyPipeline.fromIni(file), CLOCK, warnings);
    }

    static String token(String project, List<String> roles, Instant expires) {
        return token(project, roles, expires, "audit");
    }

    static String token(String project, List<String> roles, Instant expires, String auditId) {
        return new TokenCodec(KEY)
                .encode(new TokenClaims(
                        "u1",
                        "alice",
                        "default",
                        new TokenClaims.Scope(TokenClaims.Kind.PROJECT, project, "proj", "default"),
                        roles,
                        List.of("password"),
                        NOW.minusSeconds(60),
                        expires,
                        auditId));
    }

    static AccessPolicy.Request request(String method, String account, @Nullable String token) {
        HttpHeaders h = new DefaultHttpHeaders();
        if (token != null) {
            h.set("X-Auth-Token", token);
        }
        return new AccessPolicy.Request(method, account, "c", null, h, null, null, null, Map.of());
    }

    @Test
    void shouldRouteIdentityTokensToKeystoneauthAndOthersToTempauthWhenBothRun() {
        List<String> warnings = new ArrayList<>();
        AccessPolicy p = policy(
                PIPELINE + "[filter:authtoken]\nuse = egg:keystonemiddleware#authtoken\ncairn_signing_key = " + KEY64
                        + "\ndelay_auth_decision = true\nwww_authenticate_uri = http://keystone:5000\n"
                        + "memcached_servers = m:11211\n"
                        + "[filter:keystoneauth]\nuse = egg:swift#keystoneauth\noperator_roles = admin, member\n",
                warnings);
        assertThat(p).isInstanceOf(KeystoneAccess.class);
        assertThat(p.isTempAuth()).isTrue();
        assertThat(warnings)
                .anySatisfy(w -> assertThat(w).contains("www_authenticate_uri, memcached_servers"))
                .anySatisfy(w -> assertThat(w).contains("no auth_url: revoked identity tokens are accepted"));

        String member = token("p1", List.of("Member"), NOW.plusSeconds(3600));
        assertThat(p.authorize(request("PUT", "AUTH_p1", member)).allowed()).isTrue();
        assertThat(p.authorize(request("PUT", "AUTH_p1", member)).swiftOwner()).isTrue();
        assertThat(p.authorize(request("GET", "AUTH_p2", member)).status()).isEqualTo(403);
        assertThat(p.isAuthenticated(request("GET", "AUTH_p1", member).headers()))
                .isTrue();
        // expired or signed by another key: anonymous to keystoneauth (delay_auth_decision), so 401
        String expired = token("p1", List.of("admin"), NOW);
        assertThat(p.authorize(request("GET", "AUTH_p1", expired)).status()).isEqualTo(401);
        assertThat(p.isAuthenticated(request("GET", "AUTH_p1", expired).headers()))
                .isFalse();
        // no token: tempauth decides (401 too), and its token requests are its own
        assertThat(p.authorize(request("GET", "AUTH_p1", null)).status()).isEqualTo(401);
        assertThat(p.answerEarly(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/auth/v1.0"), null))
                .isNotNull()
                .satisfies(r -> assertThat(r.status().code()).isEqualTo(401));
        String reseller = token("p9", List.of("ResellerAdmin"), NOW.plusSeconds(60));
        assertThat(p.isResellerRequest(request("GET", "AUTH_p1", reseller).headers()))
                .isTrue();
    }

    @Test
    void shouldAnswer401EarlyWithoutAValidIdentityTokenWhenDecisionsAreNotDelayed() {
        AccessPolicy p = policy(
                "[pipeline:main]\npipeline = authtoken keystoneauth proxy-server\n[filter:authtoken]\n"
                        + "cairn_signing_key = " + KEY64 + "\n[filter:keystoneauth]\n",
                new ArrayList<>());
        DefaultHttpRequest anonymous = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/v1/AUTH_p1/c");
        assertThat(p.answerEarly(anonymous, null)).isNotNull();
        DefaultHttpRequest valid = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/v1/AUTH_p1/c");
        valid.headers().set("X-Auth-Token", token("p1", List.of("admin"), NOW.plusSeconds(60)));
        assertThat(p.answerEarly(valid, null)).isNull();
        assertThat(p.isTempAuth()).isFalse();
    }

    @Test
    void shouldRefuseHalfAPairOrAMissingKey() {
        assertThatThrownBy(() -> policy("[pipeline:main]\npipeline = keystoneauth proxy-server\n", new ArrayList<>()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("keystoneauth needs authtoken");
        assertThatThrownBy(() -> policy("[pipeline:main]\npipeline = authtoken proxy-server\n", new ArrayList<>()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("add keystoneauth");
        assertThatThrownBy(() ->
                        policy("[pipeline:main]\npipeline = authtoken keystoneauth proxy-server\n", new ArrayList<>()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cairn_signing_key");
        assertThatThrownBy(() -> policy(
                        "[pipeline:main]\npipeline = authtoken keystoneauth proxy-server\n[filter:authtoken]\n"
                                + "cairn_signing_key = " + Base64.getEncoder().encodeToString(new byte[16]) + "\n",
                        new ArrayList<>()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("at least 32 bytes");
        assertThat(policy(
                        "[pipeline:main]\npipeline = tempauth proxy-server\n"
                                + PIPELINE.substring(PIPELINE.indexOf("[filter")),
                        new ArrayList<>()))
                .isInstanceOf(TempAuthAccess.class);
        assertThat(policy("[pipeline:main]\npipeline = catch_errors proxy-server\n", new ArrayList<>()))
                .isInstanceOf(OpenAccess.class);
    }

    @Test
    void shouldRefuseARevokedTokenOnceTheDenyListIsPolled() throws Exception {
        try (StubIdentityService identity = new StubIdentityService()) {
            List<String> warnings = new ArrayList<>();
            AccessPolicy p = policy(
                    "[pipeline:main]\npipeline = authtoken keystoneauth proxy-server\n[filter:authtoken]\n"
                            + "cairn_signing_key = " + KEY64 + "\nauth_url = http://127.0.0.1:" + identity.port()
                            + "/identity/v3/\nusername = swift\npassword = pw\nproject_name = service\n"
                            + "revocation_cache_time = 1\n[filter:keystoneauth]\n",
                    warnings);
            try {
                assertThat(warnings).isEmpty();
                String revoked = token("p1", List.of("admin"), NOW.plusSeconds(3600), "revoked-audit-id");
                String kept = token("p1", List.of("admin"), NOW.plusSeconds(3600), "kept-audit-id");
                assertThat(p.authorize(request("GET", "AUTH_p1", revoked)).allowed())
                        .isTrue();

                identity.denyList.add("revoked-audit-id");
                Await.until(
                        "the revoked token refused",
                        Duration.ofSeconds(20),
                        () -> !p.authorize(request("GET", "AUTH_p1", revoked)).allowed());
                assertThat(p.authorize(request("GET", "AUTH_p1", revoked)).status())
                        .isEqualTo(401);
                assertThat(p.isAuthenticated(request("GET", "AUTH_p1", revoked).headers()))
                        .isFalse();
                assertThat(p.authorize(request("GET", "AUTH_p1", kept)).allowed())
                        .isTrue();
                // logged in as the configured service user on its project, and kept that token
                assertThat(identity.logins).hasSize(1);
                assertThat(identity.logins.get(0)).contains("\"swift\"", "\"pw\"", "\"service\"");
            } finally {
                p.close();
            }
        }
    }

    @Test
    void shouldRefuseAPollWithoutItsServiceUserOrWithABadUrl() {
        String head = "[pipeline:main]\npipeline = authtoken keystoneauth proxy-server\n[filter:authtoken]\n"
                + "cairn_signing_key = " + KEY64 + "\n";
        assertThatThrownBy(() -> policy(
                        head + "auth_url = http://127.0.0.1:1/identity/v3\n[filter:keystoneauth]\n", new ArrayList<>()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("needs username, password and project_name");
        assertThatThrownBy(() -> policy(
                        head + "auth_url = ftp://127.0.0.1/x\nusername = u\npassword = p\nproject_name = s\n"
                                + "[filter:keystoneauth]\n",
                        new ArrayList<>()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http(s)");
        assertThatThrownBy(() -> policy(
                        head + "auth_url = http://127.0.0.1:1/v3\nusername = u\npassword = p\nproject_name = s\n"
                                + "revocation_cache_time = 0\n[filter:keystoneauth]\n",
                        new ArrayList<>()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("revocation_cache_time");
    }

    @Test
    void shouldParseTheSamplesKeystoneSectionsWithoutUnknownKeys() {
        IniFile sample = IniFile.load(Path.of("etc/proxy-server.conf-sample"));
        KeystoneAuthConfig config = KeystoneAuthConfig.from(sample.section("filter:keystoneauth"));
        assertThat(config.unknownKeys()).isEmpty();
        assertThat(config.resellerPrefixes()).containsExactly("AUTH_");
        assertThat(sample.section("filter:authtoken").keys()).contains("delay_auth_decision");
    }
}
