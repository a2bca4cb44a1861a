package io.cairn.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Legacy versioned writes ({@code versioned_writes} with {@code allow_versioned_writes}): {@code
 * X-Versions-Location} (stack mode: a DELETE restores the previous version) and {@code X-History-Location}
 * (history mode: a DELETE archives and writes a delete marker), the archive's {@code %03x<name>/<timestamp>}
 * names, delete markers met in stack mode, removing the location, the refusals, unicode names and another user.
 *
 * <p>Thread-safety: stateless.
 */
final class LegacyVersioningScenarios {
    private static final String A = "/v1/AUTH_test";
    private static final String S = A + "/lv";
    private static final String SA = A + "/lv-archive";
    private static final String H = A + "/lh";
    private static final String HA = A + "/lh-archive";

    private LegacyVersioningScenarios() {}

    static List<Group> groups() {
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of(
                "legacy.setup",
                Req.put(SA),
                Req.put(S).h("X-Versions-Location", "lv-archive"),
                Req.head(S),
                Req.get(S)));
        s.add(Scenario.of(
                "legacy.stack",
                Req.put(S + "/o").h("Content-Type", "text/plain").body("1"),
                Req.put(S + "/o").h("X-Object-Meta-N", "two").body("22"),
                Req.put(S + "/o").body("333"),
                Req.get(SA + "?format=json"),
                Req.get(S + "/o"),
                Req.delete(S + "/o"),
                Req.get(S + "/o"),
                Req.delete(S + "/o"),
                Req.get(S + "/o"),
                Req.delete(S + "/o"),
                Req.get(S + "/o"),
                Req.delete(S + "/o"),
                Req.get(SA + "?format=json")));
        s.add(Scenario.of(
                "legacy.unicode",
                Req.put(S + "/%C3%BCn%C3%AF%E2%98%83").body("a"),
                Req.put(S + "/%C3%BCn%C3%AF%E2%98%83").body("b"),
                Req.get(SA + "?format=json"),
                Req.get(SA),
                Req.delete(S + "/%C3%BCn%C3%AF%E2%98%83"),
                Req.get(S + "/%C3%BCn%C3%AF%E2%98%83")));
        s.add(Scenario.of(
                "legacy.history",
                Req.put(HA),
                Req.put(H).h("X-History-Location", "lh-archive"),
                Req.head(H),
                Req.put(H + "/o").body("a"),
                Req.put(H + "/o").body("bb"),
                Req.delete(H + "/o"),
                Req.get(H + "/o"),
                Req.delete(H + "/o"),
                Req.get(HA + "?format=json")));
        s.add(Scenario.of(
                "legacy.stack-over-markers",
                Req.post(H).h("X-Versions-Location", "lh-archive"),
                Req.head(H),
                Req.delete(H + "/o"),
                Req.get(H + "/o"),
                Req.get(HA + "?format=json"),
                Req.put(H + "/o").body("ccc"),
                Req.delete(H + "/o"),
                Req.get(H + "/o"),
                Req.get(HA + "?format=json")));
        s.add(Scenario.of(
                "legacy.refusals",
                Req.post(S).h("X-Versions-Location", "a").h("X-History-Location", "b"),
                Req.post(S).h("X-Versions-Location", "a/b"),
                Req.post(S).h("X-Versions-Location", "").h("X-History-Location", "lh-archive"),
                Req.head(S),
                Req.post(S).h("X-Versions-Enabled", "true"),
                Req.post(S).h("X-Versions-Location", "lv-archive"),
                Req.head(S)));
        s.add(Scenario.of(
                "legacy.missing-archive",
                Req.put(A + "/lm").h("X-Versions-Location", "nope"),
                Req.put(A + "/lm/o").body("1"),
                Req.put(A + "/lm/o").body("2"),
                Req.delete(A + "/lm/o"),
                Req.get(A + "/lm/o")));
        s.add(Scenario.of(
                "legacy.other-user",
                Req.put(S + "/u").body("owner's"),
                Req.put(S + "/u").as(User.TESTER3).body("tester3's"),
                Req.post(S).h("X-Container-Write", "test:tester3"),
                Req.put(S + "/u").as(User.TESTER3).body("tester3's"),
                Req.delete(S + "/u").as(User.TESTER3),
                Req.get(S + "/u"),
                Req.get(SA + "?format=json")));
        s.add(Scenario.of(
                "legacy.remove",
                Req.post(S).h("X-Remove-Versions-Location", "x"),
                Req.head(S),
                Req.put(S + "/r").body("1"),
                Req.put(S + "/r").body("2"),
                Req.delete(S + "/r"),
                Req.get(S + "/r"),
                Req.post(H).h("X-History-Location", ""),
                Req.head(H)));
        return List.of(new Group("legacy-versioning", s));
    }
}
