package io.cairn.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * container_quotas and account_quotas in both pipelines: quota headers that are not digits (400), uploads and
 * copies over a container's byte or count quota (413 to the owner, the auth system's 401/403 to others), a chunked
 * upload (counted as empty, as Swift's {@code content_length or 0}), a reseller setting, refusing and removing an
 * account's quota, and a grantee's upload over it. Usage that depends on cache freshness is never on the edge.
 *
 * <p>Thread-safety: stateless.
 */
final class QuotaScenarios {
    private static final String C = "/v1/AUTH_test/cq";
    private static final String QA = "/v1/AUTH_test5";
    private static final String TEN = "0123456789";
    private static final String TWENTY = TEN + TEN;

    private QuotaScenarios() {}

    static List<Group> groups() {
        return List.of(new Group("container-quotas", containerQuotas()), new Group("account-quotas", accountQuotas()));
    }

    private static List<Scenario> containerQuotas() {
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of(
                "cquota.setup",
                Req.put(C).h("X-Container-Meta-Quota-Bytes", "10"),
                Req.put(C + "-count").h("X-Container-Meta-Quota-Count", "0"),
                Req.put(C + "-src"),
                Req.put(C + "-src/big").body(TWENTY),
                Req.head(C)));
        s.add(Scenario.of("cquota.bad-bytes-put", Req.put(C + "-bad").h("X-Container-Meta-Quota-Bytes", "ten")));
        s.add(Scenario.of("cquota.bad-bytes-negative", Req.post(C).h("X-Container-Meta-Quota-Bytes", "-1")));
        s.add(Scenario.of("cquota.bad-count-post", Req.post(C).h("X-Container-Meta-Quota-Count", "1.5")));
        s.add(Scenario.of("cquota.unicode-digits", Req.post(C).h("X-Container-Meta-Quota-Bytes", "１０")));
        s.add(Scenario.of("cquota.empty-value", Req.post(C + "-src").h("X-Container-Meta-Quota-Bytes", "")));
        s.add(Scenario.of("cquota.under", Req.put(C + "/small").body("12345"), Req.head(C + "/small")));
        s.add(Scenario.of("cquota.over", Req.put(C + "/big").body(TWENTY), Req.head(C + "/big")));
        s.add(Scenario.of(
                "cquota.over-other-user", Req.put(C + "/big2").as(User.OTHER).body(TWENTY)));
        s.add(Scenario.of(
                "cquota.over-anonymous", Req.put(C + "/big3").as(User.ANON).body(TWENTY)));
        s.add(Scenario.of(
                "cquota.over-chunked",
                Req.put(C + "/chunked")
                        .noLength()
                        .h("Transfer-Encoding", "chunked")
                        .body("14\r\n" + TWENTY + "\r\n0\r\n\r\n"),
                Req.head(C + "/chunked")));
        s.add(Scenario.of("cquota.count", Req.put(C + "-count/o").body("x"), Req.get(C + "-count")));
        s.add(Scenario.of("cquota.count-empty-object", Req.put(C + "-count/e").body("")));
        s.add(Scenario.of("cquota.copy-over", Req.copy(C + "-src/big", "cq/copied"), Req.head(C + "/copied")));
        s.add(Scenario.of(
                "cquota.x-copy-from-over",
                Req.put(C + "/xcopied").h("X-Copy-From", "cq-src/big"),
                Req.head(C + "/xcopied")));
        s.add(Scenario.of(
                "cquota.post-object-unaffected", Req.post(C + "/small").h("X-Object-Meta-A", "1")));
        s.add(Scenario.of(
                "cquota.raised",
                Req.post(C).h("X-Container-Meta-Quota-Bytes", "1000"),
                Req.put(C + "/big").body(TWENTY),
                Req.head(C + "/big")));
        return s;
    }

    private static List<Scenario> accountQuotas() {
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of(
                "aquota.setup",
                Req.post(QA).as(User.RESELLER).h("X-Account-Access-Control", "{\"read-write\":[\"test:tester3\"]}"),
                Req.put(QA + "/c").as(User.RESELLER)));
        s.add(Scenario.of("aquota.owner-may-not-set", Req.post("/v1/AUTH_test").h("X-Account-Meta-Quota-Bytes", "5")));
        s.add(Scenario.of(
                "aquota.owner-may-not-remove", Req.post("/v1/AUTH_test").h("X-Remove-Account-Meta-Quota-Bytes", "x")));
        s.add(Scenario.of(
                "aquota.anonymous-may-not-set",
                Req.post("/v1/AUTH_test").as(User.ANON).h("X-Account-Meta-Quota-Bytes", "5")));
        s.add(Scenario.of(
                "aquota.on-container-ignored", Req.post("/v1/AUTH_test/cq").h("X-Account-Meta-Quota-Bytes", "5")));
        s.add(Scenario.of(
                "aquota.reseller-bad-value", Req.post(QA).as(User.RESELLER).h("X-Account-Meta-Quota-Bytes", "lots")));
        s.add(Scenario.of(
                "aquota.reseller-sets",
                Req.post(QA).as(User.RESELLER).h("X-Account-Meta-Quota-Bytes", "0"),
                Req.head(QA).as(User.RESELLER)));
        s.add(Scenario.of(
                "aquota.grantee-over", Req.put(QA + "/c/o").as(User.TESTER3).body(TEN)));
        s.add(Scenario.of(
                "aquota.grantee-empty", Req.put(QA + "/c/e").as(User.TESTER3).body("")));
        s.add(Scenario.of(
                "aquota.stranger-over", Req.put(QA + "/c/o").as(User.OTHER).body(TEN)));
        s.add(Scenario.of(
                "aquota.reseller-not-limited",
                Req.put(QA + "/c/r").as(User.RESELLER).body(TEN)));
        s.add(Scenario.of(
                "aquota.grantee-post", Req.post(QA + "/c/e").as(User.TESTER3).h("X-Object-Meta-A", "b")));
        s.add(Scenario.of(
                "aquota.reseller-removes",
                Req.post(QA)
                        .as(User.RESELLER)
                        .h("X-Account-Meta-Quota-Bytes", "0")
                        .h("X-Remove-Account-Meta-Quota-Bytes", "yes"),
                Req.head(QA).as(User.RESELLER),
                Req.put(QA + "/c/o").as(User.TESTER3).body(TEN)));
        return s;
    }
}
