package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Swift headers of an object write from an S3 request (s3api's {@code _validate_headers} and {@code
 * to_swift_req}): {@code x-amz-meta-*} as {@code X-Object-Meta-*} ({@code _} kept as is: Swift's {@code =5F} is no HTTP token character, which Cairn's codecs refuse; names with
 * characters AWS ignores dropped), the content headers, {@code Content-MD5} as the hex {@code ETag} Swift
 * checks, and the refusals s3api makes (conditional PUTs, storage classes, SSE, website redirects).
 *
 * <p>Stateless.
 */
final class ObjectWriteHeaders {
    private static final Pattern BASE64 = Pattern.compile("^[A-Za-z0-9+/]+={0,2}$");
    private static final String IGNORED_META_CHARS = " \"),/;<=>?@[\\]{}";

    private ObjectWriteHeaders() {}

    /** Refusals s3api makes before anything is written. */
    static void validate(S3Request req) {
        HttpHeaders h = req.clientHeaders();
        String storageClass = h.get("x-amz-storage-class");
        if (storageClass != null && !storageClass.equals("STANDARD")) {
            throw new S3Exception(S3ErrorCode.InvalidStorageClass);
        }
        if (h.contains("x-amz-mfa")) {
            throw new S3Exception(S3ErrorCode.S3NotImplemented, "MFA Delete is not supported.");
        }
        String sse = h.get("x-amz-server-side-encryption");
        if (sse != null) {
            if (!sse.equals("aws:kms") && !sse.equals("AES256")) {
                throw S3Exception.invalidArgument(
                        "x-amz-server-side-encryption", sse, "The encryption method specified is not supported");
            }
            throw new S3Exception(S3ErrorCode.S3NotImplemented, "Server-side encryption is not supported.");
        }
        if (h.contains("x-amz-website-redirect-location")) {
            throw new S3Exception(S3ErrorCode.S3NotImplemented, "Website redirection is not supported.");
        }
        String md = h.get("x-amz-metadata-directive");
        if (md != null && !md.equals("COPY") && !md.equals("REPLACE")) {
            throw S3Exception.invalidArgument("x-amz-metadata-directive", md, "Unknown metadata directive.");
        }
    }

    /** {@code Content-MD5} as the hex ETag Swift checks the body against. */
    static void contentMd5(S3Request req, HttpHeaders out) {
        byte[] raw = contentMd5(req);
        if (raw != null) {
            out.set("ETag", HexFormat.of().formatHex(raw));
        }
    }

    /** The 16 bytes of {@code Content-MD5}, null without one; InvalidDigest for a malformed one. */
    static byte @Nullable [] contentMd5(S3Request req) {
        String md5 = req.clientHeaders().get("Content-MD5");
        if (md5 == null) {
            return null;
        }
        String v = md5.strip();
        byte[] raw;
        try {
            if (!BASE64.matcher(v).matches()) {
                throw new IllegalArgumentException("not base64");
            }
            raw = Base64.getDecoder().decode(v);
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3ErrorCode.InvalidDigest).with("ContentMD5", md5);
        }
        if (raw.length != 16) {
            throw new S3Exception(S3ErrorCode.InvalidDigest).with("ContentMD5", md5);
        }
        return raw;
    }

    /** User metadata and content headers. */
    static void metadataAndContent(S3Request req, HttpHeaders out) {
        HttpHeaders h = req.clientHeaders();
        for (Map.Entry<String, String> e : h) {
            String k = e.getKey();
            String lower = k.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("x-amz-meta-") || hasIgnoredChar(k)) {
                continue;
            }
            // Swift writes `_` as `=5F`, which is no HTTP token character: Cairn's codecs refuse it, so `_` stays
            String name = "X-Object-Meta-" + lower.substring(11);
            String existing = out.get(name);
            out.set(name, existing == null ? e.getValue() : existing + "," + e.getValue());
        }
        for (String k : new String[] {
            "Content-Type",
            "Content-Disposition",
            "Content-Language",
            "Cache-Control",
            "Expires",
            "X-Robots-Tag",
            "X-Delete-At",
            "X-Delete-After"
        }) {
            String v = h.get(k);
            if (v != null) {
                out.set(k, v);
            }
        }
        String ce = h.get("Content-Encoding");
        if (ce != null) {
            StringBuilder kept = new StringBuilder();
            for (String part : ce.split(",")) {
                String p = part.strip();
                if (!p.isEmpty() && !p.equalsIgnoreCase("aws-chunked")) {
                    kept.append(kept.length() == 0 ? "" : ", ").append(p);
                }
            }
            if (kept.length() > 0) {
                out.set("Content-Encoding", kept.toString());
            }
        }
        if (!out.contains("Content-Type") || out.get("Content-Type").isEmpty()) {
            out.set("Content-Type", "binary/octet-stream");
        }
    }

    /** The headers an object POST replaces and so must repeat to keep (Swift's object server keeps the rest). */
    private static final java.util.Set<String> REPLACED_BY_POST = java.util.Set.of(
            "content-disposition",
            "content-encoding",
            "content-language",
            "cache-control",
            "expires",
            "x-robots-tag",
            "x-delete-at",
            "x-delete-after",
            "x-object-manifest");

    /**
     * Copies from {@code from} (an object's HEAD, or the headers of its PUT) what a POST to it must repeat so
     * that only what the caller changes changes: user metadata, transient sysmeta and the content and expiry
     * headers (a POST replaces all of them).
     */
    static void carryOnPost(HttpHeaders from, HttpHeaders to) {
        for (Map.Entry<String, String> e : from) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (k.startsWith("x-object-meta-")
                    || k.startsWith("x-object-transient-sysmeta-")
                    || REPLACED_BY_POST.contains(k)) {
                to.add(e.getKey(), e.getValue());
            }
        }
    }

    private static boolean hasIgnoredChar(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (IGNORED_META_CHARS.indexOf(name.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
