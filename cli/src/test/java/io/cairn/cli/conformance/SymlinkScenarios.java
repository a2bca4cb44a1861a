package io.cairn.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Symlinks: dynamic and static links (PUT validation, following, {@code Content-Location}, {@code ?symlink=get},
 * loops beyond {@code symloop_max}, dangling links, ETag checks), POST to a link (307), listings with {@code
 * symlink_path}, copies and deletes of links.
 *
 * <p>Thread-safety: stateless.
 */
final class SymlinkScenarios {
    private static final String C = "/v1/AUTH_test/sym";
    private static final String T = C + "/target";

    private SymlinkScenarios() {}

    static List<Group> groups() {
        String etag = LargeObjectScenarios.md5("hello");
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of(
                "symlink.setup",
                Req.put(C),
                Req.put(T)
                        .h("Content-Type", "text/plain")
                        .h("X-Object-Meta-Color", "blue")
                        .body("hello")));
        s.add(Scenario.of(
                "symlink.dynamic",
                Req.put(C + "/link").h("X-Symlink-Target", "sym/target"),
                Req.get(C + "/link"),
                Req.head(C + "/link"),
                Req.get(C + "/link").h("Range", "bytes=1-3"),
                Req.get(C + "/link?symlink=get"),
                Req.head(C + "/link?symlink=get")));
        s.add(Scenario.of(
                "symlink.with-body",
                Req.put(C + "/b").h("X-Symlink-Target", "sym/target").body("x")));
        s.add(Scenario.of("symlink.no-slash", Req.put(C + "/b").h("X-Symlink-Target", "target")));
        s.add(Scenario.of("symlink.leading-slash", Req.put(C + "/b").h("X-Symlink-Target", "/sym/target")));
        s.add(Scenario.of("symlink.itself", Req.put(C + "/self").h("X-Symlink-Target", "sym/self")));
        s.add(Scenario.of(
                "symlink.account",
                Req.put(C + "/acct").h("X-Symlink-Target", "sym/target").h("X-Symlink-Target-Account", "AUTH_test"),
                Req.get(C + "/acct"),
                Req.head(C + "/acct?symlink=get"),
                Req.put(C + "/acct2").h("X-Symlink-Target", "sym/target").h("X-Symlink-Target-Account", "a/b")));
        s.add(Scenario.of(
                "symlink.quoted-target",
                Req.put(C + "/q").h("X-Symlink-Target", "sym/tar%67et"),
                Req.head(C + "/q?symlink=get"),
                Req.get(C + "/q")));
        s.add(Scenario.of(
                "symlink.dangling",
                Req.put(C + "/dangling").h("X-Symlink-Target", "sym/nope"),
                Req.get(C + "/dangling"),
                Req.head(C + "/dangling")));
        s.add(Scenario.of(
                "symlink.chain",
                Req.put(C + "/link2").h("X-Symlink-Target", "sym/link"),
                Req.get(C + "/link2"),
                Req.put(C + "/link3").h("X-Symlink-Target", "sym/link2"),
                Req.get(C + "/link3"),
                Req.head(C + "/link3")));
        s.add(Scenario.of(
                "symlink.static",
                Req.put(C + "/static").h("X-Symlink-Target", "sym/target").h("X-Symlink-Target-Etag", etag),
                Req.get(C + "/static"),
                Req.head(C + "/static?symlink=get"),
                Req.put(C + "/static-bad").h("X-Symlink-Target", "sym/target").h("X-Symlink-Target-Etag", "nope"),
                Req.put(C + "/static-missing").h("X-Symlink-Target", "sym/nope").h("X-Symlink-Target-Etag", etag),
                Req.put(C + "/static-format")
                        .h("X-Symlink-Target", "sym/target")
                        .h("X-Symlink-Target-Etag", "a;b")));
        s.add(Scenario.of(
                "symlink.static-changed",
                Req.put(C + "/t2").body("one"),
                Req.put(C + "/static2")
                        .h("X-Symlink-Target", "sym/t2")
                        .h("X-Symlink-Target-Etag", LargeObjectScenarios.md5("one")),
                Req.put(C + "/t2").body("two"),
                Req.get(C + "/static2")));
        s.add(Scenario.of(
                "symlink.post",
                Req.post(C + "/link").h("X-Object-Meta-A", "1"),
                Req.post(C + "/static").h("X-Object-Meta-A", "1"),
                Req.post(C + "/link").h("X-Symlink-Target", "sym/other")));
        s.add(Scenario.of("symlink.listing", Req.get(C + "?format=json"), Req.get(C), Req.get(C + "?format=xml")));
        s.add(Scenario.of("symlink.copy", Req.copy(C + "/link", "sym/copied"), Req.get(C + "/copied")));
        s.add(Scenario.of("symlink.delete", Req.delete(C + "/link2"), Req.head(C + "/link2"), Req.head(T)));
        s.add(Scenario.of("symlink.other-user-denied", Req.get(C + "/link").as(User.TESTER3)));
        return List.of(new Group("symlink", s));
    }
}
