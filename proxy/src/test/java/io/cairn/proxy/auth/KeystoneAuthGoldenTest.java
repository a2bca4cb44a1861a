package io.cairn.proxy.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.codec.Json;
import io.cairn.common.config.IniFile;
import io.cairn.common.testing.Python;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Drives Swift 2.30.1's own keystoneauth ({@code authorize} with a v3 identity, {@code authorize_anonymous}) over a
 * generated table of cases in one Python run (Debian's {@code /usr/bin/python3}) and compares each answer — allowed,
 * 401, 403, {@code swift_owner} — with {@link KeystoneAuthorizer}'s: operator/reader/system-reader/reseller-admin
 * roles, service tokens with {@code <PREFIX>_service_roles}, cross-project ACLs by id, {@code *} and (in the default
 * domain) names, role ACLs, referrer ACLs, account DELETE, several reseller prefixes including the empty one. Fails if
 * Python or Swift is missing.
 */
@Timeout(120)
class KeystoneAuthGoldenTest {
    static final List<Map<String, String>> CONFIGS = List.of(
            Map.of(),
            ordered(
                    "reseller_prefix", "AUTH, SERVICE",
                    "operator_roles", "admin, Member",
                    "SERVICE_service_roles", "service",
                    "project_reader_roles", "reader",
                    "system_reader_roles", "Auditor",
                    "allow_names_in_acls", "false"),
            ordered(
                    "reseller_prefix", "AUTH, ''",
                    "AUTH_operator_roles", "Admin",
                    "''_operator_roles", "swiftoperator",
                    "service_roles", "svc",
                    "reseller_admin_role", "SuperUser",
                    "default_domain_id", "d1"));

    static final List<@Nullable KeystoneIdentity> IDENTITIES = nullable(
            id("u1 alice default", "p1 proj1 default", List.of("admin"), List.of()),
            id("u1 alice default", "p1 proj1 default", List.of("Member"), List.of()),
            id("u1 alice default", "p1 proj1 default", List.of("member"), List.of("service")),
            id("u1 alice default", "p1 proj1 default", List.of("admin"), List.of("svc")),
            id("u5 erin default", "p1 proj1 default", List.of("reader"), List.of()),
            id("u2 bob default", "p2 proj2 default", List.of("member"), List.of()),
            id("u2 bob default", "p2 proj2 default", List.of("auditor"), List.of()),
            id("u9 root default", "p3 proj3 default", List.of("resellerAdmin"), List.of()),
            id("u9 root default", "p3 proj3 default", List.of("superuser"), List.of()),
            id("u3 carol d1", "p4 proj4 d1", List.of("swiftoperator"), List.of()),
            id("u4 dave default", "p4 proj4 d1", List.of("Admin"), List.of()),
            id("u6 fay default", null, List.of("admin"), List.of()),
            null);
    static final List<String> ACCOUNTS =
            List.of("AUTH_p1", "AUTH_p2", "SERVICE_p1", "SERVICE_p2", "p1", "p4", "AUTH_p4", "other", "AUTH_p3");
    static final List<String> METHODS = List.of("GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS");
    static final List<@Nullable String> ACLS = nullable(
            null,
            "",
            "p2:*",
            "p2:u2",
            "proj2:bob",
            "*:*",
            "*:u9",
            "p1:u1",
            "proj4:carol",
            "p4:*",
            "proj1:*",
            ".r:*",
            ".r:*,.rlistings",
            ".r:.example.com,.r:-evil.example.com",
            "member",
            "Admin,p2%3Au2",
            "swiftoperator,.r:*");
    static final List<@Nullable String> REFERERS =
            nullable(null, "http://www.example.com/page", "https://evil.example.com/x", "garbage");
    static final List<@Nullable Map<String, String>> SYSMETA =
            nullable(null, Map.of(), Map.of("project-domain-id", "default"), Map.of("project-domain-id", "d1"));

    record Case(
            int config,
            @Nullable KeystoneIdentity identity,
            String method,
            String account,
            @Nullable String container,
            @Nullable String object,
            @Nullable String acl,
            @Nullable String referer,
            @Nullable Map<String, String> sysmeta) {}

    static final List<KeystoneAuthorizer> AUTHORIZERS = new ArrayList<>();
    static final List<Case> CASES = new ArrayList<>();
    static List<?> golden = List.of();

    @BeforeAll
    static void runSwift() throws IOException, Json.JsonException {
        for (Map<String, String> conf : CONFIGS) {
            StringBuilder ini = new StringBuilder("[filter:keystoneauth]\nuse = egg:swift#keystoneauth\n");
            conf.forEach((k, v) -> ini.append(k).append(" = ").append(v).append('\n'));
            AUTHORIZERS.add(new KeystoneAuthorizer(KeystoneAuthConfig.from(
                    IniFile.parse(ini.toString(), "golden").section("filter:keystoneauth"))));
        }
        Random random = new Random(20261207L);
        for (int i = 0; i < 6000; i++) {
            int shape = random.nextInt(3);
            CASES.add(new Case(
                    random.nextInt(CONFIGS.size()),
                    pick(random, IDENTITIES),
                    pick(random, METHODS),
                    pick(random, ACCOUNTS),
                    shape == 0 ? null : "c",
                    shape == 2 ? "o" : null,
                    pick(random, ACLS),
                    pick(random, REFERERS),
                    pick(random, SYSMETA)));
        }
        List<Object> cases = new ArrayList<>();
        for (Case c : CASES) {
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            m.put("config", c.config());
            m.put("account", c.account());
            m.put("container", c.container());
            m.put("object", c.object());
            m.put("method", c.method());
            m.put("referer", c.referer());
            // what Swift's proxy puts in req.acl for this request (the same rule tempauth's golden test checks)
            m.put(
                    "acl",
                    Authorizer.effectiveAcl(
                            request(c), c.method().equals("GET") || c.method().equals("HEAD")));
            m.put("account_sysmeta", c.sysmeta());
            m.put("identity", identityJson(c.identity()));
            cases.add(m);
        }
        String script;
        try (InputStream in = KeystoneAuthGoldenTest.class.getResourceAsStream("keystoneauth_golden.py")) {
            assertThat(in).as("keystoneauth_golden.py on the test class path").isNotNull();
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("configs", CONFIGS);
        input.put("cases", cases);
        byte[] out = Python.run(script, Json.write(input).getBytes(StandardCharsets.UTF_8));
        golden = (List<?>) Objects.requireNonNull(Json.parse(new String(out, StandardCharsets.UTF_8)));
    }

    @Test
    void shouldDecideEveryCaseAsSwiftsKeystoneauthWhenGivenTheSameIdentityAndAcls() {
        assertThat(golden).hasSize(CASES.size());
        int allowed = 0;
        int owners = 0;
        int forbidden = 0;
        int unauthorized = 0;
        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            List<?> expected = (List<?>) golden.get(i);
            AuthDecision d = AUTHORIZERS.get(c.config()).authorize(c.identity(), request(c), c.sysmeta());
            long status = ((Number) Objects.requireNonNull(expected.get(0))).longValue();
            assertThat(List.of((long) d.outcome().status(), d.swiftOwner()))
                    .as("case %d: %s", i, c)
                    .isEqualTo(List.of(status, expected.get(1)));
            allowed += d.allowed() ? 1 : 0;
            owners += d.swiftOwner() ? 1 : 0;
            forbidden += d.outcome() == AuthDecision.Outcome.FORBIDDEN ? 1 : 0;
            unauthorized += d.outcome() == AuthDecision.Outcome.UNAUTHORIZED ? 1 : 0;
        }
        // the table exercises every outcome, not one answer 6,000 times
        assertThat(allowed).isGreaterThan(600);
        assertThat(owners).isGreaterThan(200);
        assertThat(forbidden).isGreaterThan(600);
        assertThat(unauthorized).isGreaterThan(100);
    }

    @Test
    void shouldWarnAboutIsAdminAndReadPrefixedRolesWhenConfigured() {
        KeystoneAuthConfig config = KeystoneAuthConfig.from(IniFile.parse(
                        "[filter:keystoneauth]\nis_admin = true\nreseller_prefix = AUTH, SERVICE\n"
                                + "operator_roles = Admin, SwiftOperator\nSERVICE_operator_roles = svcop\nbogus = 1\n",
                        "t")
                .section("filter:keystoneauth"));
        assertThat(config.warnings()).singleElement().asString().contains("'is_admin'");
        assertThat(config.unknownKeys()).containsExactly("bogus");
        assertThat(config.rules("AUTH_").operatorRoles()).containsExactly("admin", "swiftoperator");
        assertThat(config.rules("SERVICE_").operatorRoles()).containsExactly("svcop");
        assertThat(config.resellerAdminRole()).isEqualTo("reselleradmin");
    }

    static AuthRequest request(Case c) {
        return AuthRequest.builder(c.method(), c.account())
                .container(c.container())
                .object(c.object())
                .referer(c.referer())
                .containerAcls(c.acl(), c.acl())
                .build();
    }

    static @Nullable Map<String, @Nullable Object> identityJson(@Nullable KeystoneIdentity k) {
        if (k == null) {
            return null;
        }
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("user_id", k.userId());
        m.put("user_name", k.userName());
        m.put("user_domain_id", k.userDomainId());
        m.put("project_id", k.projectId());
        m.put("project_name", k.projectName());
        m.put("project_domain_id", k.projectDomainId());
        m.put("roles", k.roles());
        m.put("service_roles", k.serviceRoles());
        return m;
    }

    /** {@code user} and {@code project} as {@code "id name domain-id"}; a null project: not project-scoped. */
    static KeystoneIdentity id(String user, @Nullable String project, List<String> roles, List<String> serviceRoles) {
        String[] u = user.split(" ");
        String[] p = project == null ? new String[3] : project.split(" ");
        // as keystoneauth sees them: authtoken passes roles as they are named, authorize lower-cases them
        List<String> lower =
                roles.stream().map(r -> r.toLowerCase(java.util.Locale.ROOT)).toList();
        List<String> serviceLower = serviceRoles.stream()
                .map(r -> r.toLowerCase(java.util.Locale.ROOT))
                .toList();
        return new KeystoneIdentity(u[0], u[1], u[2], p[0], p[1], p[2], lower, serviceLower);
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    static <T> List<@Nullable T> nullable(@Nullable T... values) {
        List<@Nullable T> list = new ArrayList<>();
        for (T v : values) {
            list.add(v);
        }
        return list;
    }

    static Map<String, String> ordered(String... kv) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return map;
    }
}
