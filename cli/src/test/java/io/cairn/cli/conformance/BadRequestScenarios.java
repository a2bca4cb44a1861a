package io.cairn.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Bad and odd requests: bad paths, transfer encodings, oversized headers, storage policies on container PUT,
 * Content-Length mismatches, {@code X-Delete-At}/{@code -After} values, ETag mismatches, unknown methods, {@code
 * Expect}, {@code Connection} handling, HTTP/1.0, missing {@code Host}, client-sent internal headers.
 *
 * <p>Thread-safety: stateless.
 */
final class BadRequestScenarios {
    private static final String C = "/v1/AUTH_test/bad";
    private static final String O = C + "/o";

    private BadRequestScenarios() {}

    static List<Group> groups() {
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of("bad.setup", Req.put(C), Req.put(O).body("abc")));
        paths(s);
        framing(s);
        headers(s);
        policies(s);
        deleteAt(s);
        misc(s);
        return List.of(new Group("bad", s));
    }

    private static void paths(List<Scenario> s) {
        String[][] paths = {
            {"double-slash-v1", "//v1/AUTH_test"},
            {"v1-slash", "/v1/"},
            {"v1", "/v1"},
            {"v2", "/v2/AUTH_test"},
            {"v1.0", "/v1.0/AUTH_test"},
            {"root", "/"},
            {"no-reseller-prefix", "/v1/test"},
            {"unknown-reseller-prefix", "/v1/FOO_test"},
            {"empty-query", "/v1/AUTH_test?"},
            {"fragment", "/v1/AUTH_test/bad#frag"},
            {"absolute-uri", "http://127.0.0.1/v1/AUTH_test/bad"},
            {"dotdot-account", "/v1/AUTH_test/../AUTH_test2"},
            {"double-slash-container", "/v1/AUTH_test//bad"},
            {"asterisk", "*"},
        };
        for (String[] p : paths) {
            s.add(Scenario.of("bad.path." + p[0], Req.get(p[1])));
        }
        s.add(Scenario.of("bad.path.options-asterisk", Req.options("*").as(User.ANON)));
    }

    private static void framing(List<Scenario> s) {
        String chunked = "3\r\nabc\r\n0\r\n\r\n";
        s.add(Scenario.of(
                "bad.te.chunked",
                Req.put(C + "/te1").h("Transfer-Encoding", "chunked").body(chunked),
                Req.get(C + "/te1")));
        s.add(Scenario.of(
                "bad.te.gzip-chunked",
                Req.put(C + "/te2").h("Transfer-Encoding", "gzip, chunked").body(chunked)));
        s.add(Scenario.of(
                "bad.te.identity",
                Req.put(C + "/te3")
                        .h("Transfer-Encoding", "identity")
                        .h("Content-Length", "3")
                        .body("abc")));
        s.add(Scenario.of(
                "bad.te.unknown",
                Req.put(C + "/te4").h("Transfer-Encoding", "frobnicate").body(chunked)));
        s.add(Scenario.of(
                "bad.te.chunked-and-content-length",
                Req.put(C + "/te5")
                        .h("Transfer-Encoding", "chunked")
                        .h("Content-Length", "3")
                        .body(chunked),
                Req.get(C + "/te5")));
        s.add(Scenario.of(
                "bad.cl.body-shorter",
                Req.put(C + "/cl1").h("Content-Length", "10").body("abcde").halfClose()));
        s.add(Scenario.of(
                "bad.cl.body-longer",
                Req.put(C + "/cl2").h("Content-Length", "3").body("abcdef"),
                Req.get(C + "/cl2")));
        s.add(Scenario.of("bad.cl.negative", Req.put(C + "/cl3").h("Content-Length", "-1")));
        s.add(Scenario.of("bad.cl.not-a-number", Req.put(C + "/cl4").h("Content-Length", "abc")));
        s.add(Scenario.of("bad.cl.missing", Req.put(C + "/cl5").noLength()));
        s.add(Scenario.of(
                "bad.cl.twice",
                Req.put(C + "/cl6")
                        .h("Content-Length", "3")
                        .h("Content-Length", "4")
                        .body("abc")));
        s.add(Scenario.of("bad.cl.on-get", Req.get(O).h("Content-Length", "3").body("abc")));
        s.add(Scenario.of(
                "bad.cl.too-large",
                Req.put(C + "/cl7").h("Content-Length", "5368709123").halfClose()));
        s.add(Scenario.of(
                "bad.expect.100-continue",
                Req.put(C + "/ex1").h("Expect", "100-continue").body("abc")));
        s.add(Scenario.of(
                "bad.expect.unknown",
                Req.put(C + "/ex2").h("Expect", "101-nonsense").body("abc")));
    }

    private static void headers(List<Scenario> s) {
        s.add(Scenario.of("bad.header.value-8000", Req.head(O).h("X-Big", "h".repeat(8000))));
        s.add(Scenario.of("bad.header.value-8200", Req.head(O).h("X-Big", "h".repeat(8200))));
        s.add(Scenario.of("bad.header.value-8000-get", Req.get(O).h("X-Big", "h".repeat(8000))));
        s.add(Scenario.of(
                "bad.header.value-8000-put",
                Req.put(C + "/big-header").h("X-Big", "h".repeat(8000)).body("b"),
                Req.head(C + "/big-header")));
        s.add(Scenario.of("bad.header.meta-value-8000", Req.put(C + "/h1").h("X-Object-Meta-Big", "m".repeat(8000))));
        Req many = Req.put(C + "/h2");
        for (int i = 0; i < 32; i++) {
            many.h("X-Object-Meta-M" + i, "m".repeat(250));
        }
        s.add(Scenario.of("bad.header.meta-8k-in-32-headers", many));
        Req lots = Req.head(O);
        for (int i = 0; i < 40; i++) {
            lots.h("X-Filler-" + i, "f".repeat(800));
        }
        s.add(Scenario.of("bad.header.total-32k", lots));
        Req count = Req.head(O);
        for (int i = 0; i < 130; i++) {
            count.h("X-Count-" + i, "c");
        }
        s.add(Scenario.of("bad.header.count-130", count));
        s.add(Scenario.of(
                "bad.header.no-colon",
                Req.head(O).h("X-No-Colon-Here", "").h("Bogus-line-without-colon\r\nX-Other", "1")));
        s.add(Scenario.of("bad.header.space-before-colon", Req.head(O).h("X-Spaced ", "1")));
        s.add(Scenario.of("bad.header.obs-fold", Req.head(O).h("X-Folded", "a\r\n b")));
        s.add(Scenario.of(
                "bad.header.client-x-timestamp",
                Req.put(C + "/ts").h("X-Timestamp", "1000000000.00000").body("t"),
                Req.head(C + "/ts")));
        s.add(Scenario.of(
                "bad.header.client-backend-headers",
                Req.get(O).h("X-Backend-Storage-Policy-Index", "5").h("X-Backend-Etag-Is-At", "X-Object-Meta-X")));
    }

    private static void policies(List<Scenario> s) {
        s.add(Scenario.of(
                "bad.policy.empty",
                Req.put("/v1/AUTH_test/pol-empty").h("X-Storage-Policy", ""),
                Req.head("/v1/AUTH_test/pol-empty")));
        s.add(Scenario.of(
                "bad.policy.unknown", Req.put("/v1/AUTH_test/pol-unknown").h("X-Storage-Policy", "nope")));
        s.add(Scenario.of(
                "bad.policy.by-name",
                Req.put("/v1/AUTH_test/pol-name").h("X-Storage-Policy", "gold"),
                Req.head("/v1/AUTH_test/pol-name")));
        s.add(Scenario.of(
                "bad.policy.other-case",
                Req.put("/v1/AUTH_test/pol-case").h("X-Storage-Policy", "GOLD"),
                Req.head("/v1/AUTH_test/pol-case")));
        s.add(Scenario.of(
                "bad.policy.silver-deleted",
                // in the reseller's own account: no other scenario reads its per-policy stats
                Req.put("/v1/AUTH_admin/pol-silver")
                        .h("X-Storage-Policy", "silver")
                        .as(User.RESELLER),
                Req.head("/v1/AUTH_admin/pol-silver").as(User.RESELLER),
                Req.put("/v1/AUTH_admin/pol-silver/o").body("x").as(User.RESELLER),
                Req.get("/v1/AUTH_admin/pol-silver/o").as(User.RESELLER),
                Req.put("/v1/AUTH_admin/pol-silver")
                        .h("X-Storage-Policy", "gold")
                        .as(User.RESELLER),
                Req.delete("/v1/AUTH_admin/pol-silver/o").as(User.RESELLER),
                Req.delete("/v1/AUTH_admin/pol-silver").as(User.RESELLER),
                Req.head("/v1/AUTH_admin/pol-silver").as(User.RESELLER),
                Req.get("/v1/AUTH_admin/pol-silver").as(User.RESELLER)));
        s.add(Scenario.of(
                "bad.policy.index-number", Req.put("/v1/AUTH_test/pol-index").h("X-Storage-Policy", "0")));
        s.add(Scenario.of(
                "bad.policy.on-post", Req.post("/v1/AUTH_test/pol-name").h("X-Storage-Policy", "gold")));
        s.add(Scenario.of(
                "bad.policy.same-again", Req.put("/v1/AUTH_test/pol-name").h("X-Storage-Policy", "gold")));
    }

    private static void deleteAt(List<Scenario> s) {
        String[][] cases = {
            {"delete-at.past", "X-Delete-At", "1000000000"},
            {"delete-at.not-a-number", "X-Delete-At", "soon"},
            {"delete-at.fraction", "X-Delete-At", "4102444800.5"},
            {"delete-at.negative", "X-Delete-At", "-1"},
            {"delete-after.negative", "X-Delete-After", "-5"},
            {"delete-after.not-a-number", "X-Delete-After", "later"},
            {"delete-after.zero", "X-Delete-After", "0"},
            {"delete-after.fraction", "X-Delete-After", "10.5"},
        };
        for (String[] c : cases) {
            s.add(Scenario.of("bad." + c[0], Req.put(C + "/da").h(c[1], c[2]).body("d")));
        }
        s.add(Scenario.of(
                "bad.delete-at.future",
                Req.put(C + "/da2").h("X-Delete-At", "4102444800").body("d"),
                Req.head(C + "/da2")));
    }

    private static void misc(List<Scenario> s) {
        s.add(Scenario.of(
                "bad.etag.mismatch",
                Req.put(C + "/e1").h("ETag", "00000000000000000000000000000000").body("abc")));
        s.add(Scenario.of(
                "bad.etag.quoted-match",
                Req.put(C + "/e2")
                        .h("ETag", "\"900150983cd24fb0d6963f7d28e17f72\"")
                        .body("abc")));
        s.add(Scenario.of(
                "bad.etag.not-hex", Req.put(C + "/e3").h("ETag", "not-an-md5").body("abc")));
        s.add(Scenario.of("bad.method.unknown", Req.of("FROB", C)));
        s.add(Scenario.of("bad.method.lower-case", Req.of("get", C)));
        s.add(Scenario.of("bad.method.trace", Req.of("TRACE", C)));
        s.add(Scenario.of("bad.account.put-by-owner", Req.put("/v1/AUTH_test")));
        s.add(Scenario.of("bad.account.delete-by-owner", Req.delete("/v1/AUTH_test")));
        s.add(Scenario.of(
                "bad.if-none-match.etag-on-put",
                Req.put(C + "/inm").h("If-None-Match", "\"abc\"").body("x")));
        s.add(Scenario.of(
                "bad.if-none-match.star-existing",
                Req.put(O).h("If-None-Match", "*").body("x")));
        s.add(Scenario.of(
                "bad.if-none-match.star-new",
                Req.put(C + "/inm2").h("If-None-Match", "*").body("x")));
        s.add(Scenario.of(
                "bad.content-type.swift-bytes",
                Req.put(C + "/ct").h("Content-Type", "text/plain;swift_bytes=5").body("x")));
        s.add(Scenario.of(
                "bad.content-type.guessed", Req.put(C + "/page.html").body("<p>"), Req.head(C + "/page.html")));
        s.add(Scenario.of(
                "bad.content-type.detect",
                Req.put(C + "/doc.pdf")
                        .h("Content-Type", "text/plain")
                        .h("X-Detect-Content-Type", "true")
                        .body("x"),
                Req.head(C + "/doc.pdf")));
        s.add(Scenario.of("bad.container.delete-not-empty", Req.delete(C)));
        s.add(Scenario.of("bad.container.delete-missing", Req.delete("/v1/AUTH_test/nocontainer")));
        s.add(Scenario.of("bad.container.head-missing", Req.head("/v1/AUTH_test/nocontainer")));
        s.add(Scenario.of("bad.container.post-missing", Req.post("/v1/AUTH_test/nocontainer")));
        s.add(Scenario.of("bad.container.put-again", Req.put(C)));
        s.add(Scenario.of(
                "bad.object.put-missing-container",
                Req.put("/v1/AUTH_test/nocontainer/o").body("x")));
        s.add(Scenario.of("bad.object.get-missing", Req.get(C + "/nope")));
        s.add(Scenario.of("bad.object.head-missing", Req.head(C + "/nope")));
        s.add(Scenario.of("bad.object.delete-missing", Req.delete(C + "/nope")));
        s.add(Scenario.of(
                "bad.object.get-after-delete",
                Req.put(C + "/gone").body("x"),
                Req.delete(C + "/gone"),
                Req.get(C + "/gone")));
        s.add(Scenario.of("bad.object.zero-bytes", Req.put(C + "/zero"), Req.get(C + "/zero")));
        s.add(Scenario.of("bad.http10", Req.get(O).version("HTTP/1.0")));
        s.add(Scenario.of(
                "bad.http10-keep-alive", Req.get(O).version("HTTP/1.0").h("Connection", "keep-alive")));
        s.add(Scenario.of("bad.http2-version", Req.get(O).version("HTTP/2.0")));
        s.add(Scenario.of("bad.connection.keep-alive", Req.get(O).h("Connection", "keep-alive")));
        s.add(Scenario.of("bad.connection.close", Req.get(O).h("Connection", "close")));
        s.add(Scenario.of("bad.host.missing", Req.get(O).noHost()));
    }
}
