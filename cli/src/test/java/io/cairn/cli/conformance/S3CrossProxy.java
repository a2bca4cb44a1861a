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
 * ETags, and delete the multipart object with its parts in {@code <bucket>+segments}. Requests are SigV2-signed
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
            if (k.equals("uploads") || k.equals("uploadId") || k.equals("partNumber")) {
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
        return problems;
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
