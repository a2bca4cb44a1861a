package io.cairn.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * COPY and POST variants: COPY with {@code Destination} (and {@code Destination-Account}), PUT with {@code
 * X-Copy-From} (and {@code -Account}), {@code X-Fresh-Metadata}, a {@code Range} on the copy, missing sources, bad
 * paths, bodies on copies; object POST replacing metadata, changing {@code Content-Type}, setting and removing
 * {@code X-Delete-At}.
 *
 * <p>Thread-safety: stateless.
 */
final class CopyScenarios {
    private static final String C = "/v1/AUTH_test/cp";
    private static final String SRC = C + "/src";

    private CopyScenarios() {}

    static List<Group> groups() {
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of(
                "copy.setup",
                Req.put(C),
                Req.put("/v1/AUTH_test/cp2"),
                Req.put(SRC)
                        .h("Content-Type", "text/plain")
                        .h("X-Object-Meta-A", "1")
                        .body("0123456789"),
                Req.put("/v1/AUTH_test2/cp-other").as(User.OTHER)));
        s.add(Scenario.of("copy.destination", Req.copy(SRC, "cp/d1"), Req.get(C + "/d1")));
        s.add(Scenario.of("copy.destination-leading-slash", Req.copy(SRC, "/cp/d2"), Req.head(C + "/d2")));
        s.add(Scenario.of("copy.destination-without-container", Req.copy(SRC, "d3")));
        s.add(Scenario.of("copy.destination-quoted", Req.copy(SRC, "cp/d%20four"), Req.head(C + "/d%20four")));
        s.add(Scenario.of("copy.destination-utf8", Req.copy(SRC, "cp/d%C3%BC"), Req.head(C + "/d%C3%BC")));
        s.add(Scenario.of("copy.destination-missing", Req.of("COPY", SRC)));
        s.add(Scenario.of(
                "copy.destination-other-container", Req.copy(SRC, "cp2/d5"), Req.head("/v1/AUTH_test/cp2/d5")));
        s.add(Scenario.of("copy.destination-missing-container", Req.copy(SRC, "nocontainer/d6")));
        s.add(Scenario.of(
                "copy.destination-account-same",
                Req.copy(SRC, "cp2/d7").h("Destination-Account", "AUTH_test"),
                Req.head("/v1/AUTH_test/cp2/d7")));
        s.add(Scenario.of(
                "copy.destination-account-other-forbidden",
                Req.copy(SRC, "cp-other/d8").h("Destination-Account", "AUTH_test2")));
        s.add(Scenario.of(
                "copy.destination-account-reseller",
                Req.copy(SRC, "cp-other/d9").as(User.RESELLER).h("Destination-Account", "AUTH_test2"),
                Req.head("/v1/AUTH_test2/cp-other/d9").as(User.OTHER)));
        s.add(Scenario.of("copy.x-copy-from", xcopy(C + "/x1", "cp/src"), Req.get(C + "/x1")));
        s.add(Scenario.of("copy.x-copy-from-leading-slash", xcopy(C + "/x2", "/cp/src"), Req.head(C + "/x2")));
        s.add(Scenario.of("copy.x-copy-from-quoted", xcopy(C + "/x3", "cp/sr%63"), Req.head(C + "/x3")));
        s.add(Scenario.of("copy.x-copy-from-missing-source", xcopy(C + "/x4", "cp/nope")));
        s.add(Scenario.of("copy.x-copy-from-without-container", xcopy(C + "/x5", "src")));
        s.add(Scenario.of(
                "copy.x-copy-from-account",
                xcopy(C + "/x6", "cp/src").h("X-Copy-From-Account", "AUTH_test"),
                Req.head(C + "/x6")));
        s.add(Scenario.of(
                "copy.x-copy-from-account-other",
                xcopy(C + "/x7", "cp-other/d9").h("X-Copy-From-Account", "AUTH_test2")));
        s.add(Scenario.of(
                "copy.fresh-metadata",
                xcopy(C + "/x8", "cp/src").h("X-Fresh-Metadata", "true").h("X-Object-Meta-B", "2"),
                Req.head(C + "/x8")));
        s.add(Scenario.of(
                "copy.merged-metadata", xcopy(C + "/x9", "cp/src").h("X-Object-Meta-B", "2"), Req.head(C + "/x9")));
        s.add(Scenario.of(
                "copy.copy-fresh-metadata",
                Req.copy(SRC, "cp/x10").h("X-Fresh-Metadata", "true").h("X-Object-Meta-C", "3"),
                Req.head(C + "/x10")));
        s.add(Scenario.of("copy.range", xcopy(C + "/x11", "cp/src").h("Range", "bytes=2-5"), Req.get(C + "/x11")));
        s.add(Scenario.of(
                "copy.range-unsatisfiable", xcopy(C + "/x12", "cp/src").h("Range", "bytes=50-60")));
        s.add(Scenario.of(
                "copy.content-type-override",
                xcopy(C + "/x13", "cp/src").h("Content-Type", "application/x-foo"),
                Req.head(C + "/x13")));
        s.add(Scenario.of("copy.copy-missing-object", Req.copy(C + "/nope", "cp/x14")));
        s.add(Scenario.of("copy.copy-with-body", Req.copy(SRC, "cp/x15").body("hello"), Req.get(C + "/x15")));
        s.add(Scenario.of(
                "copy.x-copy-from-with-body", xcopy(C + "/x16", "cp/src").body("hello")));
        s.add(Scenario.of("copy.onto-itself", Req.copy(SRC, "cp/src"), Req.head(SRC)));
        s.add(Scenario.of(
                "copy.onto-itself-fresh-metadata",
                xcopy(SRC, "cp/src").h("X-Fresh-Metadata", "true").h("X-Object-Meta-A", "1"),
                Req.head(SRC)));
        posts(s);
        return List.of(new Group("copy", s));
    }

    private static void posts(List<Scenario> s) {
        s.add(Scenario.of(
                "post.replaces-metadata", Req.post(SRC).h("X-Object-Meta-C", "3"), Req.head(SRC), Req.get(SRC)));
        s.add(Scenario.of("post.content-type", Req.post(SRC).h("Content-Type", "application/x-bar"), Req.head(SRC)));
        s.add(Scenario.of("post.no-headers", Req.post(SRC), Req.head(SRC)));
        s.add(Scenario.of("post.missing-object", Req.post(C + "/nope").h("X-Object-Meta-C", "3")));
        s.add(Scenario.of("post.missing-container", Req.post("/v1/AUTH_test/nocontainer/o")));
        s.add(Scenario.of("post.delete-at", Req.post(SRC).h("X-Delete-At", "4102444800"), Req.head(SRC)));
        s.add(Scenario.of(
                "post.delete-after",
                Req.post(SRC).h("X-Delete-After", "86400"),
                Req.head(SRC).volatileHeader("X-Delete-At")));
        s.add(Scenario.of("post.remove-delete-at", Req.post(SRC).h("X-Remove-Delete-At", "x"), Req.head(SRC)));
        s.add(Scenario.of("post.delete-at-past", Req.post(SRC).h("X-Delete-At", "1000000000")));
        s.add(Scenario.of("post.x-copy-from-ignored", Req.post(SRC).h("X-Copy-From", "cp/x1"), Req.head(SRC)));
    }

    private static Req xcopy(String path, String from) {
        return Req.put(path).h("X-Copy-From", from);
    }
}
