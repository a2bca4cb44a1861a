package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.s3api.xml.XmlWriter;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;

/**
 * CopyObject ({@code PUT} with {@code x-amz-copy-source}; s3api's {@code check_copy_source} and {@code
 * to_swift_req}): a HEAD of the source with the {@code x-amz-copy-source-if-*} conditionals (304/412 →
 * PreconditionFailed), the refusal to copy an object onto itself without changing anything, then Swift's
 * server-side copy ({@code X-Copy-From}); {@code x-amz-metadata-directive: REPLACE} is {@code X-Fresh-Metadata}
 * with the request's metadata, {@code COPY} keeps the source's. {@code ?versionId=} in the source reads that
 * version (and allows copying a key onto itself); {@code x-amz-tagging-directive: COPY} (the default) gives the
 * copy the source's tags, {@code REPLACE} those of {@code x-amz-tagging}. Answers {@code CopyObjectResult}, with
 * {@code x-amz-version-id} and {@code x-amz-copy-source-version-id} where versioning gives them.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3CopyObject extends S3Operation {
    /** SSE-C: the copy's key and the source's ({@code x-amz-copy-source-server-side-encryption-customer-*}). */
    private @Nullable SseC sse;

    private @Nullable SseC sourceSse;

    public S3CopyObject(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req);
    }

    @Override
    protected void run() {
        if (req.clientHeaders().contains("x-amz-copy-source-range")) {
            throw S3Exception.invalidArgument(
                    "x-amz-copy-source-range",
                    req.clientHeaders().get("x-amz-copy-source-range"),
                    "Illegal copy header");
        }
        ObjectWriteHeaders.validate(req);
        sse = SseC.fromHeaders(req.clientHeaders(), SseC.CUSTOMER);
        sourceSse = SseC.fromHeaders(req.clientHeaders(), SseC.COPY_SOURCE);
        CopySource src = CopySource.parse(req);
        String directive = req.clientHeaders().get("x-amz-metadata-directive", "COPY");
        String tagDirective = req.clientHeaders().get("x-amz-tagging-directive", "COPY");
        if (!tagDirective.equals("COPY") && !tagDirective.equals("REPLACE")) {
            throw S3Exception.invalidArgument("x-amz-tagging-directive", tagDirective, "Unknown tagging directive.");
        }
        Tagging replaced = Tagging.fromHeader(req.clientHeaders().get("x-amz-tagging"), Tagging.MAX_OBJECT_TAGS);
        if (src.bucket().equals(req.bucketName())
                && src.key().equals(req.keyName())
                && directive.equals("COPY")
                && src.version() == null) {
            throw new S3Exception(
                    S3ErrorCode.InvalidRequest,
                    "This copy request is illegal because it is trying to copy an object to itself without changing"
                            + " the object's metadata, storage class, website redirect location or encryption"
                            + " attributes.");
        }
        containerInfo(info -> {
            HttpHeaders lock = new DefaultHttpHeaders();
            ObjectLock.forWrite(
                    req.clientHeaders(),
                    ObjectLock.Config.ofBucket(info.sysmeta()),
                    java.time.Instant.now(ex.services().clock()),
                    lock);
            headSource(src, directive, tagDirective, replaced, lock);
        });
    }

    private void headSource(CopySource src, String directive, String tagDirective, Tagging replaced, HttpHeaders lock) {
        HttpHeaders head = swiftHeaders();
        CopySource.conditionals(req, head);
        call(HttpMethod.HEAD, path(src.bucket(), src.key(), src.query()), head, null, r -> {
            int st = r.status().code();
            if (st / 100 != 2) {
                throw src.headError(st);
            }
            HttpHeaders h = swiftHeaders();
            sseCopy(r.headers(), h);
            Tagging tags =
                    tagDirective.equals("COPY") ? Tagging.fromStored(r.headers().get(Tagging.OBJECT)) : replaced;
            // set either way: a COPY of the metadata would otherwise carry the source's tags over
            h.set(Tagging.OBJECT, tags.stored());
            // the copy's lock is its own (the headers, or the bucket's default), never the source's
            for (String k : new String[] {ObjectLock.MODE, ObjectLock.RETAIN_UNTIL, ObjectLock.LEGAL_HOLD}) {
                h.set(k, lock.get(k, ""));
            }
            copy(src, directive, h, r.headers().get("X-Object-Version-Id"));
        });
    }

    /**
     * SSE-C: the source's key checked as a read checks it; an encrypted object is copied as it is stored (its
     * salt, IV and key check with it) when the copy is to be encrypted with the same key; other changes of
     * encryption would need the bytes decrypted and encrypted again, which Cairn does not do (NotImplemented).
     */
    private void sseCopy(HttpHeaders source, HttpHeaders h) {
        SseC.checkRead(sourceSse, source);
        SseC from = sourceSse;
        SseC to = sse;
        if (from == null && to == null) {
            return;
        }
        if (from == null
                || to == null
                || !from.keyMd5().equals(to.keyMd5())
                || "true".equalsIgnoreCase(source.get("X-Static-Large-Object"))) {
            throw new S3Exception(
                    S3ErrorCode.S3NotImplemented,
                    "Cairn copies an SSE-C object only to a copy under the same key, and a multipart one not at all.");
        }
        for (String k : new String[] {
            SseC.SYSMETA_ALGORITHM, SseC.SYSMETA_KEY_MD5, SseC.SYSMETA_KEY_CHECK, SseC.SYSMETA_SALT, SseC.SYSMETA_IV
        }) {
            h.set(k, source.get(k, ""));
        }
    }

    private void copy(CopySource src, String directive, HttpHeaders h, @Nullable String sourceVersion) {
        h.set("X-Copy-From", src.copyFrom());
        h.set("Content-Length", "0");
        if (directive.equals("REPLACE")) {
            h.set("X-Fresh-Metadata", "True");
            ObjectWriteHeaders.metadataAndContent(req, h);
        }
        String timestamp = ex.timestamp().normal();
        // as s3api: the source's version-id rides on the PUT's query; copy reads the source with it
        call(HttpMethod.PUT, path(req.bucketName(), req.keyName(), src.query()), h, null, r -> {
            int st = r.status().code();
            if (st != 201 && st != 202) {
                throw swiftError(r, "PUT", S3ErrorResponses.Target.OBJECT, true);
            }
            String etag = r.headers().get("ETag", "");
            XmlWriter x = xml().openRoot("CopyObjectResult")
                    .element("LastModified", Listings.s3TimeOfEpoch(timestamp))
                    .element("ETag", ResponseHeaders.quote(ResponseHeaders.unquote(etag)))
                    .close("CopyObjectResult");
            HttpHeaders out = new DefaultHttpHeaders();
            String version = r.headers().get("X-Object-Version-Id");
            if (version != null) {
                out.set("x-amz-version-id", version);
            }
            if (sourceVersion != null) {
                out.set("x-amz-copy-source-version-id", sourceVersion);
            }
            SseC key = sse;
            if (key != null) {
                key.echo(out);
            }
            respond(200, out, x.toString());
        });
    }
}
