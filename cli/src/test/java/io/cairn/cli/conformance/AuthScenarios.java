package io.cairn.cli.conformance;

import java.util.List;

/**
 * tempauth: logins (v1.0 headers, storage headers, bad keys, unknown users, other auth paths and methods), tokens
 * (bad, missing, another account's, the reseller admin's, {@code X-Storage-Token}) with the 401's {@code
 * Www-Authenticate}; and the unauthenticated endpoints {@code /info} and {@code /healthcheck}.
 *
 * <p>Thread-safety: stateless.
 */
final class AuthScenarios {
    private AuthScenarios() {}

    static List<Group> groups() {
        return List.of(new Group(
                "auth",
                List.of(
                        Scenario.of("auth.login", login("/auth/v1.0", "test:tester", "testing")),
                        Scenario.of(
                                "auth.login-storage-headers",
                                Req.get("/auth/v1.0")
                                        .as(User.ANON)
                                        .h("X-Storage-User", "test:tester")
                                        .h("X-Storage-Pass", "testing")),
                        Scenario.of("auth.login-reseller-admin", login("/auth/v1.0", "admin:admin", "admin")),
                        Scenario.of("auth.login-no-admin", login("/auth/v1.0", "test:tester3", "testing3")),
                        Scenario.of("auth.login-bad-key", login("/auth/v1.0", "test:tester", "wrong")),
                        Scenario.of("auth.login-unknown-user", login("/auth/v1.0", "test:nobody", "testing")),
                        Scenario.of("auth.login-no-account", login("/auth/v1.0", "tester", "testing")),
                        Scenario.of(
                                "auth.login-no-headers", Req.get("/auth/v1.0").as(User.ANON)),
                        Scenario.of("auth.login-v1-path", login("/auth/v1/test/auth", "test:tester", "testing")),
                        Scenario.of("auth.login-auth-path", login("/auth/auth", "test:tester", "testing")),
                        Scenario.of("auth.login-trailing-slash", login("/auth/v1.0/", "test:tester", "testing")),
                        Scenario.of("auth.login-unknown-path", login("/auth/v2.0", "test:tester", "testing")),
                        Scenario.of(
                                "auth.login-head",
                                Req.head("/auth/v1.0")
                                        .as(User.ANON)
                                        .h("X-Auth-User", "test:tester")
                                        .h("X-Auth-Key", "testing")),
                        Scenario.of(
                                "auth.login-post",
                                Req.post("/auth/v1.0")
                                        .as(User.ANON)
                                        .h("X-Auth-User", "test:tester")
                                        .h("X-Auth-Key", "testing")),
                        Scenario.of(
                                "auth.token-bad",
                                Req.get("/v1/AUTH_test").as(User.ANON).h("X-Auth-Token", "AUTH_tkbogus"),
                                Req.head("/v1/AUTH_test/c/o").as(User.ANON).h("X-Auth-Token", "AUTH_tkbogus")),
                        Scenario.of(
                                "auth.token-without-prefix",
                                Req.get("/v1/AUTH_test").as(User.ANON).h("X-Auth-Token", "bogus")),
                        Scenario.of(
                                "auth.token-missing",
                                Req.get("/v1/AUTH_test").as(User.ANON),
                                Req.head("/v1/AUTH_test").as(User.ANON),
                                Req.put("/v1/AUTH_test/c").as(User.ANON),
                                Req.get("/v1/AUTH_test/c/o").as(User.ANON),
                                Req.get("/v1/SERVICE_test").as(User.ANON)),
                        Scenario.of(
                                "auth.storage-token-header",
                                Req.head("/v1/AUTH_test").as(User.ANON).h("X-Storage-Token", "{token:OWNER}")),
                        Scenario.of(
                                "auth.token-other-account",
                                Req.get("/v1/AUTH_test").as(User.OTHER)),
                        Scenario.of(
                                "auth.token-reseller-admin",
                                Req.head("/v1/AUTH_test").as(User.RESELLER)),
                        Scenario.of(
                                "auth.token-tester3", Req.head("/v1/AUTH_test").as(User.TESTER3)),
                        Scenario.of("misc.healthcheck", Req.get("/healthcheck").as(User.ANON)),
                        Scenario.of(
                                "misc.healthcheck-head",
                                Req.head("/healthcheck").as(User.ANON)),
                        Scenario.of("misc.info", Req.get("/info").as(User.ANON)),
                        Scenario.of("misc.info-head", Req.head("/info").as(User.ANON)),
                        Scenario.of("misc.info-options", Req.options("/info").as(User.ANON)),
                        Scenario.of("misc.info-post", Req.post("/info").as(User.ANON)))));
    }

    private static Req login(String path, String user, String key) {
        return Req.get(path).as(User.ANON).h("X-Auth-User", user).h("X-Auth-Key", key);
    }
}
