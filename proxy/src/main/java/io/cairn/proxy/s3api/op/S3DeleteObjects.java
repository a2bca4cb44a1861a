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
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * DeleteObjects ({@code POST ?delete}; s3api's {@code MultiObjectDeleteController.POST}): a bounded {@code
 * Delete} document (no DTD or entities; at most {@code max_multi_delete_objects} keys, else MalformedXML)
 * whose integrity is proved by {@code Content-MD5} or, as 2025 SDKs send instead, an {@code x-amz-checksum-*};
 * each key (or the {@code VersionId} given) deleted as DeleteObject does ({@link KeyDelete}), one after the other;
 * the answer lists what was deleted (unless {@code Quiet}; with AWS's {@code VersionId}, {@code DeleteMarker} and
 * {@code DeleteMarkerVersionId}) and each key's error.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3DeleteObjects extends S3BodyOperation {
    private final int maxObjects;
    private final Deque<Entry> keys = new ArrayDeque<>();
    private final XmlWriter result = xml().openRoot("DeleteResult");
    private boolean quiet;

    private final BiPredicate<String, @Nullable String> denied;

    /** @param denied whether the bucket policy denies deleting a key (and version): that key is AccessDenied */
    public S3DeleteObjects(
            Exchange ex, SwiftApp app, S3Request req, int maxObjects, BiPredicate<String, @Nullable String> denied) {
        super(ex, app, req, (int) Math.min(2L * maxObjects * 1024, 10L * 1024 * 1024));
        this.maxObjects = maxObjects;
        this.denied = denied;
    }

    /** One {@code Object} of the document: its key and {@code VersionId} (checked), if any. */
    private record Entry(String key, @Nullable String version) {}

    @Override
    protected void run() {
        if (!req.clientHeaders().contains("Content-MD5") && !body().hasChecksumHeader()) {
            throw new S3Exception(S3ErrorCode.InvalidRequest, "Missing required header for this request: Content-MD5");
        }
    }

    private static Entry entry(XmlNode o) {
        String key = o.childText("Key");
        if (key == null || key.isEmpty()) {
            throw new S3Exception(S3ErrorCode.UserKeyMustBeSpecified);
        }
        return new Entry(key, VersionIds.check("VersionId", o.childText("VersionId")));
    }

    @Override
    void apply(byte[] xml) {
        if (xml.length == 0) {
            throw new S3Exception(S3ErrorCode.MissingRequestBodyError);
        }
        XmlNode root = RequestBody.document(xml, "Delete", S3ErrorCode.MalformedXML);
        String q = root.childText("Quiet");
        quiet = q != null && q.strip().toLowerCase(Locale.ROOT).equals("true");
        for (XmlNode o : root.all("Object")) {
            keys.add(entry(o));
        }
        // s3api's schema (delete.rng) wants one or more Object elements: an empty Delete is MalformedXML
        if (keys.isEmpty() || keys.size() > maxObjects) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        call(HttpMethod.HEAD, path(req.bucketName(), null, ""), swiftHeaders(), null, r -> {
            int st = r.status().code();
            if (st == 401 || st == 403) {
                for (Entry k : keys) {
                    error(k, new S3Exception(S3ErrorCode.AccessDenied));
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

    private void error(Entry e, S3Exception error) {
        result.open("Error").element("Key", e.key());
        if (e.version() != null) {
            result.element("VersionId", e.version());
        }
        result.element("Code", error.code().code())
                .element("Message", String.valueOf(error.getMessage()))
                .close("Error");
    }

    private void next() {
        Entry e = keys.poll();
        if (e == null) {
            result.close("DeleteResult");
            respond(200, EmptyHttpHeaders.INSTANCE, result.toString());
            return;
        }
        if (denied.test(e.key(), e.version())) {
            error(e, new S3Exception(S3ErrorCode.AccessDenied));
            next();
            return;
        }
        KeyDelete.run(this, e.key(), e.version(), o -> {
            S3Exception error = o.error();
            if (error != null) {
                error(e, error);
            } else if (!quiet) {
                deleted(e, o);
            }
            next();
        });
    }

    /** {@code Deleted}: the key, the version asked for, and AWS's delete marker elements (s3api writes the key). */
    private void deleted(Entry e, KeyDelete.Outcome o) {
        result.open("Deleted").element("Key", e.key());
        if (e.version() != null) {
            result.element("VersionId", e.version());
        }
        if (o.deleteMarker()) {
            result.element("DeleteMarker", "true");
            String id = o.versionId();
            if (id != null) {
                result.element("DeleteMarkerVersionId", id);
            }
        }
        result.close("Deleted");
    }
}
