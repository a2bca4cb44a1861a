package io.cairn.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * The container ACL matrix: for each {@code X-Container-Read}/{@code X-Container-Write} setting, each non-owner
 * (same-account {@code test:tester3}, other account {@code test2:tester2}, anonymous, the service user {@code
 * test5:tester5}) tries every verb on the container and its objects; the owner's own verbs on account, container
 * and object; every identity's verbs on the account; service tokens ({@code X-Service-Token}) on {@code SERVICE_}
 * accounts.
 *
 * <p>Thread-safety: stateless.
 */
final class AclScenarios {
    private static final String C = "/v1/AUTH_test/acl";
    private static final User[] NON_OWNERS = {User.TESTER3, User.OTHER, User.ANON, User.SERVICE};

    private AclScenarios() {}

    static List<Group> groups() {
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of(
                "acl.setup",
                Req.put(C),
                Req.put(C + "/o").h("Content-Type", "text/plain").body("acl-body")));
        String[][] configs = {
            {"none", "", ""},
            {"read-r-star", ".r:*", ""},
            {"read-r-star-rlistings", ".r:*,.rlistings", ""},
            {"read-test2-tester2", "test2:tester2", ""},
            {"read-test-tester3", "test:tester3", ""},
            {"write-test2-tester2", "", "test2:tester2"},
            {"write-test-tester3", "", "test:tester3"},
            {"read-write-test2", "test2", "test2"},
        };
        for (String[] c : configs) {
            s.add(Scenario.of(
                    "acl." + c[0] + ".setup",
                    Req.post(C).h("X-Container-Read", c[1]).h("X-Container-Write", c[2]),
                    Req.head(C)));
            for (User u : NON_OWNERS) {
                s.add(new Scenario("acl." + c[0] + "." + u.id(), verbs(u)));
            }
        }
        s.add(owner());
        for (User u : NON_OWNERS) {
            s.add(account(u));
        }
        s.add(Scenario.of(
                "acl.invalid-read-acl",
                Req.post(C).h("X-Container-Read", ".r:"),
                Req.post(C).h("X-Container-Read", ".rlistings,.r:-"),
                Req.head(C)));
        s.add(Scenario.of(
                "acl.referrer",
                Req.post(C).h("X-Container-Read", ".r:.example.com"),
                Req.get(C + "/o").as(User.ANON).h("Referer", "http://www.example.com/page"),
                Req.get(C + "/o").as(User.ANON).h("Referer", "http://www.example.org/page"),
                Req.get(C + "/o").as(User.ANON)));
        return List.of(new Group("acl", s), service());
    }

    /** A non-owner's verbs on container {@code acl} and its objects: read, list, write, post, copy, delete. */
    private static List<Req> verbs(User u) {
        String mine = C + "/new-" + u.id();
        String copy = "acl/copy-" + u.id();
        return List.of(
                Req.get(C).as(u),
                Req.head(C).as(u),
                Req.get(C + "/o").as(u),
                Req.head(C + "/o").as(u),
                Req.put(mine).as(u).h("Content-Type", "text/plain").body("n"),
                Req.post(C + "/o").as(u).h("X-Object-Meta-By", u.id()),
                Req.copy(C + "/o", copy).as(u),
                Req.delete(mine).as(u),
                Req.delete("/v1/AUTH_test/" + copy).as(u),
                Req.post(C).as(u).h("X-Container-Meta-By", u.id()),
                Req.put("/v1/AUTH_test/acl-new-" + u.id()).as(u),
                Req.copy(C, "acl-copied-" + u.id()).as(u),
                // never empty (it holds o), so even an allowed DELETE cannot take the container away
                Req.delete(C).as(u));
    }

    private static Scenario owner() {
        String c = "/v1/AUTH_test/acl-own";
        return Scenario.of(
                "acl.owner.all-verbs",
                Req.get("/v1/AUTH_test"),
                Req.head("/v1/AUTH_test"),
                Req.post("/v1/AUTH_test").h("X-Account-Meta-Owner", "yes"),
                Req.put("/v1/AUTH_test"),
                Req.delete("/v1/AUTH_test"),
                Req.copy("/v1/AUTH_test", "acl-own"),
                Req.put(c),
                Req.head(c),
                Req.get(c),
                Req.post(c).h("X-Container-Meta-Owner", "yes"),
                Req.copy(c, "acl-own2"),
                Req.put(c + "/o").h("Content-Type", "text/plain").body("owner"),
                Req.get(c + "/o"),
                Req.head(c + "/o"),
                Req.post(c + "/o").h("X-Object-Meta-Owner", "yes"),
                Req.copy(c + "/o", "acl-own/o2"),
                Req.delete(c + "/o"),
                Req.delete(c + "/o2"),
                Req.delete(c));
    }

    /** Another identity's verbs on the account {@code AUTH_test}. */
    private static Scenario account(User u) {
        String a = "/v1/AUTH_test";
        return Scenario.of(
                "acl.account." + u.id(),
                Req.get(a).as(u),
                Req.head(a).as(u),
                Req.post(a).as(u).h("X-Account-Meta-By", u.id()),
                Req.put(a).as(u),
                Req.delete(a).as(u),
                Req.copy(a + "/acl", "acl2").as(u),
                Req.of("OPTIONS", a).as(u));
    }

    /** Service tokens: an owner's token plus a service token reach {@code SERVICE_test}; either alone does not. */
    private static Group service() {
        String c = "/v1/SERVICE_test/svc";
        return new Group(
                "service",
                List.of(
                        Scenario.of(
                                "service.owner-with-service-token",
                                Req.put(c).h("X-Service-Token", "{token:SERVICE}"),
                                Req.put(c + "/o")
                                        .h("X-Service-Token", "{token:SERVICE}")
                                        .body("svc"),
                                Req.get(c).h("X-Service-Token", "{token:SERVICE}"),
                                Req.get(c + "/o").h("X-Service-Token", "{token:SERVICE}"),
                                Req.head("/v1/SERVICE_test").h("X-Service-Token", "{token:SERVICE}")),
                        Scenario.of(
                                "service.owner-alone",
                                Req.get(c),
                                Req.get(c + "/o"),
                                Req.put(c + "/o2").body("x"),
                                Req.head("/v1/SERVICE_test")),
                        Scenario.of(
                                "service.service-token-alone",
                                Req.get(c).as(User.SERVICE),
                                Req.get(c + "/o").as(User.SERVICE),
                                Req.get(c).as(User.ANON).h("X-Service-Token", "{token:SERVICE}")),
                        Scenario.of(
                                "service.tester3-with-service-token",
                                Req.get(c).as(User.TESTER3).h("X-Service-Token", "{token:SERVICE}"),
                                Req.put(c + "/t3").as(User.TESTER3).h("X-Service-Token", "{token:SERVICE}")),
                        Scenario.of(
                                "service.other-account-with-service-token",
                                Req.get(c).as(User.OTHER).h("X-Service-Token", "{token:SERVICE}")),
                        Scenario.of(
                                "service.bad-service-token",
                                Req.get(c).h("X-Service-Token", "AUTH_tkbogus"),
                                Req.get("/v1/AUTH_test").h("X-Service-Token", "AUTH_tkbogus")),
                        Scenario.of(
                                "service.service-token-on-auth-account",
                                Req.get("/v1/AUTH_test").h("X-Service-Token", "{token:SERVICE}")),
                        Scenario.of(
                                "service.cleanup",
                                Req.delete(c + "/o").h("X-Service-Token", "{token:SERVICE}"),
                                Req.delete(c).h("X-Service-Token", "{token:SERVICE}"))));
    }
}
