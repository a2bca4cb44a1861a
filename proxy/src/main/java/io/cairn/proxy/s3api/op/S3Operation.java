package io.cairn.proxy.s3api.op;

import io.cairn.common.time.Timestamp;
import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.s3api.xml.XmlWriter;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The shape of every S3 operation (STYLE.md habit 2): it parses what S3 sent, drives the Swift application below
 * {@code s3api} with subrequests carrying the user's token, and answers in S3's terms; an {@link S3Exception}
 * thrown anywhere on the way becomes S3's error document. Subclasses implement {@link #run}; one subrequest is
 * in flight at a time, and it is told when the client goes away.
 *
 * <p>Confined to the exchange's event loop.
 */
public abstract class S3Operation implements Operation {
    /** The Content-Type swob gives a response without a body of its own (s3api passes it on). */
    protected static final String SWOB_EMPTY_TYPE = "text/html; charset=UTF-8";

    private static final Logger LOG = System.getLogger(S3Operation.class.getName());

    protected final Exchange ex;
    protected final SwiftApp app;
    /** The request; only a POST form replaces it, once its fields have said who signed it. */
    protected S3Request req;

    private @Nullable Operation pending;
    private int generation;
    private boolean closed;

    protected S3Operation(Exchange ex, SwiftApp app, S3Request req) {
        this.ex = ex;
        this.app = app;
        this.req = req;
    }

    /** Acts as {@code signed} from now on (a POST form's signer: their account and token). */
    protected final void rebind(S3Request signed) {
        this.req = signed;
    }

    /** What the operation does once started; may throw {@link S3Exception}. */
    protected abstract void run();

    @Override
    public final void start() {
        guarded(this::run);
    }

    /** Runs {@code step}, turning an {@link S3Exception} (or a bug) into the error answer. */
    protected final void guarded(Runnable step) {
        try {
            step.run();
        } catch (S3Exception e) {
            fail(e);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "S3 " + req.method() + " " + req.resource() + " failed", e);
            fail(new S3Exception(S3ErrorCode.InternalError));
        }
    }

    /**
     * Feeds {@code content} to {@code body} (a small body read whole), guarded; once it is all in, {@code whole}
     * runs with it. Released unread once the exchange is over.
     */
    protected final void readBody(RequestBody body, HttpContent content, java.util.function.Consumer<byte[]> whole) {
        if (isClosed()) {
            content.release();
            return;
        }
        guarded(() -> {
            byte[] b = body.feed(content);
            if (b != null) {
                whole.accept(b);
            }
        });
    }

    /** Request bodies are not read unless the operation takes one; released as they come. */
    @Override
    public void content(HttpContent content) {
        content.release();
    }

    @Override
    public void clientClosed() {
        closed = true;
        Operation p = pending;
        pending = null;
        if (p != null) {
            p.clientClosed();
        }
    }

    @Override
    public void clientWritabilityChanged() {
        Operation p = pending;
        if (p != null) {
            p.clientWritabilityChanged();
        }
    }

    protected final boolean isClosed() {
        return closed || ex.isDone();
    }

    /** Headers for a Swift subrequest as the user. */
    protected final HttpHeaders swiftHeaders() {
        HttpHeaders h = new DefaultHttpHeaders();
        if (!req.authToken().isEmpty()) {
            h.set("X-Auth-Token", req.authToken());
        }
        return h;
    }

    /** {@code /v1/<account>[/<container>[/<object>]]?query}. */
    protected final SwiftPath path(@Nullable String container, @Nullable String object, String query) {
        return new SwiftPath("v1", req.account(), container, object, query);
    }

    /** A subrequest answered whole; {@code then} runs guarded and the response is released after it. */
    protected final void call(
            HttpMethod method,
            SwiftPath path,
            HttpHeaders headers,
            @Nullable ByteBuf body,
            java.util.function.Consumer<FullHttpResponse> then) {
        call(ex, method, path, headers, body, then);
    }

    /**
     * As {@link #call(HttpMethod, SwiftPath, HttpHeaders, ByteBuf, java.util.function.Consumer)} with a timestamp
     * of its own, later than the request's: a POST to an object this request has just PUT.
     */
    protected final void callLater(
            HttpMethod method,
            SwiftPath path,
            HttpHeaders headers,
            java.util.function.Consumer<FullHttpResponse> then) {
        call(ex.withTimestamp(Timestamp.now(ex.services().clock())), method, path, headers, null, then);
    }

    private void call(
            Exchange parent,
            HttpMethod method,
            SwiftPath path,
            HttpHeaders headers,
            @Nullable ByteBuf body,
            java.util.function.Consumer<FullHttpResponse> then) {
        int gen = ++generation;
        boolean[] answered = new boolean[1];
        Operation op = Subrequests.call(parent, app, method, path, headers, body, resp -> {
            answered[0] = true;
            if (gen == generation) {
                pending = null;
            }
            try {
                if (!isClosed()) {
                    guarded(() -> then.accept(resp));
                }
            } finally {
                resp.release();
            }
        });
        if (!answered[0]) {
            pending = op;
        }
    }

    /**
     * The bucket's container info from the proxy's cache (s3api's {@code get_container_info}: no authorization,
     * as Swift's; used only where s3api looks at versioning sysmeta); {@code then} runs guarded on the event loop,
     * NoSuchBucket when the container is missing.
     */
    protected final void containerInfo(java.util.function.Consumer<ContainerInfo> then) {
        ex.services()
                .infoCache()
                .container(req.account(), req.bucketName())
                .whenCompleteAsync(
                        (info, e) -> {
                            if (isClosed()) {
                                return;
                            }
                            guarded(() -> {
                                if (e != null || info == null) {
                                    throw new S3Exception(S3ErrorCode.ServiceUnavailable);
                                }
                                if (!info.exists()) {
                                    throw info.status() == 404 || info.status() == 0
                                            ? S3Exception.noSuchBucket(req.bucketName())
                                            : new S3Exception(
                                                    S3ErrorCode.InternalError,
                                                    "unexpected status code " + info.status());
                                }
                                then.accept(info);
                            });
                        },
                        ex.eventLoop());
    }

    /** A HEAD of the bucket as the user; {@code then} gets a success, anything else is s3api's bucket error. */
    protected final void headBucket(java.util.function.Consumer<FullHttpResponse> then) {
        call(HttpMethod.HEAD, path(req.bucketName(), null, ""), swiftHeaders(), null, r -> {
            if (r.status().code() / 100 != 2) {
                throw swiftError(r, "HEAD", S3ErrorResponses.Target.BUCKET, false);
            }
            then.accept(r);
        });
    }

    /** Makes {@code op} the subrequest told about the client going away or its writability. */
    protected final void pending(@Nullable Operation op) {
        ++generation;
        pending = op;
    }

    /** The S3 error answer. */
    protected final void fail(S3Exception e) {
        if (ex.isDone()) {
            return;
        }
        Operation p = pending;
        pending = null;
        if (p != null) {
            p.clientClosed();
        }
        if (ex.responseStarted()) {
            ex.abort();
            return;
        }
        ex.respond(S3ErrorResponses.render(e, ex.transId(), req.method().equals("HEAD")));
    }

    /** Maps a Swift answer that is not a success to the S3 error. */
    protected final S3Exception swiftError(
            FullHttpResponse r, String method, S3ErrorResponses.Target target, boolean bucketExists) {
        if (r.status().code() == 401 && req.auth().isAnonymous()) {
            // an unsigned request the container's ACLs do not let in (AWS: AccessDenied)
            return new S3Exception(S3ErrorCode.AccessDenied);
        }
        return S3ErrorResponses.fromSwift(
                r.status().code(),
                method,
                target,
                req.bucket() == null ? "" : req.bucketName(),
                req.key(),
                bucketExists,
                r.content().toString(StandardCharsets.UTF_8));
    }

    /** A whole answer with S3's request id headers. */
    protected final void respond(int status, HttpHeaders headers, @Nullable String xml) {
        ByteBuf body = xml == null || req.method().equals("HEAD")
                ? Unpooled.EMPTY_BUFFER
                : Unpooled.wrappedBuffer(xml.getBytes(StandardCharsets.UTF_8));
        FullHttpResponse r =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), body);
        r.headers().add(headers);
        if (xml != null) {
            r.headers().set("Content-Type", "application/xml");
        }
        if (!r.headers().contains("Content-Length")) {
            r.headers().set("Content-Length", xml == null ? 0 : xml.getBytes(StandardCharsets.UTF_8).length);
        }
        r.headers().set("x-amz-request-id", ex.transId());
        r.headers().set("x-amz-id-2", ex.transId());
        ex.respond(r);
    }

    /** A whole answer whose body is not XML ({@code contentType}), with S3's request id headers. */
    protected final void respondText(int status, String contentType, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status),
                req.method().equals("HEAD") ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(b));
        r.headers().set("Content-Type", contentType);
        r.headers().set("Content-Length", b.length);
        r.headers().set("x-amz-request-id", ex.transId());
        r.headers().set("x-amz-id-2", ex.transId());
        ex.respond(r);
    }

    /** A new XML document with the declaration. */
    protected static XmlWriter xml() {
        return new XmlWriter().declaration();
    }

    /** The owner element text: the user ({@code account:user}), as s3api shows tempauth users. */
    protected final String owner() {
        return req.auth().accessKey();
    }

    /**
     * s3api's {@code _get_upload_info}: the upload's marker object {@code <bucket>+segments/<key>/<upload-id>}
     * (its headers go to {@code then}); when it is gone, the object itself if a completion of this upload wrote
     * it; else NoSuchUpload (or NoSuchBucket when the bucket is missing).
     */
    protected final void checkUpload(String uploadId, java.util.function.Consumer<HttpHeaders> then) {
        String segments = req.bucketName() + MultipartLayout.SEGMENTS_SUFFIX;
        call(HttpMethod.HEAD, path(segments, req.keyName() + "/" + uploadId, ""), swiftHeaders(), null, r -> {
            if (r.status().code() / 100 == 2) {
                then.accept(r.headers());
                return;
            }
            if (r.status().code() != 404) {
                throw swiftError(r, "HEAD", S3ErrorResponses.Target.OBJECT, true);
            }
            call(HttpMethod.HEAD, path(req.bucketName(), req.keyName(), ""), swiftHeaders(), null, o -> {
                if (o.status().code() / 100 == 2
                        && uploadId.equals(o.headers().get(MultipartLayout.SYSMETA_UPLOAD_ID))) {
                    then.accept(o.headers());
                    return;
                }
                call(HttpMethod.HEAD, path(req.bucketName(), null, ""), swiftHeaders(), null, b -> {
                    if (b.status().code() / 100 != 2) {
                        throw swiftError(b, "HEAD", S3ErrorResponses.Target.BUCKET, false);
                    }
                    throw new S3Exception(S3ErrorCode.NoSuchUpload).with("UploadId", uploadId);
                });
            });
        });
    }
}
