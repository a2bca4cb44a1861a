package io.cairn.proxy.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.codec.Json;
import io.cairn.common.config.IniFile;
import io.cairn.common.testing.Python;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Drives Swift 2.30.1's own tempauth and acl.py (Debian's {@code /usr/bin/python3}) over generated tables
 * of cases in one Python run, and compares every answer with Cairn's: {@code authorize} (allowed, 400,
 * 401, 403, swift_owner, 400 body), token requests, user groups, {@code clean_acl}, account ACL
 * validation and formatting, {@code parse_acl}, {@code referrer_allowed}. Fails if Python or Swift is
 * missing.
 */
@Timeout(120)
class TempAuthGoldenTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef-golden";
    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L, 500_000_000);

    static final List<Map<String, String>> CONFIGS = List.of(
            ordered(
                    "reseller_prefix", "AUTH, SERVICE",
                    "SERVICE_require_group", "service",
                    "token_life", "3600",
                    "user_admin_admin", "admin .admin .reseller_admin",
                    "user_test_tester", "testing .admin",
                    "user_test2_tester2", "testing2 .admin",
                    "user_test_tester3", "testing3",
                    "user_test5_tester5", "testing5 service",
                    "user_reader_reader", "readerpw .reseller_reader",
                    "user_glance_glance", "glancepw service",
                    "user_joe_joe", "joepw .admin",
                    "user_custom_u", "custompw .admin https://store.example.com/v1/AUTH_custom",
                    "user64_dW5kZXJfc2NvcmU_YV9i", "testing4 g1,g2"),
            ordered(
                    "reseller_prefix", "AUTH, ''",
                    "require_group", "staff",
                    "storage_url_scheme", "https",
                    "user_test_tester", "testing .admin staff",
                    "user_test_tester3", "testing3 .admin",
                    "user_bob_bob", "bobpw",
                    "user_host_h", "hpw $HOST/v1/AUTH_elsewhere"));

    /** Each config's users, by {@code account:user}, with their keys. */
    static final List<Map<String, String>> USERS = List.of(
            ordered(
                    "admin:admin", "admin",
                    "test:tester", "testing",
                    "test2:tester2", "testing2",
                    "test:tester3", "testing3",
                    "test5:tester5", "testing5",
                    "reader:reader", "readerpw",
                    "glance:glance", "glancepw",
                    "joe:joe", "joepw",
                    "custom:u", "custompw",
                    "under_score:a_b", "testing4"),
            ordered("test:tester", "testing", "test:tester3", "testing3", "bob:bob", "bobpw", "host:h", "hpw"));

    static final List<List<String>> ACCOUNTS = List.of(
            List.of(
                    "AUTH_test",
                    "AUTH_test2",
                    "SERVICE_test",
                    "SERVICE_joe",
                    "AUTH_joe",
                    "AUTH_.hidden",
                    "AUTH_",
                    "SERVICE_",
                    "other",
                    "test",
                    "AUTH_test5",
                    "SERVICE_test5",
                    "AUTH_reader",
                    "AUTH_custom",
                    "AUTH_under_score"),
            List.of("AUTH_test", "test", "bob", "AUTH_bob", ".x", "AUTH_", "AUTH_.y", "AUTH_elsewhere"));

    static final List<String> METHODS = List.of("GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS", "COPY");
    static final List<@Nullable String> READ_ACLS = nullable(
            null,
            "",
            ".r:*",
            ".r:*,.rlistings",
            ".r:.example.com,.r:-evil.example.com",
            "test:tester3",
            "test",
            "AUTH_test2",
            "test2:tester2,joe:joe",
            "a,,b",
            "test%3Atester3",
            ".rlistings",
            "*",
            "test:tester3,.r:*",
            "bob",
            "staff",
            "under_score:a_b,g2");
    static final List<@Nullable String> WRITE_ACLS =
            nullable(null, "", "test:tester3", "test", "joe", "glance:glance", "bob", "a,,b", "g1");
    static final List<@Nullable String> STORED_ACLS = nullable(
            null,
            "",
            "{}",
            "{\"read-only\":[\"test:tester3\"]}",
            "{\"read-write\":[\"test:tester3\",\"joe\"]}",
            "{\"admin\":[\"test2:tester2\"]}",
            "{\"admin\":[\"test:tester3\"],\"read-only\":[\"reader\"]}",
            "not json",
            "{\"admin\":[\"\"]}",
            "{\"read-write\":[\"bob\"],\"read-only\":[\"test\"]}",
            "{\"read-only\":[\"glance\"]}");
    static final List<@Nullable String> REFERERS = nullable(
            null,
            "http://www.example.com/page",
            "https://evil.example.com/x",
            "http://EXAMPLE.com",
            "garbage",
            "//user@foo.example.com:8080/",
            "");
    static final List<@Nullable String> REQUEST_ACLS = nullable(
            "{\"read-only\":[\"x\"]}",
            "{\"bogus\":[]}",
            "nope",
            "{\"admin\":\"x\"}",
            "{\"admin\":[1]}",
            "",
            "It's \"x\"",
            "{\"read-write\":[\"a\"],\"é\":1}");

    static final List<TempAuth> AUTHS = new ArrayList<>();
    static Map<String, @Nullable Object> golden = Map.of();
    static final List<AuthCase> AUTH_CASES = new ArrayList<>();
    static final List<TokenCase> TOKEN_CASES = new ArrayList<>();
    static final List<List<String>> CLEAN_CASES = new ArrayList<>();
    static final List<String> ACCOUNT_ACL_CASES = new ArrayList<>();
    static final List<String> FORMAT_CASES = new ArrayList<>();
    static final List<List<@Nullable String>> REFERRER_CASES = new ArrayList<>();
    static final List<String> PARSE_CASES = new ArrayList<>();
    static final List<Map<String, Object>> GROUP_CASES = new ArrayList<>();

    record AuthCase(
            int config,
            String method,
            String account,
            @Nullable String container,
            @Nullable String object,
            @Nullable String referer,
            @Nullable String user,
            @Nullable String serviceUser,
            @Nullable String readAcl,
            @Nullable String writeAcl,
            @Nullable String storedAcl,
            @Nullable String requestAcl) {}

    record TokenCase(int config, String method, String path, Map<String, String> headers) {}

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

    static TempAuth tempAuth(Map<String, String> conf) {
        StringBuilder ini = new StringBuilder("[filter:tempauth]\nuse = egg:swift#tempauth\n");
        conf.forEach((k, v) -> ini.append(k).append(" = ").append(v).append('\n'));
        ini.append("token_secret = ").append(SECRET).append('\n');
        return new TempAuth(
                TempAuthConfig.from(IniFile.parse(ini.toString(), "golden").section("filter:tempauth")));
    }

    @BeforeAll
    static void runSwift() throws IOException {
        for (Map<String, String> conf : CONFIGS) {
            AUTHS.add(tempAuth(conf));
        }
        generateAuthCases(new Random(20240601L), 700);
        generateTokenCases();
        generateAclCases();
        for (int config = 0; config < USERS.size(); config++) {
            for (String accountUser : USERS.get(config).keySet()) {
                GROUP_CASES.add(Map.of("config", config, "account_user", accountUser));
            }
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("configs", CONFIGS);
        input.put("groups", GROUP_CASES);
        input.put("authorize", authCasesJson());
        input.put("tokens", tokenCasesJson());
        input.put("clean", CLEAN_CASES);
        input.put("account_acl", ACCOUNT_ACL_CASES);
        input.put("format", FORMAT_CASES);
        input.put("referrer", REFERRER_CASES);
        input.put("parse", PARSE_CASES);
        String script;
        try (InputStream in = TempAuthGoldenTest.class.getResourceAsStream("tempauth_golden.py")) {
            assertThat(in).as("tempauth_golden.py on the test class path").isNotNull();
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        byte[] out = Python.run(script, Json.write(input).getBytes(StandardCharsets.UTF_8));
        try {
            @SuppressWarnings("unchecked")
            Map<String, @Nullable Object> parsed =
                    (Map<String, @Nullable Object>) Json.parse(new String(out, StandardCharsets.UTF_8));
            golden = Objects.requireNonNull(parsed);
        } catch (Json.JsonException e) {
            throw new AssertionError("python output is not JSON", e);
        }
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static void generateAuthCases(Random random, int count) {
        for (int i = 0; i < count; i++) {
            int config = random.nextInt(4) == 0 ? 1 : 0;
            List<String> users = new ArrayList<>(USERS.get(config).keySet());
            String user = random.nextInt(6) == 0 ? null : pick(random, users);
            String service = user != null && random.nextInt(4) == 0 ? pick(random, users) : null;
            int level = random.nextInt(3);
            String container = level >= 1 ? pick(random, List.of("c", "pics", "c o")) : null;
            String object = level == 2 ? pick(random, List.of("o", "a/b", "é")) : null;
            AUTH_CASES.add(new AuthCase(
                    config,
                    pick(random, METHODS),
                    pick(random, ACCOUNTS.get(config)),
                    container,
                    object,
                    pick(random, REFERERS),
                    user,
                    service,
                    pick(random, READ_ACLS),
                    pick(random, WRITE_ACLS),
                    pick(random, STORED_ACLS),
                    random.nextInt(10) == 0 ? pick(random, REQUEST_ACLS) : null));
        }
    }

    /** What Swift's proxy controllers put in {@code req.acl} before the (delayed) authorize call. */
    static @Nullable String swiftReqAcl(AuthCase c) {
        boolean read = c.method().equals("GET") || c.method().equals("HEAD");
        if (c.container() == null) {
            return null;
        }
        if (read) {
            return c.readAcl();
        }
        return c.object() != null ? c.writeAcl() : null;
    }

    static @Nullable Identity identity(int config, @Nullable String accountUser) {
        if (accountUser == null) {
            return null;
        }
        TempAuth auth = AUTHS.get(config);
        String[] parts = accountUser.split(":", 2);
        Map<String, String> headers = Map.of(
                "X-Auth-User", accountUser, "X-Auth-Key", USERS.get(config).get(accountUser));
        TokenResponse response = auth.getToken("GET", "/auth/v1.0", headers::get, "http://h", NOW);
        assertThat(response.status()).as("token for %s", accountUser).isEqualTo(200);
        Identity identity =
                auth.identify(Objects.requireNonNull(response.headers().get("X-Auth-Token")), NOW);
        assertThat(identity).isNotNull();
        assertThat(Objects.requireNonNull(identity).account()).isEqualTo(parts[0]);
        return identity;
    }

    static List<Map<String, @Nullable Object>> authCasesJson() {
        List<Map<String, @Nullable Object>> list = new ArrayList<>();
        for (AuthCase c : AUTH_CASES) {
            Identity user = identity(c.config(), c.user());
            Identity service = identity(c.config(), c.serviceUser());
            String remoteUser =
                    user == null ? null : user.remoteUser() + (service == null ? "" : "," + service.remoteUser());
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            m.put("config", c.config());
            m.put("method", c.method());
            m.put("account", c.account());
            m.put("container", c.container());
            m.put("object", c.object());
            m.put("referer", c.referer());
            m.put("remote_user", remoteUser);
            m.put("acl", swiftReqAcl(c));
            m.put("stored_acl", c.storedAcl());
            m.put("request_acl", c.requestAcl());
            list.add(m);
        }
        return list;
    }

    static void generateTokenCases() {
        List<String> paths = List.of(
                "/auth/v1.0",
                "/auth/v1.0/",
                "/auth/auth",
                "/auth/v1.0/extra/stuff",
                "/auth/v1/test/auth",
                "/auth/v1/test/other",
                "/auth/v1/test/auth/x",
                "/auth/v1//auth",
                "/auth/v1",
                "/auth/v2",
                "/auth/",
                "/auth//v1.0");
        List<Map<String, String>> headerSets = List.of(
                ordered("X-Auth-User", "test:tester", "X-Auth-Key", "testing"),
                ordered("X-Storage-User", "test:tester", "X-Storage-Pass", "testing"),
                ordered("X-Auth-User", "test:tester", "X-Auth-Key", "wrong"),
                ordered("X-Auth-User", "test:nobody", "X-Auth-Key", "testing"),
                ordered("X-Auth-User", "tester", "X-Auth-Key", "testing"),
                ordered("X-Storage-User", "tester", "X-Storage-Pass", "testing"),
                ordered("X-Auth-User", "other:tester", "X-Auth-Key", "testing"),
                ordered("X-Auth-User", "test:tester"),
                ordered("X-Auth-User", ":tester", "X-Auth-Key", "x"),
                ordered("X-Auth-User", "test:tester", "X-Auth-Key", "", "X-Storage-Pass", "testing"),
                ordered("X-Auth-User", "custom:u", "X-Auth-Key", "custompw"),
                ordered("X-Auth-User", "host:h", "X-Auth-Key", "hpw"),
                ordered("X-Auth-User", "under_score:a_b", "X-Auth-Key", "testing4"),
                ordered());
        for (int config = 0; config < CONFIGS.size(); config++) {
            for (String path : paths) {
                for (Map<String, String> headers : headerSets) {
                    Map<String, String> withHost = new LinkedHashMap<>(headers);
                    withHost.put("Host", path.length() % 2 == 0 ? "example.com:8080" : "example.com:80");
                    TOKEN_CASES.add(new TokenCase(config, "GET", path, withHost));
                }
            }
            TOKEN_CASES.add(new TokenCase(config, "POST", "/auth/v1.0", headerSets.get(0)));
        }
    }

    static List<Map<String, Object>> tokenCasesJson() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (TokenCase c : TOKEN_CASES) {
            list.add(Map.of("config", c.config(), "method", c.method(), "path", c.path(), "headers", c.headers()));
        }
        return list;
    }

    static void generateAclCases() {
        for (String value : List.of(
                "bob, sue",
                "bob , sue",
                "bob,,,sue",
                ".referrer : *",
                ".ref:*.example.com",
                ".r:*, .rlistings",
                ".r:",
                ".r:-",
                ".r:-.",
                ".r:*.",
                ".r:-*.example.com",
                ".x:y",
                "a:b",
                ":x",
                " .r : - * ",
                "é:ü",
                "'quote",
                "tab\t,x",
                ".unknown:'\"'",
                ".r:*,.r:-.thief.com,bobs_account,sues_account:sue",
                "",
                " , ",
                ".rlistings",
                ".r:\u0001x")) {
            CLEAN_CASES.add(List.of("X-Container-Read", value));
            CLEAN_CASES.add(List.of("X-Container-Write", value));
        }
        ACCOUNT_ACL_CASES.addAll(List.of(
                "",
                "{}",
                "[]",
                "null",
                "nope",
                "{\"admin\":[]}",
                "{\"admin\":\"x\"}",
                "{\"admin\":[1]}",
                "{\"read-write\":[\"a\"],\"bogus\":1}",
                "{\"é\":[]}",
                "{\"read-only\":[null]}",
                "{'a':1}",
                "{\"admin\":[\"a\"],\"read-only\":\"b\"}",
                " {} ",
                "\"str\"",
                "It's \"x\"",
                "tab\there\u0007",
                "{\"read-only\":[\"a\",\"b\"],\"read-write\":[],\"admin\":[\"c\"]}"));
        FORMAT_CASES.addAll(List.of(
                "{\"read-only\":[\"b\"],\"admin\":[\"a\"]}",
                "{}",
                "",
                "bad",
                "{\"x\":{\"b\":1,\"a\":[true,null,1.5]}}",
                "{\"admin\":[\"é\"]}",
                "{ \"admin\" : [ \"a\" , \"b\" ] }"));
        List<String> referers = List.of(
                "http://www.example.com/",
                "HTTP://WWW.EXAMPLE.COM",
                "http://user:pw@host.example.com:80/x",
                "//host.example.com",
                "host.example.com",
                "",
                "http://[::1]:80/",
                "ftp://x.example.com",
                " http://a.example.com",
                "http://a.example.com?x#y",
                "http:host.example.com",
                "mailto:x@example.com",
                "http://xexample.com",
                "http://example.com",
                "http://evil.example.com/",
                "garbage",
                "http://a\tb.example.com/",
                "1http://a.example.com");
        List<String> acls = List.of(
                ".r:*",
                ".r:.example.com",
                ".r:.example.com,.r:-evil.example.com",
                ".r:-evil.example.com,.r:*",
                ".r:unknown",
                ".r:host.example.com",
                ".r:::1",
                "");
        for (String referer : referers) {
            for (String acl : acls) {
                REFERRER_CASES.add(nullable(referer, acl));
            }
        }
        PARSE_CASES.addAll(
                List.of("a,b", ".r:*,x%20y,%zz,%E2%82%AC,%ff,%", "", ".r:,.rlistings", " a , b", "a,,b", "%41%42c"));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, @Nullable Object>> goldenList(String key) {
        return (List<Map<String, @Nullable Object>>) Objects.requireNonNull(golden.get(key));
    }

    @SuppressWarnings("unchecked")
    static List<@Nullable Object> goldenValues(String key) {
        return (List<@Nullable Object>) Objects.requireNonNull(golden.get(key));
    }

    @Test
    void shouldDecideAsSwiftAuthorizeWhenGivenGeneratedRequests() {
        List<Map<String, @Nullable Object>> expected = goldenList("authorize");
        assertThat(expected).hasSize(AUTH_CASES.size());
        Map<String, Integer> outcomes = new HashMap<>();
        for (int i = 0; i < AUTH_CASES.size(); i++) {
            AuthCase c = AUTH_CASES.get(i);
            AuthRequest request = AuthRequest.builder(c.method(), c.account())
                    .container(c.container())
                    .object(c.object())
                    .referer(c.referer())
                    .identity(identity(c.config(), c.user()), identity(c.config(), c.serviceUser()))
                    .containerAcls(c.readAcl(), c.writeAcl())
                    .storedAccountAcl(c.storedAcl())
                    .requestAccountAcl(c.requestAcl())
                    .build();
            AuthDecision decision = AUTHS.get(c.config()).authorize(request);
            Map<String, @Nullable Object> swift = expected.get(i);
            String label = "case " + i + ": " + c;
            assertThat((long) decision.outcome().status()).as(label).isEqualTo(swift.get("status"));
            assertThat(decision.swiftOwner()).as(label).isEqualTo(swift.get("owner"));
            assertThat(decision.body()).as(label).isEqualTo(swift.get("body"));
            String key = decision.outcome() + (decision.swiftOwner() ? "+owner" : "");
            outcomes.merge(key, 1, Integer::sum);
        }
        // The table must exercise every outcome, else it proves little.
        assertThat(outcomes.keySet())
                .containsExactlyInAnyOrder("ALLOWED", "ALLOWED+owner", "BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN");
        assertThat(outcomes.get("ALLOWED")).isGreaterThan(40);
        assertThat(outcomes.get("ALLOWED+owner")).isGreaterThan(40);
    }

    @Test
    void shouldAnswerTokenRequestsAsSwiftWhenGivenPathsAndCredentials() {
        List<Map<String, @Nullable Object>> expected = goldenList("tokens");
        assertThat(expected).hasSize(TOKEN_CASES.size());
        int successes = 0;
        for (int i = 0; i < TOKEN_CASES.size(); i++) {
            TokenCase c = TOKEN_CASES.get(i);
            TempAuth auth = AUTHS.get(c.config());
            Function<String, @Nullable String> lookup = name -> header(c.headers(), name);
            String host = TempAuth.hostUrl("http", c.headers().get("Host"), "localhost:80");
            TokenResponse response = auth.getToken(c.method(), c.path(), lookup::apply, host, NOW);
            Map<String, @Nullable Object> swift = expected.get(i);
            String label = "case " + i + ": " + c;
            assertThat((long) response.status()).as(label).isEqualTo(swift.get("status"));
            assertThat(response.headers().get("Www-Authenticate")).as(label).isEqualTo(swift.get("www_authenticate"));
            assertThat(response.headers().get("X-Storage-Url")).as(label).isEqualTo(swift.get("storage_url"));
            if (response.status() == 200) {
                successes++;
                String token = response.headers().get("X-Auth-Token");
                assertThat(token).as(label).startsWith((String) swift.get("token_prefix"));
                assertThat(response.headers().get("X-Storage-Token")).isEqualTo(token);
                assertThat(response.headers().get("X-Auth-Token-Expires"))
                        .as(label)
                        .isEqualTo(Long.toString(auth.config().tokenLife() - 1));
                assertThat(swift.get("expires"))
                        .as(label)
                        .isIn(
                                Long.toString(auth.config().tokenLife() - 1),
                                Long.toString(auth.config().tokenLife()));
            }
        }
        assertThat(successes).isGreaterThan(10);
    }

    static @Nullable String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return e.getValue();
            }
        }
        return null;
    }

    @Test
    void shouldBuildUserGroupsAsSwiftWhenUsersAreConfigured() {
        List<@Nullable Object> expected = goldenValues("groups");
        for (int i = 0; i < GROUP_CASES.size(); i++) {
            int config = (Integer) Objects.requireNonNull(GROUP_CASES.get(i).get("config"));
            String accountUser =
                    (String) Objects.requireNonNull(GROUP_CASES.get(i).get("account_user"));
            Identity identity = Objects.requireNonNull(identity(config, accountUser));
            assertThat(identity.remoteUser()).as(accountUser).isEqualTo(expected.get(i));
        }
    }

    @Test
    void shouldCleanContainerAclsAsSwiftWhenGivenMessyValues() {
        List<Map<String, @Nullable Object>> expected = goldenList("clean");
        for (int i = 0; i < CLEAN_CASES.size(); i++) {
            List<String> c = CLEAN_CASES.get(i);
            String value = null;
            String error = null;
            try {
                value = AclParser.cleanContainerAcl(c.get(0), c.get(1));
            } catch (InvalidAclException e) {
                error = e.getMessage();
            }
            assertThat(value).as("%s", c).isEqualTo(expected.get(i).get("value"));
            assertThat(error).as("%s", c).isEqualTo(expected.get(i).get("error"));
        }
    }

    @Test
    void shouldValidateAccountAclsAsSwiftWhenGivenHeaderValues() {
        List<@Nullable Object> expected = goldenValues("account_acl");
        for (int i = 0; i < ACCOUNT_ACL_CASES.size(); i++) {
            String value = ACCOUNT_ACL_CASES.get(i);
            assertThat(AccountAcl.validationError(value)).as(value).isEqualTo(expected.get(i));
        }
    }

    @Test
    void shouldFormatAccountAclsAsSwiftWhenReturningThemToOwners() {
        List<@Nullable Object> expected = goldenValues("format");
        for (int i = 0; i < FORMAT_CASES.size(); i++) {
            String value = FORMAT_CASES.get(i);
            assertThat(AclParser.accountAclForResponse(value)).as(value).isEqualTo(expected.get(i));
        }
    }

    @Test
    void shouldMatchReferrersAsSwiftWhenGivenUrlsAndAcls() {
        List<@Nullable Object> expected = goldenValues("referrer");
        for (int i = 0; i < REFERRER_CASES.size(); i++) {
            List<@Nullable String> c = REFERRER_CASES.get(i);
            assertThat(ContainerAcl.parse(c.get(1)).referrerAllowed(c.get(0)))
                    .as("%s", c)
                    .isEqualTo(expected.get(i));
        }
    }

    @Test
    void shouldParseContainerAclsAsSwiftWhenGivenStoredValues() {
        List<@Nullable Object> expected = goldenValues("parse");
        for (int i = 0; i < PARSE_CASES.size(); i++) {
            ContainerAcl acl = ContainerAcl.parse(PARSE_CASES.get(i));
            assertThat(List.of(acl.referrers(), acl.groups()))
                    .as(PARSE_CASES.get(i))
                    .isEqualTo(expected.get(i));
        }
    }
}
