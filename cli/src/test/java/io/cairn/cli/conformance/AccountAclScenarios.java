package io.cairn.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Account ACLs ({@code X-Account-Access-Control}, tempauth's v2 JSON): the owner of {@code AUTH_test2} grants
 * {@code test:tester3} read-only, read-write or admin (and the whole {@code test} account read-only); the grantee
 * then lists, reads, writes, manages metadata and ACLs; the owner's HEAD shows the ACL. Invalid ACLs and
 * non-owners setting them are refused.
 *
 * <p>Thread-safety: stateless.
 */
final class AccountAclScenarios {
    private static final String A = "/v1/AUTH_test2";

    private AccountAclScenarios() {}

    static List<Group> groups() {
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of(
                "acctacl.setup",
                Req.put(A + "/shared").as(User.OTHER),
                Req.put(A + "/shared/o")
                        .as(User.OTHER)
                        .h("Content-Type", "text/plain")
                        .body("shared"),
                Req.get(A).as(User.TESTER3)));
        String[][] grants = {
            {"read-only", "{\"read-only\":[\"test:tester3\"]}", "test:tester3"},
            {"read-write", "{\"read-write\":[\"test:tester3\"]}", "test:tester3"},
            {"admin", "{\"admin\":[\"test:tester3\"]}", "test:tester3"},
            {"read-only-whole-account", "{\"read-only\":[\"test\"]}", "test"},
        };
        for (String[] g : grants) {
            s.add(grant(g[0], g[1]));
        }
        s.add(Scenario.of(
                "acctacl.invalid-json",
                Req.post(A).as(User.OTHER).h("X-Account-Access-Control", "{not json"),
                Req.head(A).as(User.OTHER)));
        s.add(Scenario.of(
                "acctacl.unknown-key",
                Req.post(A).as(User.OTHER).h("X-Account-Access-Control", "{\"owner\":[\"test:tester3\"]}")));
        s.add(Scenario.of(
                "acctacl.not-a-list",
                Req.post(A).as(User.OTHER).h("X-Account-Access-Control", "{\"admin\":\"test:tester3\"}")));
        s.add(Scenario.of(
                "acctacl.set-by-non-owner",
                Req.post("/v1/AUTH_test")
                        .as(User.TESTER3)
                        .h("X-Account-Access-Control", "{\"admin\":[\"test:tester3\"]}"),
                Req.head("/v1/AUTH_test")));
        s.add(Scenario.of(
                "acctacl.on-account-put",
                Req.put(A).as(User.RESELLER).h("X-Account-Access-Control", "{\"read-only\":[\"test:tester3\"]}"),
                Req.head(A).as(User.OTHER),
                Req.post(A).as(User.OTHER).h("X-Account-Access-Control", "")));
        return List.of(new Group("acctacl", s));
    }

    /** The owner sets {@code acl}, the grantee works under it, the owner takes it away again. */
    private static Scenario grant(String id, String acl) {
        User g = User.TESTER3;
        return Scenario.of(
                "acctacl." + id,
                Req.post(A).as(User.OTHER).h("X-Account-Access-Control", acl),
                Req.head(A).as(User.OTHER),
                Req.head(A).as(g),
                Req.get(A + "?format=json").as(g),
                Req.get(A + "/shared?format=json").as(g),
                Req.get(A + "/shared/o").as(g),
                Req.put(A + "/shared/grantee").as(g).body("g"),
                Req.delete(A + "/shared/grantee").as(g),
                Req.put(A + "/grantee-c").as(g),
                Req.delete(A + "/grantee-c").as(g),
                Req.post(A).as(g).h("X-Account-Meta-Grantee", "yes"),
                Req.post(A + "/shared").as(g).h("X-Container-Read", ".r:*"),
                Req.head(A + "/shared").as(User.OTHER),
                Req.post(A).as(g).h("X-Account-Access-Control", "{\"read-only\":[\"test:tester3\"]}"),
                Req.get(A).as(User.OWNER),
                Req.post(A).as(User.OTHER).h("X-Account-Access-Control", "").h("X-Remove-Account-Meta-Grantee", "x"),
                Req.post(A + "/shared").as(User.OTHER).h("X-Container-Read", ""),
                Req.head(A).as(g));
    }
}
