package io.cairn.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * crossdomain, name_check and list_endpoints in both pipelines. name_check runs with settings no other group meets
 * ({@code ^} forbidden, paths up to {@link #NAME_CHECK_MAXIMUM_LENGTH} bytes, {@link #NAME_CHECK_REGEXP}), so the
 * rest of the catalog is answered as without it. list_endpoints' 200 answers are not compared: the two clusters'
 * rings hash with different random prefixes, so partitions (and nodes) differ; its refusals are compared, its
 * answers' format is unit-tested in the proxy (EdgeFiltersTest).
 *
 * <p>Thread-safety: stateless.
 */
final class EdgeScenarios {
    static final int NAME_CHECK_MAXIMUM_LENGTH = 2000;
    static final String NAME_CHECK_REGEXP = "/nc-forbidden(/|$)";
    private static final String C = "/v1/AUTH_test/nc";

    private EdgeScenarios() {}

    static List<Group> groups() {
        return List.of(
                new Group("crossdomain", crossDomain()),
                new Group("name-check", nameCheck()),
                new Group("list-endpoints", listEndpoints()));
    }

    private static List<Scenario> crossDomain() {
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of("crossdomain.get", Req.get("/crossdomain.xml").as(User.ANON)));
        s.add(Scenario.of("crossdomain.get-authenticated", Req.get("/crossdomain.xml")));
        s.add(Scenario.of(
                "crossdomain.get-query", Req.get("/crossdomain.xml?x=1").as(User.ANON)));
        s.add(Scenario.of(
                "crossdomain.get-quoted", Req.get("/crossdomain%2Exml").as(User.ANON)));
        s.add(Scenario.of("crossdomain.head", Req.head("/crossdomain.xml").as(User.ANON)));
        s.add(Scenario.of("crossdomain.post", Req.post("/crossdomain.xml").as(User.ANON)));
        s.add(Scenario.of(
                "crossdomain.other-path", Req.get("/crossdomain.xml/x").as(User.ANON)));
        return s;
    }

    private static List<Scenario> nameCheck() {
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of("namecheck.setup", Req.put(C), Req.put(C + "/ok").body("fine")));
        s.add(Scenario.of("namecheck.forbidden-char", Req.put(C + "/a%5Eb").body("x"), Req.get(C)));
        s.add(Scenario.of("namecheck.forbidden-char-raw", Req.get(C + "/a^b")));
        s.add(Scenario.of(
                "namecheck.forbidden-char-anonymous", Req.get(C + "/a%5Eb").as(User.ANON)));
        s.add(Scenario.of("namecheck.forbidden-char-head", Req.head(C + "/a%5Eb")));
        s.add(Scenario.of("namecheck.forbidden-char-in-account", Req.get("/v1/AUTH_te%5Est")));
        s.add(Scenario.of(
                "namecheck.quotes-allowed-here", Req.put(C + "/%22q%22").body("q"), Req.get(C + "/%22q%22")));
        String within = "/v1/AUTH_test/nc/" + "o".repeat(NAME_CHECK_MAXIMUM_LENGTH - 17);
        s.add(Scenario.of("namecheck.length-at-maximum", Req.get(within)));
        s.add(Scenario.of("namecheck.length-over-maximum", Req.put(within + "o").body("x")));
        // three bytes each: 667 snowmen make 2001 bytes of a 684-character path
        String snowmen = "%E2%98%83".repeat(667);
        s.add(Scenario.of("namecheck.length-counts-bytes", Req.get(C + "/" + snowmen)));
        s.add(Scenario.of("namecheck.regexp", Req.put(C + "/nc-forbidden/o").body("x"), Req.get(C + "/nc-forbidden")));
        s.add(Scenario.of("namecheck.regexp-container", Req.put("/v1/AUTH_test/nc-forbidden")));
        s.add(Scenario.of(
                "namecheck.regexp-not-matched", Req.put(C + "/nc-forbiddenx").body("x")));
        s.add(Scenario.of("namecheck.query-not-checked", Req.get(C + "?prefix=%5E")));
        s.add(Scenario.of("namecheck.healthcheck", Req.get("/healthcheck?x=^").as(User.ANON)));
        return s;
    }

    private static List<Scenario> listEndpoints() {
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of("endpoints.put", Req.put("/endpoints/AUTH_test").as(User.ANON)));
        s.add(Scenario.of("endpoints.head", Req.head("/endpoints/AUTH_test/c").as(User.ANON)));
        s.add(Scenario.of("endpoints.delete", Req.delete("/endpoints/v2/AUTH_test/c/o")));
        s.add(Scenario.of("endpoints.no-account", Req.get("/endpoints/").as(User.ANON)));
        s.add(Scenario.of("endpoints.version-only", Req.get("/endpoints/v2").as(User.ANON)));
        s.add(Scenario.of("endpoints.version-slash", Req.get("/endpoints/v2/").as(User.ANON)));
        s.add(Scenario.of("endpoints.empty-account", Req.get("/endpoints//c").as(User.ANON)));
        s.add(Scenario.of(
                "endpoints.bad-version", Req.get("/endpoints/v3/AUTH_test").as(User.ANON)));
        s.add(Scenario.of(
                "endpoints.bad-version-quoted",
                Req.get("/endpoints/v%27x/AUTH_test").as(User.ANON)));
        s.add(Scenario.of(
                "endpoints.not-the-prefix", Req.get("/endpointsx/AUTH_test").as(User.ANON)));
        return s;
    }
}
