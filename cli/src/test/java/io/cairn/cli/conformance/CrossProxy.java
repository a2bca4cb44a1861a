package io.cairn.cli.conformance;

import io.cairn.cli.RawHttp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Large objects, symlinks and versions written through one proxy and read through the other over the same storage
 * (issue 15: a manifest written through a Cairn proxy is served by a Swift 2.30.1 proxy, and the other way round):
 * the SLO, its {@code multipart-manifest=get}, the DLO and an SLO delete with its segments (3 and the manifest);
 * a dynamic and a static symlink to a unicode name, and {@code ?symlink=get}; a versioned object's current and
 * older version by {@code ?version-id=}, its {@code ?versions} listing, and a delete marker — each must come out
 * the same through either proxy.
 *
 * <p>Thread-safety: stateless.
 */
final class CrossProxy {
    private static final String C = "/v1/AUTH_test/xp";
    private static final String SEGS = "/v1/AUTH_test/xp-segs";
    private static final String V = "/v1/AUTH_test/xp-ver";

    private CrossProxy() {}

    /** What differs when {@code reader} reads what {@code writer} wrote; empty when nothing does. */
    static List<String> check(Target writer, Target reader) {
        List<String> problems = new ArrayList<>();
        String body = "hello, large world";
        for (Req r : List.of(
                Req.put(C),
                Req.put(SEGS),
                Req.put(SEGS + "/%E2%98%83/1").body("hello, "),
                Req.put(SEGS + "/%E2%98%83/2").body("large "),
                Req.put(SEGS + "/%E2%98%83/3").body("world"),
                Req.put(C + "/slo?multipart-manifest=put")
                        .body("[{\"path\": \"/xp-segs/\\u2603/1\"}, {\"path\": \"/xp-segs/\\u2603/2\","
                                + " \"range\": \"0-5\"}, {\"data\": \"d29y\"}, {\"path\": \"/xp-segs/\\u2603/3\","
                                + " \"range\": \"3-\"}]"),
                Req.put(C + "/dlo").h("X-Object-Manifest", "xp-segs/%E2%98%83/"))) {
            Outcome o = writer.send(r);
            if (o.status() / 100 != 2) {
                problems.add(writer.shape() + " " + r.method() + " " + r.target() + ": " + o.status());
            }
        }
        for (String path : List.of(
                C + "/slo",
                C + "/dlo",
                C + "/slo?multipart-manifest=get",
                C + "/slo?multipart-manifest=get&format=raw")) {
            compare(problems, writer, reader, Req.get(path));
            compare(problems, writer, reader, Req.get(path).h("Range", "bytes=5-12"));
        }
        RawHttp.Response slo = reader.send(Req.get(C + "/slo")).response();
        if (slo == null || !slo.body().equals(body)) {
            problems.add(reader.shape() + " GET slo: " + (slo == null ? "no answer" : slo.body()));
        }
        RawHttp.Response deleted =
                reader.send(Req.delete(C + "/slo?multipart-manifest=delete")).response();
        if (deleted == null || !deleted.body().contains("Number Deleted: 4")) {
            problems.add(
                    reader.shape() + " multipart-manifest=delete: " + (deleted == null ? "no answer" : deleted.body()));
        }
        int after = writer.send(Req.head(SEGS + "/%E2%98%83/1")).status();
        if (after != 404) {
            problems.add(writer.shape() + " HEAD of a deleted segment: " + after);
        }
        symlinks(problems, writer, reader);
        versions(problems, writer, reader);
        return problems;
    }

    private static void symlinks(List<String> problems, Target writer, Target reader) {
        write(
                problems,
                writer,
                List.of(
                        Req.put(C + "/target%20%E2%98%83").body("linked"),
                        Req.put(C + "/dyn").h("X-Symlink-Target", "xp/target%20%E2%98%83"),
                        Req.put(C + "/static")
                                .h("X-Symlink-Target", "xp/target%20%E2%98%83")
                                .h("X-Symlink-Target-Etag", LargeObjectScenarios.md5("linked"))));
        for (String path : List.of(C + "/dyn", C + "/static", C + "/dyn?symlink=get", C + "/static?symlink=get")) {
            compare(problems, writer, reader, Req.get(path));
            compare(problems, writer, reader, Req.head(path));
        }
        compare(problems, writer, reader, Req.get(C + "?format=json&prefix=dyn"));
    }

    private static void versions(List<String> problems, Target writer, Target reader) {
        write(
                problems,
                writer,
                List.of(
                        Req.put(V).h("X-Versions-Enabled", "true"),
                        Req.put(V + "/%C3%B6").body("one"),
                        Req.put(V + "/%C3%B6").body("two")));
        compare(problems, writer, reader, Req.get(V + "/%C3%B6"));
        compare(problems, writer, reader, Req.get(V + "?versions&format=json"));
        RawHttp.Response listing =
                reader.send(Req.get(V + "?versions&format=json")).response();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"version_id\": \"([^\"]+)\"")
                .matcher(listing == null ? "" : listing.body());
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.size() != 2) {
            problems.add(reader.shape() + " ?versions of " + writer.shape() + "'s writes: " + ids);
            return;
        }
        // newest first: the older version is the second
        compare(problems, writer, reader, Req.get(V + "/%C3%B6?version-id=" + ids.get(1)));
        RawHttp.Response old =
                reader.send(Req.get(V + "/%C3%B6?version-id=" + ids.get(1))).response();
        if (old == null || !old.body().equals("one")) {
            problems.add(reader.shape() + " older version: " + (old == null ? "no answer" : old.body()));
        }
        write(problems, reader, List.of(Req.delete(V + "/%C3%B6")));
        compare(problems, reader, writer, Req.get(V + "/%C3%B6"));
        compare(problems, reader, writer, Req.get(V + "?versions&format=json"));
    }

    private static void write(List<String> problems, Target target, List<Req> requests) {
        for (Req r : requests) {
            Outcome o = target.send(r);
            if (o.status() / 100 != 2) {
                problems.add(target.shape() + " " + r.method() + " " + r.target() + ": " + o.status());
            }
        }
    }

    private static void compare(List<String> problems, Target writer, Target reader, Req req) {
        RawHttp.Response w = writer.send(req).response();
        RawHttp.Response r = reader.send(req).response();
        if (w == null || r == null) {
            problems.add(req.target() + ": no answer");
            return;
        }
        for (String h : List.of(
                "Content-Length",
                "Etag",
                "Content-Range",
                "X-Static-Large-Object",
                "X-Object-Manifest",
                "Content-Location",
                "X-Symlink-Target",
                "X-Symlink-Target-Etag",
                "X-Object-Version-Id")) {
            if (!Objects.equals(w.header(h), r.header(h))) {
                problems.add(req.target() + " " + h + ": " + writer.shape() + " " + w.header(h) + ", " + reader.shape()
                        + " " + r.header(h));
            }
        }
        if (w.status() != r.status() || !Arrays.equals(w.bodyBytes(), r.bodyBytes())) {
            problems.add(req.target() + ": " + writer.shape() + " " + w.status() + " " + w.body() + ", "
                    + reader.shape() + " " + r.status() + " " + r.body());
        }
    }
}
