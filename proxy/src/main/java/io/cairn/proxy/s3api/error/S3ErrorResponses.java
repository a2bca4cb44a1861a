package io.cairn.proxy.s3api.error;

import io.cairn.proxy.s3api.xml.XmlWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one place S3 errors are rendered and Swift-side failures are mapped to S3 codes (STYLE.md habit 9): the
 * table is Swift 2.30.1's {@code S3Request._swift_error_codes} plus its fall-backs in {@code _get_response}.
 *
 * <p>Stateless.
 */
public final class S3ErrorResponses {
    private S3ErrorResponses() {}

    /** What a Swift subrequest was for: the table depends on the resource and the method. */
    public enum Target {
        ACCOUNT,
        BUCKET,
        OBJECT
    }

    /**
     * The S3 error for a Swift answer {@code status} that is not a success of {@code method} on {@code target}.
     *
     * @param bucketExists for an object 404: whether the bucket exists (NoSuchKey, else NoSuchBucket)
     * @param swiftBody the Swift answer's body text (400s carry Swift's reason)
     */
    public static S3Exception fromSwift(
            int status,
            String method,
            Target target,
            String bucket,
            @Nullable String key,
            boolean bucketExists,
            String swiftBody) {
        S3Exception mapped = specific(status, method, target, bucket, key, bucketExists);
        if (mapped != null) {
            return mapped;
        }
        return switch (status) {
            case 400 -> new S3Exception(S3ErrorCode.InvalidArgument, swiftBody.strip());
            case 401 -> new S3Exception(S3ErrorCode.SignatureDoesNotMatch);
            case 403 -> new S3Exception(S3ErrorCode.AccessDenied);
            case 409 -> new S3Exception(S3ErrorCode.BrokenMPU);
            case 429, 498 -> new S3Exception(S3ErrorCode.SlowDown);
            case 503 -> new S3Exception(S3ErrorCode.ServiceUnavailable);
            default -> new S3Exception(S3ErrorCode.InternalError, "unexpected status code " + status);
        };
    }

    private static @Nullable S3Exception specific(
            int status, String method, Target target, String bucket, @Nullable String key, boolean bucketExists) {
        if (target == Target.BUCKET) {
            if (status == 404 && !method.equals("PUT")) {
                return S3Exception.noSuchBucket(bucket);
            }
            if (status == 409 && method.equals("DELETE")) {
                return new S3Exception(S3ErrorCode.BucketNotEmpty);
            }
            return null;
        }
        if (target != Target.OBJECT) {
            return null;
        }
        String k = key == null ? "" : key;
        if (status == 404) {
            if (method.equals("DELETE")) {
                return S3Exception.noSuchKey(k);
            }
            return method.equals("PUT") || !bucketExists ? S3Exception.noSuchBucket(bucket) : S3Exception.noSuchKey(k);
        }
        return switch (status) {
            case 412 -> new S3Exception(S3ErrorCode.PreconditionFailed);
            case 416 -> method.equals("GET") ? new S3Exception(S3ErrorCode.InvalidRange) : null;
            case 422 -> method.equals("PUT") ? new S3Exception(S3ErrorCode.BadDigest) : null;
            case 413 -> method.equals("PUT") ? new S3Exception(S3ErrorCode.EntityTooLarge) : null;
            case 411 -> method.equals("PUT") ? new S3Exception(S3ErrorCode.MissingContentLength) : null;
            case 408, 499 -> method.equals("PUT") ? new S3Exception(S3ErrorCode.RequestTimeout) : null;
            default -> null;
        };
    }

    /**
     * The error document for {@code e} ({@code application/xml}; no body for a HEAD): Code, Message, the
     * error's details and RequestId, as s3api 2.30.1 writes it: no Resource and no HostId, so an error never echoes
     * the client's path (bucket and key names) back.
     */
    public static FullHttpResponse render(S3Exception e, String requestId, boolean head) {
        S3ErrorCode code = e.code();
        ByteBuf body = Unpooled.EMPTY_BUFFER;
        if (!head) {
            XmlWriter x = new XmlWriter();
            x.declaration().open("Error");
            x.element("Code", code.code()).element("Message", String.valueOf(e.getMessage()));
            for (Map.Entry<String, String> d : e.details().entrySet()) {
                x.element(d.getKey(), d.getValue());
            }
            x.element("RequestId", requestId);
            x.close("Error");
            body = Unpooled.wrappedBuffer(x.toString().getBytes(StandardCharsets.UTF_8));
        }
        FullHttpResponse r =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code.status()), body);
        r.headers().set("Content-Type", "application/xml");
        r.headers().set("Content-Length", head ? 0 : body.readableBytes());
        r.headers().set("x-amz-request-id", requestId);
        r.headers().set("x-amz-id-2", requestId);
        for (Map.Entry<String, String> h : e.headers().entrySet()) {
            r.headers().set(h.getKey(), h.getValue());
        }
        return r;
    }
}
