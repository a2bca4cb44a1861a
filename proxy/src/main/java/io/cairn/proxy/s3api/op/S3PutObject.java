package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.checksum.ChecksumAlgorithm;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * PutObject (s3api's {@code ObjectController.PUT} without a copy source): one Swift object PUT whose body is
 * the client's, decoded and checked as it streams ({@link BodyUpload}); {@code x-amz-meta-*} become user
 * metadata, {@code Content-MD5} the ETag Swift verifies, a header checksum is stored in sysmeta with the object
 * and a trailer checksum (known only at the end) in transient sysmeta by a POST afterwards, {@code x-amz-tagging}
 * as the object's tags ({@link Tagging}). Answers 200 with the quoted ETag (and, in a versioned bucket, the new
 * version's {@code x-amz-version-id}). {@link S3UploadPart} is the same with another target, after a check of the upload.
 *
 * <p>Confined to the exchange's event loop.
 */
public class S3PutObject extends S3Operation {
    private final ArrayDeque<HttpContent> early = new ArrayDeque<>();
    private final HttpHeaders written = new DefaultHttpHeaders();
    private @Nullable BodyUpload upload;
    private boolean failed;
    /** The tags of {@code x-amz-tagging} (checked before anything is read). */
    private Tagging tags = Tagging.EMPTY;

    private LifecycleConfiguration.@Nullable Expiry expiry;
    /** The object lock sysmeta of the headers and the bucket's default retention ({@link ObjectLock}). */
    private final HttpHeaders lockHeaders = new DefaultHttpHeaders();
    /** SSE-C: the key of the request's {@code x-amz-server-side-encryption-customer-*} headers, if any. */
    protected @Nullable SseC sse;

    public S3PutObject(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req);
    }

    @Override
    protected void run() {
        HttpHeaders c = req.clientHeaders();
        if (c.contains("If-Match")
                || c.contains("If-None-Match")
                || c.contains("If-Modified-Since")
                || c.contains("If-Unmodified-Since")) {
            throw new S3Exception(S3ErrorCode.S3NotImplemented, "Conditional object PUTs are not supported.");
        }
        String tagging = c.get("x-amz-tagging");
        if (tagging != null) {
            tags = Tagging.fromHeader(tagging, Tagging.MAX_OBJECT_TAGS);
        }
        ObjectWriteHeaders.validate(req);
        sse = SseC.fromHeaders(c, SseC.CUSTOMER);
        // nothing is read until the PUT is ready for it (the PUT takes over the pacing then)
        ex.channel().config().setAutoRead(false);
        before(this::startUpload);
    }

    /**
     * Checks to make before the upload starts ({@link S3UploadPart}: the upload exists); here the bucket's lifecycle
     * (container info from the proxy's cache, as Swift's own PUT reads it): an {@code Expiration} rule for the key
     * gives the object its expiry ({@link #objectHeaders}).
     */
    protected void before(Runnable then) {
        ex.services()
                .infoCache()
                .container(req.account(), req.bucketName())
                .whenCompleteAsync(
                        (info, e) -> {
                            if (isClosed()) {
                                return;
                            }
                            guarded(() -> {
                                if (e == null && info != null && info.exists()) {
                                    LifecycleConfiguration lc = LifecycleConfiguration.fromStored(
                                            StoredDocument.get(LifecycleConfiguration.SYSMETA, info.sysmeta()));
                                    expiry = lc == null
                                            ? null
                                            : lc.expirationFor(
                                                    req.keyName(),
                                                    java.time.Instant.now(
                                                            ex.services().clock()));
                                    ObjectLock.forWrite(
                                            req.clientHeaders(),
                                            ObjectLock.Config.ofBucket(info.sysmeta()),
                                            java.time.Instant.now(ex.services().clock()),
                                            lockHeaders);
                                }
                                then.run();
                            });
                        },
                        ex.eventLoop());
    }

    /** The container the body goes to. */
    protected String targetContainer() {
        return req.bucketName();
    }

    /** The object the body goes to. */
    protected String targetObject() {
        return req.keyName();
    }

    /** Headers only a normal object gets (user metadata, content headers). */
    protected void objectHeaders(HttpHeaders h) {
        ObjectWriteHeaders.metadataAndContent(req, h);
        if (!tags.isEmpty()) {
            h.set(Tagging.OBJECT, tags.stored());
        }
        h.add(lockHeaders);
        LifecycleConfiguration.Expiry x = expiry;
        if (x != null && !h.contains("X-Delete-At") && !h.contains("X-Delete-After")) {
            x.apply(h);
        } else {
            expiry = null;
        }
    }

    /** SSE-C: the salt the body is encrypted under (a fresh one; a part's is its upload's). */
    protected byte[] sseSalt() {
        return SseC.random16();
    }

    /** SSE-C: what an encrypted body's object keeps besides the key check (a part: its IV in its type). */
    protected void encrypted(HttpHeaders h, byte[] iv) {}

    private void startUpload() {
        BodyUpload.Checks checks = BodyUpload.checksFor(req);
        HttpHeaders h = swiftHeaders();
        SseC key = sse;
        byte[] salt = null;
        byte[] iv = null;
        if (key == null) {
            ObjectWriteHeaders.contentMd5(req, h);
        }
        objectHeaders(h);
        if (key != null) {
            salt = sseSalt();
            iv = SseC.random16();
            key.store(salt, h);
            h.set(SseC.SYSMETA_IV, java.util.Base64.getEncoder().encodeToString(iv));
            encrypted(h, iv);
        }
        written.add(h);
        long length = checks.decodedLength() >= 0 ? checks.decodedLength() : declaredLength(req.clientHeaders());
        h.set("Content-Length", Long.toString(length));
        ChecksumAlgorithm a = checks.algorithm();
        String expected = checks.expected();
        if (a != null && expected != null) {
            h.set(ResponseHeaders.SYSMETA_CHECKSUM + a.name(), expected);
        }
        BodyUpload u = new BodyUpload(ex, req, checks, this::stored, this::uploadFailed);
        if (key != null && salt != null && iv != null) {
            u.encryptWith(key.ctr(salt, iv, 0), ObjectWriteHeaders.contentMd5(req));
        }
        upload = u;
        u.start(app, path(targetContainer(), targetObject(), ""), h);
        pending(u.operation());
        HttpContent c;
        while ((c = early.poll()) != null) {
            u.content(c);
        }
    }

    private void uploadFailed(S3Exception e) {
        failed = true;
        fail(e);
    }

    private static long declaredLength(HttpHeaders c) {
        String cl = c.get("Content-Length");
        if (cl == null) {
            throw new S3Exception(S3ErrorCode.MissingContentLength);
        }
        try {
            long n = Long.parseLong(cl.strip());
            if (n < 0) {
                throw new NumberFormatException(cl);
            }
            return n;
        } catch (NumberFormatException e) {
            throw S3Exception.invalidArgument("Content-Length", cl, null);
        }
    }

    @Override
    public void content(HttpContent content) {
        BodyUpload u = upload;
        if (failed || isClosed()) {
            content.release();
            return;
        }
        if (u == null) {
            early.add(content);
            return;
        }
        u.content(content);
    }

    @Override
    public void clientClosed() {
        BodyUpload u = upload;
        if (u != null) {
            u.clientClosed();
        }
        HttpContent c;
        while ((c = early.poll()) != null) {
            c.release();
        }
        super.clientClosed();
    }

    private void stored(FullHttpResponse r) {
        pending(null);
        int st = r.status().code();
        if (st != 201 && st != 202) {
            S3Exception e = swiftError(r, "PUT", S3ErrorResponses.Target.OBJECT, true);
            r.release();
            fail(e);
            return;
        }
        HttpHeaders out = new DefaultHttpHeaders();
        String etag = r.headers().get("ETag");
        if (etag != null) {
            out.set("ETag", ResponseHeaders.quote(etag));
        }
        // s3api answers with Swift's PUT response headers, its Content-Type included
        out.set("Content-Type", r.headers().get("Content-Type", SWOB_EMPTY_TYPE));
        String lastModified = r.headers().get("Last-Modified");
        if (lastModified != null) {
            out.set("Last-Modified", lastModified);
        }
        String version = r.headers().get("X-Object-Version-Id");
        if (version != null) {
            out.set("x-amz-version-id", version);
        }
        r.release();
        LifecycleConfiguration.Expiry x = expiry;
        if (x != null) {
            out.set("x-amz-expiration", x.header());
        }
        SseC key = sse;
        if (key != null) {
            key.echo(out);
        }
        BodyUpload u = upload;
        ChecksumAlgorithm a = u == null ? null : u.algorithm();
        String value = u == null ? null : u.checksumValue();
        if (a != null && value != null) {
            out.set(a.header(), value);
            if (req.clientHeaders().get(a.header()) == null) {
                storeTrailerChecksum(a, value, out);
                return;
            }
        }
        respond(200, out, null);
    }

    /**
     * A checksum known only at the end of the body: kept as transient sysmeta by a POST, which must repeat the
     * object's user metadata (a POST replaces it).
     */
    private void storeTrailerChecksum(ChecksumAlgorithm a, String value, HttpHeaders out) {
        HttpHeaders h = swiftHeaders();
        ObjectWriteHeaders.carryOnPost(written, h);
        h.set(ResponseHeaders.TRANSIENT_CHECKSUM + a.name(), value);
        callLater(HttpMethod.POST, path(targetContainer(), targetObject(), ""), h, r -> respond(200, out, null));
    }
}
