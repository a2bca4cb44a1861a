package io.cairn.cli.conformance;

import java.util.List;

/**
 * CORS: preflight {@code OPTIONS} and actual requests with {@code Origin} against containers with {@code
 * X-Container-Meta-Access-Control-Allow-Origin}, {@code -Expose-Headers} and {@code -Max-Age} (a list of origins,
 * {@code *}, none).
 *
 * <p>Thread-safety: stateless.
 */
final class CorsScenarios {
    private static final String C = "/v1/AUTH_test/cors";
    private static final String STAR = "/v1/AUTH_test/cors-star";
    private static final String NONE = "/v1/AUTH_test/cors-none";
    private static final String ALLOWED = "http://a.example";
    private static final String EVIL = "http://evil.example";

    private CorsScenarios() {}

    static List<Group> groups() {
        return List.of(new Group(
                "cors",
                List.of(
                        Scenario.of(
                                "cors.setup",
                                Req.put(C)
                                        .h(
                                                "X-Container-Meta-Access-Control-Allow-Origin",
                                                ALLOWED + " http://b.example")
                                        .h("X-Container-Meta-Access-Control-Expose-Headers", "X-Object-Meta-Color")
                                        .h("X-Container-Meta-Access-Control-Max-Age", "600"),
                                Req.put(C + "/o")
                                        .h("X-Object-Meta-Color", "red")
                                        .body("cors"),
                                Req.put(STAR)
                                        .h("X-Container-Meta-Access-Control-Allow-Origin", "*")
                                        .h("X-Container-Read", ".r:*"),
                                Req.put(STAR + "/o").body("star"),
                                Req.put(NONE),
                                Req.put(NONE + "/o").body("none"),
                                Req.head(C)),
                        Scenario.of("cors.preflight.allowed", preflight(C + "/o", ALLOWED, "GET")),
                        Scenario.of(
                                "cors.preflight.allowed-with-headers",
                                preflight(C + "/o", ALLOWED, "GET")
                                        .h("Access-Control-Request-Headers", "X-Object-Meta-Color, x-foo")),
                        Scenario.of("cors.preflight.put", preflight(C + "/o", ALLOWED, "PUT")),
                        Scenario.of("cors.preflight.bogus-method", preflight(C + "/o", ALLOWED, "FROB")),
                        Scenario.of("cors.preflight.disallowed-origin", preflight(C + "/o", EVIL, "GET")),
                        Scenario.of(
                                "cors.preflight.no-request-method",
                                Req.options(C + "/o").as(User.ANON).h("Origin", ALLOWED)),
                        Scenario.of("cors.preflight.container", preflight(C, ALLOWED, "GET")),
                        Scenario.of("cors.preflight.star", preflight(STAR + "/o", EVIL, "GET")),
                        Scenario.of("cors.preflight.no-cors-metadata", preflight(NONE + "/o", ALLOWED, "GET")),
                        Scenario.of("cors.preflight.account", preflight("/v1/AUTH_test", ALLOWED, "GET")),
                        Scenario.of(
                                "cors.preflight.missing-container", preflight("/v1/AUTH_test/nope/o", ALLOWED, "GET")),
                        Scenario.of(
                                "cors.options-without-origin",
                                Req.options(C + "/o").as(User.ANON)),
                        Scenario.of("cors.get.allowed", Req.get(C + "/o").h("Origin", ALLOWED)),
                        Scenario.of("cors.head.allowed", Req.head(C + "/o").h("Origin", ALLOWED)),
                        Scenario.of("cors.get.disallowed", Req.get(C + "/o").h("Origin", EVIL)),
                        Scenario.of("cors.get.listing", Req.get(C).h("Origin", ALLOWED)),
                        Scenario.of(
                                "cors.get.missing-object", Req.get(C + "/nope").h("Origin", ALLOWED)),
                        Scenario.of(
                                "cors.get.star-anonymous",
                                Req.get(STAR + "/o").as(User.ANON).h("Origin", EVIL)),
                        Scenario.of(
                                "cors.get.no-cors-metadata",
                                Req.get(NONE + "/o").h("Origin", ALLOWED)),
                        Scenario.of(
                                "cors.put.allowed",
                                Req.put(C + "/p").h("Origin", ALLOWED).body("p"),
                                Req.delete(C + "/p").h("Origin", ALLOWED)))));
    }

    private static Req preflight(String path, String origin, String method) {
        return Req.options(path).as(User.ANON).h("Origin", origin).h("Access-Control-Request-Method", method);
    }
}
