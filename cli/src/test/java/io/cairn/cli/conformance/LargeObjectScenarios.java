package io.cairn.cli.conformance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Large objects: DLO ({@code X-Object-Manifest}: GET, HEAD, ranges, conditionals, {@code multipart-manifest=get},
 * PUT validation, copies, unicode prefixes) and SLO ({@code multipart-manifest=put} with its validation errors in
 * each result format, GET/HEAD with ranges and conditionals, inline data, ranged and nested segments,
 * {@code multipart-manifest=get[&format=raw]}, copies, {@code multipart-manifest=delete}, missing segments).
 *
 * <p>Thread-safety: stateless.
 */
final class LargeObjectScenarios {
    private static final String D = "/v1/AUTH_test/dlo";
    private static final String DS = "/v1/AUTH_test/dlo-segs";
    private static final String S = "/v1/AUTH_test/slo";
    private static final String SS = "/v1/AUTH_test/slo-segs";
    private static final String A = "aaaaa";
    private static final String B = "bbbbbbbbbb";
    private static final String C = "c";

    private LargeObjectScenarios() {}

    static List<Group> groups() {
        return List.of(new Group("dlo", dlo()), new Group("slo", slo()), new Group("slo-errors", sloErrors()));
    }

    private static List<Scenario> dlo() {
        String etag = md5(md5(A) + md5(B) + md5(C));
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of(
                "dlo.setup",
                Req.put(D),
                Req.put(DS),
                Req.put(DS + "/seg/1").body(A),
                Req.put(DS + "/seg/2").body(B),
                Req.put(DS + "/seg/3").body(C),
                Req.put(D + "/man").h("X-Object-Manifest", "dlo-segs/seg/").h("Content-Type", "text/plain")));
        s.add(Scenario.of("dlo.get", Req.get(D + "/man")));
        s.add(Scenario.of("dlo.head", Req.head(D + "/man")));
        s.add(Scenario.of("dlo.range", Req.get(D + "/man").h("Range", "bytes=3-8")));
        s.add(Scenario.of("dlo.range-suffix", Req.get(D + "/man").h("Range", "bytes=-4")));
        s.add(Scenario.of("dlo.range-open", Req.get(D + "/man").h("Range", "bytes=12-")));
        s.add(Scenario.of("dlo.range-multi-ignored", Req.get(D + "/man").h("Range", "bytes=0-1,4-5")));
        s.add(Scenario.of("dlo.range-unsatisfiable", Req.get(D + "/man").h("Range", "bytes=100-200")));
        s.add(Scenario.of("dlo.head-range", Req.head(D + "/man").h("Range", "bytes=3-8")));
        s.add(Scenario.of("dlo.if-none-match", Req.get(D + "/man").h("If-None-Match", "\"" + etag + "\"")));
        s.add(Scenario.of("dlo.if-match", Req.get(D + "/man").h("If-Match", etag)));
        s.add(Scenario.of("dlo.if-match-wrong", Req.get(D + "/man").h("If-Match", "\"nope\"")));
        s.add(Scenario.of("dlo.manifest-get", Req.get(D + "/man?multipart-manifest=get")));
        s.add(Scenario.of("dlo.manifest-head", Req.head(D + "/man?multipart-manifest=get")));
        s.add(Scenario.of("dlo.put-no-slash", Req.put(D + "/bad1").h("X-Object-Manifest", "noslash")));
        s.add(Scenario.of("dlo.put-empty-prefix", Req.put(D + "/bad2").h("X-Object-Manifest", "c/")));
        s.add(Scenario.of("dlo.put-slash-prefix", Req.put(D + "/bad3").h("X-Object-Manifest", "c//p")));
        s.add(Scenario.of("dlo.put-query", Req.put(D + "/bad4").h("X-Object-Manifest", "c/p?x=1")));
        s.add(Scenario.of(
                "dlo.empty",
                Req.put(D + "/empty").h("X-Object-Manifest", "dlo-segs/none/"),
                Req.get(D + "/empty"),
                Req.head(D + "/empty")));
        s.add(Scenario.of(
                "dlo.missing-container",
                Req.put(D + "/nocont").h("X-Object-Manifest", "nocontainer/x"),
                Req.get(D + "/nocont"),
                Req.head(D + "/nocont")));
        s.add(Scenario.of("dlo.copy", Req.copy(D + "/man", "dlo/copied"), Req.get(D + "/copied")));
        s.add(Scenario.of(
                "dlo.copy-manifest",
                Req.copy(D + "/man?multipart-manifest=get", "dlo/copied-man"),
                Req.head(D + "/copied-man"),
                Req.get(D + "/copied-man")));
        s.add(Scenario.of(
                "dlo.unicode",
                Req.put(DS + "/gr%C3%BC%C3%9Fe/1").body("x"),
                Req.put(DS + "/gr%C3%BC%C3%9Fe/2").body("yz"),
                Req.put(D + "/%E2%98%83").h("X-Object-Manifest", "dlo-segs/gr%C3%BC%C3%9Fe/"),
                Req.get(D + "/%E2%98%83"),
                Req.head(D + "/%E2%98%83")));
        s.add(Scenario.of("dlo.other-user-denied", Req.get(D + "/man").as(User.TESTER3)));
        s.add(Scenario.of(
                "dlo.post-manifest-header",
                Req.post(D + "/man")
                        .h("X-Object-Manifest", "dlo-segs/gr%C3%BC%C3%9Fe/")
                        .h("X-Object-Meta-A", "1"),
                Req.head(D + "/man"),
                Req.get(D + "/man")));
        return s;
    }

    private static String manifest() {
        return "[{\"path\": \"/slo-segs/s1\", \"etag\": \"" + md5(A) + "\", \"size_bytes\": 5},"
                + " {\"path\": \"slo-segs/s2\"}, {\"path\": \"/slo-segs/s3\", \"etag\": null}]";
    }

    private static List<Scenario> slo() {
        String etag = md5(md5(A) + md5(B) + md5(C));
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of(
                "slo.setup",
                Req.put(S),
                Req.put(SS),
                Req.put(SS + "/s1").body(A),
                Req.put(SS + "/s2").body(B),
                Req.put(SS + "/s3").body(C)));
        s.add(Scenario.of("slo.put", Req.put(S + "/man?multipart-manifest=put").body(manifest())));
        s.add(Scenario.of("slo.get", Req.get(S + "/man")));
        s.add(Scenario.of("slo.head", Req.head(S + "/man")));
        s.add(Scenario.of("slo.manifest-get", Req.get(S + "/man?multipart-manifest=get")));
        s.add(Scenario.of("slo.manifest-get-raw", Req.get(S + "/man?multipart-manifest=get&format=raw")));
        s.add(Scenario.of("slo.manifest-head", Req.head(S + "/man?multipart-manifest=get")));
        s.add(Scenario.of("slo.range", Req.get(S + "/man").h("Range", "bytes=3-8")));
        s.add(Scenario.of("slo.range-suffix", Req.get(S + "/man").h("Range", "bytes=-3")));
        s.add(Scenario.of("slo.range-multi", Req.get(S + "/man").h("Range", "bytes=0-1,7-9")));
        s.add(Scenario.of("slo.range-unsatisfiable", Req.get(S + "/man").h("Range", "bytes=100-200")));
        s.add(Scenario.of("slo.if-match", Req.get(S + "/man").h("If-Match", "\"" + etag + "\"")));
        s.add(Scenario.of("slo.if-match-wrong", Req.get(S + "/man").h("If-Match", "\"nope\"")));
        s.add(Scenario.of("slo.if-none-match", Req.get(S + "/man").h("If-None-Match", etag)));
        s.add(Scenario.of("slo.head-if-none-match", Req.head(S + "/man").h("If-None-Match", etag)));
        s.add(Scenario.of("slo.head-if-match-wrong", Req.head(S + "/man").h("If-Match", "nope")));
        s.add(Scenario.of(
                "slo.put-etag-match",
                Req.put(S + "/man2?multipart-manifest=put").h("Etag", etag).body(manifest()),
                Req.head(S + "/man2")));
        s.add(Scenario.of(
                "slo.put-etag-mismatch",
                Req.put(S + "/man3?multipart-manifest=put").h("Etag", "nope").body(manifest())));
        s.add(Scenario.of(
                "slo.ranged-segment",
                Req.put(S + "/ranged?multipart-manifest=put")
                        .body("[{\"path\": \"/slo-segs/s2\", \"range\": \"2-4\"}, {\"path\": \"/slo-segs/s1\","
                                + " \"range\": \"-2\"}, {\"path\": \"/slo-segs/s2\", \"range\": \"0-\"}]"),
                Req.get(S + "/ranged"),
                Req.get(S + "/ranged?multipart-manifest=get"),
                Req.get(S + "/ranged").h("Range", "bytes=2-6")));
        s.add(Scenario.of(
                "slo.data-segment",
                Req.put(S + "/data?multipart-manifest=put")
                        .body("[{\"data\": \"aGVsbG8=\"}, {\"path\": \"/slo-segs/s1\"}, {\"data\": \"IQ\"}]"),
                Req.put(S + "/data?multipart-manifest=put")
                        .body("[{\"data\": \"aGVsbG8=\"}, {\"path\": \"/slo-segs/s1\"}, {\"data\": \"IQ==\"}]"),
                Req.get(S + "/data"),
                Req.head(S + "/data"),
                Req.get(S + "/data?multipart-manifest=get&format=raw"),
                Req.get(S + "/data").h("Range", "bytes=3-7")));
        s.add(Scenario.of(
                "slo.nested",
                Req.put(S + "/outer?multipart-manifest=put")
                        .body("[{\"path\": \"/slo/man\"}, {\"path\": \"/slo-segs/s3\"}]"),
                Req.get(S + "/outer"),
                Req.head(S + "/outer"),
                Req.get(S + "/outer?multipart-manifest=get"),
                Req.get(S + "/outer").h("Range", "bytes=14-16")));
        s.add(Scenario.of(
                "slo.unicode",
                Req.put(SS + "/%E2%98%83").body("snow"),
                Req.put(S + "/gr%C3%BC%C3%9Fe?multipart-manifest=put")
                        .body("[{\"path\": \"/slo-segs/\\u2603\"}, {\"path\": \"/slo-segs/s1\"}]"),
                Req.get(S + "/gr%C3%BC%C3%9Fe"),
                Req.get(S + "/gr%C3%BC%C3%9Fe?multipart-manifest=get")));
        s.add(Scenario.of(
                "slo.reserved-header",
                Req.put(S + "/reserved").h("X-Static-Large-Object", "true").body("x"),
                Req.post(S + "/man").h("X-Static-Large-Object", "true")));
        s.add(Scenario.of("slo.listing", Req.get(S + "?format=json"), Req.get(S), Req.get(S + "?format=xml")));
        s.add(Scenario.of("slo.copy", Req.copy(S + "/man", "slo/copied"), Req.get(S + "/copied")));
        s.add(Scenario.of(
                "slo.copy-manifest",
                Req.copy(S + "/man?multipart-manifest=get", "slo/copied-man"),
                Req.head(S + "/copied-man"),
                Req.get(S + "/copied-man")));
        s.add(Scenario.of("slo.other-user-denied", Req.get(S + "/man").as(User.TESTER3)));
        s.add(nestedTooDeep());
        s.add(Scenario.of(
                "slo.missing-segment",
                Req.put(SS + "/gone").body(B),
                Req.put(S + "/broken?multipart-manifest=put")
                        .body("[{\"path\": \"/slo-segs/gone\"}, {\"path\": \"/slo-segs/s1\"}]"),
                Req.delete(SS + "/gone"),
                Req.get(S + "/broken"),
                Req.head(S + "/broken")));
        s.add(Scenario.of(
                "slo.delete",
                Req.delete(S + "/man2?multipart-manifest=delete"),
                Req.head(S + "/man2"),
                Req.head(SS + "/s1"),
                Req.delete(S + "/data?multipart-manifest=delete").h("Accept", "application/json"),
                Req.delete(S + "/missing?multipart-manifest=delete"),
                Req.delete(SS + "/s3?multipart-manifest=delete").h("Accept", "application/xml")));
        return s;
    }

    /** Eleven SLOs each holding the one before: reading the outermost goes deeper than Swift's 10 levels. */
    private static Scenario nestedTooDeep() {
        List<Req> steps = new ArrayList<>();
        steps.add(Req.put(S + "/deep0?multipart-manifest=put").body("[{\"path\": \"/slo-segs/s1\"}]"));
        for (int i = 1; i <= 10; i++) {
            steps.add(Req.put(S + "/deep" + i + "?multipart-manifest=put")
                    .body("[{\"path\": \"/slo/deep" + (i - 1) + "\"}]"));
        }
        steps.add(Req.get(S + "/deep9"));
        steps.add(Req.get(S + "/deep10"));
        steps.add(Req.head(S + "/deep10"));
        return Scenario.of("slo.nested-too-deep", steps.toArray(new Req[0]));
    }

    private static List<Scenario> sloErrors() {
        List<Scenario> s = new ArrayList<>();
        String put = S + "/bad?multipart-manifest=put";
        s.add(Scenario.of(
                "slo-errors.setup", Req.put(S), Req.put(SS), Req.put(SS + "/s1").body(A)));
        s.add(Scenario.of("slo-errors.not-json", Req.put(put).body("{nope")));
        s.add(Scenario.of("slo-errors.not-a-list", Req.put(put).body("{\"path\": \"/slo-segs/s1\"}")));
        s.add(Scenario.of(
                "slo-errors.index-errors",
                Req.put(put)
                        .body("[\"x\", {\"path\": \"/slo-segs/s1\", \"foo\": 1, \"bar\": 2}, {\"path\": 5},"
                                + " {\"path\": \"/slo-segs/s1\", \"etag\": 5}, {\"path\": \"nocontainer\"},"
                                + " {\"path\": \"/slo-segs/s1\", \"size_bytes\": \"x\"},"
                                + " {\"path\": \"/slo-segs/s1\", \"size_bytes\": 0},"
                                + " {\"path\": \"/slo/bad\"}, {\"path\": \"/slo-segs/s1\", \"range\": \"x\"},"
                                + " {\"path\": \"/slo-segs/s1\", \"range\": \"1-2,3-4\"},"
                                + " {\"path\": \"/slo-segs/s1\", \"range\": \"9-\", \"size_bytes\": 5},"
                                + " {\"data\": \"!!\"}, {\"data\": \"\"}, {\"data\": \"YQ==\", \"x\": 1},"
                                + " {\"path\": \"/slo-segs/s1\"}]")));
        s.add(Scenario.of(
                "slo-errors.neither-path-nor-data",
                Req.put(put).body("[{\"etag\": \"x\"}, {\"path\": \"/slo-segs/s1\"}]")));
        s.add(Scenario.of("slo-errors.only-data", Req.put(put).body("[{\"data\": \"YQ==\"}]")));
        // problems are listed in the order the segment HEADs answered (as Swift lists them): one path per
        // scenario with more than one problem line, so the order does not depend on timing
        s.add(Scenario.of(
                "slo-errors.segment-problems",
                Req.put(put)
                        .body("[{\"path\": \"/slo-segs/s1\", \"etag\": \"x\"},"
                                + " {\"path\": \"/slo-segs/s1\", \"size_bytes\": 7},"
                                + " {\"path\": \"/slo-segs/s1\", \"range\": \"10-20\"}]")));
        s.add(Scenario.of(
                "slo-errors.missing-segment",
                Req.put(put).body("[{\"path\": \"/slo-segs/nope\"}, {\"path\": \"/slo-segs/s1\"}]"),
                Req.put(put).body("[{\"path\": \"/slo-segs/s1\"}, {\"path\": \"/nocontainer/o\"}]")));
        s.add(Scenario.of(
                "slo-errors.segment-problems-json",
                Req.put(put)
                        .h("Accept", "application/json")
                        .body("[{\"path\": \"/slo-segs/s1\", \"etag\": \"x\"}, "
                                + "{\"path\": \"/slo-segs/s1\", \"size_bytes\": 1}]")));
        s.add(Scenario.of(
                "slo-errors.segment-problems-xml",
                Req.put(put).h("Accept", "application/xml").body("[{\"path\": \"/slo-segs/nope\"}]")));
        s.add(Scenario.of("slo-errors.empty-list", Req.put(put).body("[]"), Req.get(S + "/bad")));
        s.add(Scenario.of("slo-errors.no-length", Req.put(put).noLength()));
        s.add(Scenario.of(
                "slo-errors.too-big",
                Req.put(put).h("Content-Length", "8388609").noLength()));
        s.add(Scenario.of(
                "slo-errors.empty-last-segment",
                Req.put(SS + "/zero").body(""),
                Req.put(put).body("[{\"path\": \"/slo-segs/s1\"}, {\"path\": \"/slo-segs/zero\"}]"),
                Req.get(S + "/bad"),
                Req.put(put).body("[{\"path\": \"/slo-segs/zero\"}, {\"path\": \"/slo-segs/s1\"}]")));
        return s;
    }

    static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
