package io.cairn.cli.conformance;

import io.cairn.cli.RawHttp;
import io.cairn.common.http.HttpDates;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Objects written through one proxy's S3 API and read through the other's over the same storage (issue 17: what
 * Cairn's s3api writes, Swift 2.30.1's s3api reads, and the other way round): a plain object with user metadata
 * and a content type, and a two-part multipart upload completed into an SLO; the reader must serve the same
 * bytes, metadata and S3 ETags (the multipart one from {@code X-Object-Sysmeta-S3Api-Etag}), list both with those
 * ETags, and delete the multipart object with its parts in {@code <bucket>+segments}; and a versioned key's
 * versions and delete marker (object versioning's layout) as either's S3 API shows them. Requests are SigV2-signed
 * as {@code test:tester} (Swift 2.30.1's s3api takes no aws-chunked bodies, so plain bodies only).
 *
 * <p>Thread-safety: stateless.
 */
final class S3CrossProxy {
    private static final String BUCKET = "/xs3";
    private static final String PLAIN = BUCKET + "/dir/%E2%98%83%20plain";
    private static final String MULTI = BUCKET + "/multi";
    private static final Pattern UPLOAD_ID = Pattern.compile("<UploadId>([^<]+)</UploadId>");
    private static final Pattern ETAG = Pattern.compile("<ETag>([^<]+)</ETag>");
    private static final String VERSIONED = "/xs3v";
    /** ASCII: Swift 2.30.1's _restore_on_delete lists a non-ASCII key's versions under a mangled prefix. */
    private static final String VERSIONED_KEY = VERSIONED + "/a%20v";
    /** The sub-resources SigV2 signs (the caller writes them in sorted order). */
    private static final java.util.Set<String> SUBRESOURCES =
            java.util.Set.of("partNumber", "tagging", "uploadId", "uploads", "versionId", "versioning", "versions");

    private S3CrossProxy() {}

    /** A SigV2-signed S3 request of {@code test:tester} (the resource is the request's path, as sent). */
    static Req signed(String method, String target, Map<String, String> amzAndType, byte @Nullable [] body) {
        String date = HttpDates.format(System.currentTimeMillis() / 1000);
        int q = target.indexOf('?');
        String resource = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        String sub = "";
        for (String p : query.split("&")) {
            String k = p.contains("=") ? p.substring(0, p.indexOf('=')) : p;
            if (SUBRESOURCES.contains(k)) {
                sub += (sub.isEmpty() ? "?" : "&") + p;
            }
        }
        String type = amzAndType.getOrDefault("Content-Type", "");
        StringBuilder sts = new StringBuilder(method)
                .append("\n\n")
                .append(type)
                .append('\n')
                .append(date)
                .append('\n');
        Map<String, String> amz = new TreeMap<>();
        amzAndType.forEach((k, v) -> {
            if (k.toLowerCase(Locale.ROOT).startsWith("x-amz-")) {
                amz.put(k.toLowerCase(Locale.ROOT), v);
            }
        });
        amz.forEach((k, v) -> sts.append(k).append(':').append(v).append('\n'));
        sts.append(resource).append(sub);
        Req r = Req.of(method, target)
                .as(User.ANON)
                .h("Date", date)
                .h("Authorization", "AWS test:tester:" + sign(sts.toString()));
        amzAndType.forEach(r::h);
        if (body != null) {
            r.body(body);
        }
        return r;
    }

    private static String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec("testing".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What differs when {@code reader} reads through S3 what {@code writer} wrote through S3; empty when nothing. */
    static List<String> check(Target writer, Target reader) {
        List<String> problems = new ArrayList<>();
        String who = writer.shape() + " → " + reader.shape() + ": ";
        expect(problems, who + "PUT bucket", writer.send(signed("PUT", BUCKET, Map.of(), null)), 200);
        expect(
                problems,
                who + "PUT plain",
                writer.send(signed(
                        "PUT",
                        PLAIN,
                        Map.of("Content-Type", "text/x-plain", "x-amz-meta-color", "red"),
                        "plain body".getBytes(StandardCharsets.UTF_8))),
                200);
        String multiEtag = multipart(writer, problems, who);
        readBack(reader, multiEtag, problems, who);
        expect(problems, who + "DELETE multipart", reader.send(signed("DELETE", MULTI, Map.of(), null)), 204);
        RawHttp.Response segs =
                reader.send(Req.get("/v1/AUTH_test/xs3+segments?format=json")).response();
        if (segs != null && segs.status() == 200 && segs.body().contains("multi/")) {
            problems.add(who + "segments left after DELETE: " + segs.body());
        }
        versions(writer, reader, problems, who);
        return problems;
    }

    /**
     * Versioning: the writer enables it, writes two versions of a key and deletes it (a delete marker); the reader
     * sees the bucket's status, lists both versions and the marker, reads the old version by id, gets NoSuchKey
     * for the key, and deletes the marker by id, which brings the newer version back; the writer reads it.
     */
    private static void versions(Target writer, Target reader, List<String> problems, String who) {
        expect(problems, who + "PUT versioned bucket", writer.send(signed("PUT", VERSIONED, Map.of(), null)), 200);
        byte[] enable = "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>"
                .getBytes(StandardCharsets.UTF_8);
        expect(
                problems,
                who + "PUT ?versioning",
                writer.send(signed("PUT", VERSIONED + "?versioning", Map.of(), enable)),
                200);
        String v1 = versionOf(writer.send(signed("PUT", VERSIONED_KEY, Map.of(), bytes("one"))), problems, who);
        String v2 = versionOf(writer.send(signed("PUT", VERSIONED_KEY, Map.of(), bytes("two"))), problems, who);
        RawHttp.Response deleted =
                writer.send(signed("DELETE", VERSIONED_KEY, Map.of(), null)).response();
        String marker = deleted == null ? null : header(deleted, "x-amz-version-id");
        if (deleted == null
                || deleted.status() != 204
                || !"true".equals(header(deleted, "x-amz-delete-marker"))
                || marker == null) {
            problems.add(who + "DELETE versioned key: " + describe(deleted));
            return;
        }
        readVersions(reader, v1, v2, marker, problems, who);
        expect(
                problems,
                who + "DELETE the marker",
                // Content-Length: 0, or Swift's _restore_on_delete waits for a body (its PUT ?version-id reads one)
                reader.send(
                        signed("DELETE", VERSIONED_KEY + "?versionId=" + marker, Map.of("Content-Length", "0"), null)),
                204);
        RawHttp.Response back =
                writer.send(signed("GET", VERSIONED_KEY, Map.of(), null)).response();
        if (back == null || back.status() != 200 || !back.body().equals("two")) {
            problems.add(who + "GET after the marker's DELETE: " + describe(back));
        }
    }

    /** The reader's view of the versioned key: status, listing, the old version, NoSuchKey for the key. */
    private static void readVersions(
            Target reader, String v1, String v2, String marker, List<String> problems, String who) {
        RawHttp.Response status = reader.send(signed("GET", VERSIONED + "?versioning", Map.of(), null))
                .response();
        if (status == null || !status.body().contains("<Status>Enabled</Status>")) {
            problems.add(who + "GET ?versioning: " + describe(status));
        }
        RawHttp.Response list = reader.send(signed("GET", VERSIONED + "?versions", Map.of(), null))
                .response();
        String listing = list == null ? "" : list.body();
        if (!listing.contains("<DeleteMarker><Key>")
                || !listing.contains("<VersionId>" + marker + "</VersionId><IsLatest>true</IsLatest>")
                || !listing.contains("<VersionId>" + v2 + "</VersionId><IsLatest>false</IsLatest>")
                || !listing.contains("<VersionId>" + v1 + "</VersionId><IsLatest>false</IsLatest>")) {
            problems.add(who + "ListObjectVersions (" + v1 + ", " + v2 + ", marker " + marker + "): " + describe(list));
        }
        RawHttp.Response old = reader.send(signed("GET", VERSIONED_KEY + "?versionId=" + v1, Map.of(), null))
                .response();
        if (old == null || old.status() != 200 || !old.body().equals("one")) {
            problems.add(who + "GET ?versionId=" + v1 + ": " + describe(old));
        }
        RawHttp.Response gone =
                reader.send(signed("GET", VERSIONED_KEY, Map.of(), null)).response();
        if (gone == null || gone.status() != 404 || !gone.body().contains("<Code>NoSuchKey</Code>")) {
            problems.add(who + "GET deleted key: " + describe(gone));
        }
    }

    private static String versionOf(Outcome o, List<String> problems, String who) {
        RawHttp.Response r = o.response();
        String v = r == null ? null : header(r, "x-amz-version-id");
        if (r == null || r.status() != 200 || v == null || v.equals("null")) {
            problems.add(who + "versioned PUT: " + describe(r));
            return "?";
        }
        return v;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void readBack(Target reader, String multiEtag, List<String> problems, String who) {
        RawHttp.Response plain =
                reader.send(signed("GET", PLAIN, Map.of(), null)).response();
        if (plain == null
                || plain.status() != 200
                || !plain.body().equals("plain body")
                || !"red".equals(header(plain, "x-amz-meta-color"))
                || !"text/x-plain".equals(header(plain, "Content-Type"))) {
            problems.add(who + "GET plain: " + describe(plain));
        }
        RawHttp.Response multi =
                reader.send(signed("GET", MULTI, Map.of(), null)).response();
        if (multi == null
                || multi.status() != 200
                || multi.body().length() != 5 * 1024 * 1024 + 4
                || !multi.body().endsWith("tail")
                || !String.valueOf(header(multi, "ETag")).equals(multiEtag)) {
            problems.add(who + "GET multipart (want ETag " + multiEtag + "): " + describe(multi));
        }
        RawHttp.Response list = reader.send(signed("GET", BUCKET + "?list-type=2", Map.of(), null))
                .response();
        String listing = list == null ? "" : list.body();
        if (!listing.contains(" plain</Key>")
                || !listing.contains("<Key>multi</Key>")
                || !listing.contains(multiEtag)) {
            problems.add(who + "ListObjectsV2: " + describe(list));
        }
    }

    private static String multipart(Target writer, List<String> problems, String who) {
        RawHttp.Response init = writer.send(
                        signed("POST", MULTI + "?uploads", Map.of("Content-Type", "text/x-mp"), new byte[0]))
                .response();
        Matcher id = UPLOAD_ID.matcher(init == null ? "" : init.body());
        if (!id.find()) {
            problems.add(who + "POST ?uploads: " + describe(init));
            return "";
        }
        String upload = id.group(1);
        byte[] first = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(first, (byte) 'p');
        String e1 = partEtag(writer.send(signed("PUT", MULTI + "?partNumber=1&uploadId=" + upload, Map.of(), first)));
        String e2 = partEtag(writer.send(signed(
                "PUT", MULTI + "?partNumber=2&uploadId=" + upload, Map.of(), "tail".getBytes(StandardCharsets.UTF_8))));
        String xml = "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>" + e1
                + "</ETag></Part><Part><PartNumber>2</PartNumber><ETag>" + e2
                + "</ETag></Part></CompleteMultipartUpload>";
        RawHttp.Response done = writer.send(
                        signed("POST", MULTI + "?uploadId=" + upload, Map.of(), xml.getBytes(StandardCharsets.UTF_8)))
                .response();
        Matcher etag = ETAG.matcher(done == null ? "" : done.body());
        if (done == null || done.status() != 200 || !etag.find()) {
            problems.add(who + "complete: " + describe(done));
            return "";
        }
        return etag.group(1).replace("&quot;", "\"");
    }

    private static String partEtag(Outcome o) {
        RawHttp.Response r = o.response();
        return r == null ? "" : String.valueOf(header(r, "ETag"));
    }

    private static @Nullable String header(RawHttp.Response r, String name) {
        for (Map.Entry<String, String> h : r.headers()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    private static void expect(List<String> problems, String what, Outcome o, int status) {
        RawHttp.Response r = o.response();
        if (r == null || r.status() != status) {
            problems.add(what + ": " + describe(r));
        }
    }

    private static String describe(RawHttp.@Nullable Response r) {
        if (r == null) {
            return "no answer";
        }
        String body = r.body();
        return r.status() + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
    }
}
