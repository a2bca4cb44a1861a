package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.s3api.xml.XmlNode;
import io.cairn.proxy.s3api.xml.XmlWriter;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * DeleteObjects ({@code POST ?delete}; s3api's {@code MultiObjectDeleteController.POST}): a bounded {@code
 * Delete} document (no DTD or entities; at most {@code max_multi_delete_objects} keys, else MalformedXML)
 * whose integrity is proved by {@code Content-MD5} or, as 2025 SDKs send instead, an {@code x-amz-checksum-*};
 * each key deleted as DeleteObject does (a multipart object with its segments), one after the other; the
 * answer lists what was deleted (unless {@code Quiet}) and each key's error.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3DeleteObjects extends S3Operation {
    private final int maxObjects;
    private final RequestBody body;
    private final Deque<String> keys = new ArrayDeque<>();
    private final XmlWriter result = xml().openRoot("DeleteResult");
    private boolean quiet;

    public S3DeleteObjects(Exchange ex, SwiftApp app, S3Request req, int maxObjects) {
        super(ex, app, req);
        this.maxObjects = maxObjects;
        this.body = new RequestBody(req, (int) Math.min(2L * maxObjects * 1024, 10L * 1024 * 1024));
    }

    @Override
    protected void run() {
        if (!req.clientHeaders().contains("Content-MD5") && !body.hasChecksumHeader()) {
            throw new S3Exception(S3ErrorCode.InvalidRequest, "Missing required header for this request: Content-MD5");
        }
    }

    @Override
    public void content(HttpContent content) {
        if (isClosed()) {
            content.release();
            return;
        }
        guarded(() -> {
            byte[] b = body.feed(content);
            if (b != null) {
                start(b);
            }
        });
    }

    private static String objectKey(XmlNode o) {
        String key = o.childText("Key");
        if (key == null || key.isEmpty()) {
            throw new S3Exception(S3ErrorCode.UserKeyMustBeSpecified);
        }
        String version = o.childText("VersionId");
        if (version != null && !version.equals("null")) {
            throw new S3Exception(S3ErrorCode.S3NotImplemented);
        }
        return key;
    }

    private void start(byte[] xml) {
        if (xml.length == 0) {
            throw new S3Exception(S3ErrorCode.MissingRequestBodyError);
        }
        XmlNode root;
        try {
            root = XmlNode.parse(xml);
        } catch (XmlNode.Malformed e) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        if (!root.name().equals("Delete")) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        String q = root.childText("Quiet");
        quiet = q != null && q.strip().toLowerCase(Locale.ROOT).equals("true");
        for (XmlNode o : root.all("Object")) {
            keys.add(objectKey(o));
        }
        // s3api's schema (delete.rng) wants one or more Object elements: an empty Delete is MalformedXML
        if (keys.isEmpty() || keys.size() > maxObjects) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        call(HttpMethod.HEAD, path(req.bucketName(), null, ""), swiftHeaders(), null, r -> {
            int st = r.status().code();
            if (st == 401 || st == 403) {
                for (String k : keys) {
                    error(k, S3ErrorCode.AccessDenied);
                }
                keys.clear();
                next();
                return;
            }
            if (st / 100 != 2) {
                throw swiftError(r, "HEAD", S3ErrorResponses.Target.BUCKET, false);
            }
            next();
        });
    }

    private void error(String key, S3ErrorCode code) {
        result.open("Error")
                .element("Key", key)
                .element("Code", code.code())
                .element("Message", code.message())
                .close("Error");
    }

    private void next() {
        String key = keys.poll();
        if (key == null) {
            result.close("DeleteResult");
            respond(200, EmptyHttpHeaders.INSTANCE, result.toString());
            return;
        }
        call(HttpMethod.HEAD, path(req.bucketName(), key, "symlink=get"), swiftHeaders(), null, h -> {
            int st = h.status().code();
            if (st == 404) {
                deleted(key);
                return;
            }
            if (st / 100 != 2) {
                error(key, st == 403 || st == 401 ? S3ErrorCode.AccessDenied : S3ErrorCode.InternalError);
                next();
                return;
            }
            boolean slo = "true".equalsIgnoreCase(h.headers().get("X-Static-Large-Object"));
            call(
                    HttpMethod.DELETE,
                    path(req.bucketName(), key, slo ? "multipart-manifest=delete" : ""),
                    swiftHeaders(),
                    null,
                    d -> {
                        int ds = d.status().code();
                        if (ds / 100 == 2 || ds == 404) {
                            deleted(key);
                        } else {
                            error(key, ds == 403 || ds == 401 ? S3ErrorCode.AccessDenied : S3ErrorCode.InternalError);
                            next();
                        }
                    });
        });
    }

    private void deleted(String key) {
        if (!quiet) {
            result.open("Deleted").element("Key", key).close("Deleted");
        }
        next();
    }
}
