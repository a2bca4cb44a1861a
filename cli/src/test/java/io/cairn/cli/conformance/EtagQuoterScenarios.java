package io.cairn.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * etag_quoter ({@code enable_by_default = false}) in both pipelines: a container's and an account's
 * {@code Rfc-Compliant-Etags} set, shown back, changed and removed, and object answers (PUT, HEAD, GET, a 304, a
 * COPY) with their ETag quoted or bare accordingly. The account-wide setting (on AUTH_test2) is removed again at the
 * end of its scenario, so no other group's ETags change.
 *
 * <p>Thread-safety: stateless.
 */
final class EtagQuoterScenarios {
    private static final String ON = "/v1/AUTH_test/eq-on";
    private static final String OFF = "/v1/AUTH_test/eq-off";
    private static final String ACCOUNT = "/v1/AUTH_test2";
    /** The MD5 of {@code quoted}, the objects' body. */
    private static final String MD5 = "\"c771841f494f76ff9957878b66f9b5a8\"";

    private EtagQuoterScenarios() {}

    static List<Group> groups() {
        return List.of(new Group("etag-quoter", scenarios()));
    }

    private static List<Scenario> scenarios() {
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of(
                "etagq.setup",
                Req.put(ON).h("X-Container-Rfc-Compliant-Etags", "yes"),
                Req.put(OFF),
                Req.head(ON),
                Req.get(ON),
                Req.head(OFF)));
        s.add(Scenario.of(
                "etagq.quoted",
                Req.put(ON + "/o").body("quoted"),
                Req.head(ON + "/o"),
                Req.get(ON + "/o"),
                Req.get(ON + "/o").h("If-None-Match", MD5),
                Req.get(ON + "/o").h("If-Match", "nope")));
        s.add(Scenario.of("etagq.bare", Req.put(OFF + "/o").body("quoted"), Req.head(OFF + "/o"), Req.get(OFF + "/o")));
        s.add(Scenario.of(
                "etagq.copy",
                Req.copy(OFF + "/o", "eq-on/copied"),
                Req.copy(ON + "/o", "eq-off/copied"),
                Req.head(ON + "/copied"),
                Req.head(OFF + "/copied")));
        s.add(Scenario.of("etagq.missing-object", Req.head(ON + "/missing"), Req.get(ON + "/missing")));
        s.add(Scenario.of("etagq.missing-container", Req.head("/v1/AUTH_test/eq-missing/o")));
        s.add(Scenario.of(
                "etagq.turned-off",
                Req.put(ON + "-2").h("X-Container-Rfc-Compliant-Etags", "true"),
                Req.put(ON + "-2/o").body("quoted"),
                Req.post(ON + "-2").h("X-Container-Rfc-Compliant-Etags", "off"),
                Req.head(ON + "-2"),
                Req.head(ON + "-2/o")));
        s.add(Scenario.of(
                "etagq.removed",
                Req.put(ON + "-3").h("X-Container-Rfc-Compliant-Etags", "true"),
                Req.post(ON + "-3").h("X-Remove-Container-Rfc-Compliant-Etags", "x"),
                Req.head(ON + "-3"),
                Req.put(ON + "-3/o").body("quoted")));
        s.add(Scenario.of(
                "etagq.emptied",
                Req.put(ON + "-4").h("X-Container-Rfc-Compliant-Etags", "true"),
                Req.post(ON + "-4").h("X-Container-Rfc-Compliant-Etags", ""),
                Req.head(ON + "-4")));
        s.add(Scenario.of(
                "etagq.account",
                Req.post(ACCOUNT).as(User.OTHER).h("X-Account-Rfc-Compliant-Etags", "on"),
                Req.head(ACCOUNT).as(User.OTHER),
                Req.put(ACCOUNT + "/eq").as(User.OTHER),
                Req.put(ACCOUNT + "/eq/o").as(User.OTHER).body("quoted"),
                Req.head(ACCOUNT + "/eq/o").as(User.OTHER),
                Req.put(ACCOUNT + "/eq-off").as(User.OTHER).h("X-Container-Rfc-Compliant-Etags", "false"),
                Req.put(ACCOUNT + "/eq-off/o").as(User.OTHER).body("quoted"),
                Req.head(ACCOUNT + "/eq-off/o").as(User.OTHER),
                Req.post(ACCOUNT).as(User.OTHER).h("X-Remove-Account-Rfc-Compliant-Etags", "x"),
                Req.head(ACCOUNT).as(User.OTHER)));
        s.add(Scenario.of(
                "etagq.sysmeta-from-client-ignored",
                Req.put(OFF + "-5").h("X-Container-Sysmeta-Rfc-Compliant-Etags", "true"),
                Req.put(OFF + "-5/o").body("quoted"),
                Req.head(OFF + "-5/o")));
        return s;
    }
}
