package io.cairn.bench.client;

import io.cairn.bench.workload.Operation;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import org.jspecify.annotations.Nullable;

/**
 * S3 requests, path style: a bucket per container index ({@code <prefix>-<n>}, DNS-compliant), objects {@code o<12-digit
 * id>} (no percent-encoding needed, so the path is its own canonical URI), signed by the session's signer (SigV4). PUT
 * bodies are {@code UNSIGNED-PAYLOAD}, or with a signed payload their SHA-256 from {@link PayloadBuffer#sha256Hex}.
 * S3 answers a PUT 200 where Swift answers 201. Immutable and thread-safe.
 */
public final class S3RequestFactory implements RequestFactory {
    private static final AsciiString OCTET_STREAM = AsciiString.cached("application/octet-stream");

    private final String bucketPrefix;
    private final AsciiString host;
    private final RequestSigner signer;
    private final @Nullable PayloadBuffer signedPayload;

    /**
     * @param session the S3 endpoint and signer ({@link S3AuthStrategy})
     * @param bucketPrefix first part of every bucket name, unique per run; lower-case letters, digits and '-'
     * @param signedPayload the body buffer whose hashes PUTs carry, or null for {@code UNSIGNED-PAYLOAD}
     */
    public S3RequestFactory(AuthSession session, String bucketPrefix, @Nullable PayloadBuffer signedPayload) {
        if (!bucketPrefix.matches("[a-z0-9][a-z0-9-]{1,50}")) {
            throw new IllegalArgumentException(
                    "bucket prefix must be lower-case letters, digits and '-' (3-51 characters): " + bucketPrefix);
        }
        this.bucketPrefix = bucketPrefix;
        this.host = new AsciiString(session.storageUrl().getHost() + ":" + session.port());
        this.signer = session.signer();
        this.signedPayload = signedPayload;
    }

    /** The name of bucket {@code index}. */
    public String bucketName(int index) {
        return bucketPrefix + "-" + index;
    }

    @Override
    public HttpRequest createContainer(int container) {
        HttpRequest r = head(HttpMethod.PUT, "/" + bucketName(container), null);
        HttpUtil.setContentLength(r, 0);
        return r;
    }

    @Override
    public HttpRequest headContainer(int container) {
        return head(HttpMethod.HEAD, "/" + bucketName(container), null);
    }

    @Override
    public HttpRequest request(
            Operation op, int container, long objectId, long contentLength, long listMarker, int listLimit) {
        if (op == Operation.LIST) {
            throw new IllegalArgumentException("S3 workloads do not list");
        }
        String uri = "/" + bucketName(container) + "/" + RequestFactory.objectName(objectId);
        if (op != Operation.PUT) {
            return head(HttpMethod.valueOf(op.method()), uri, null);
        }
        PayloadBuffer p = signedPayload;
        HttpRequest r = head(HttpMethod.PUT, uri, p == null ? null : p.sha256Hex(contentLength));
        HttpUtil.setContentLength(r, contentLength);
        return r;
    }

    private HttpRequest head(HttpMethod method, String uri, @Nullable AsciiString payloadHash) {
        HttpRequest r = new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, uri);
        r.headers().set(HttpHeaderNames.HOST, host).set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        if (method.equals(HttpMethod.PUT)) {
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, OCTET_STREAM);
        }
        if (payloadHash != null) {
            r.headers().set(SigV4Signer.X_AMZ_CONTENT_SHA256, payloadHash);
        }
        signer.sign(r);
        return r;
    }

    @Override
    public boolean isSuccess(Operation op, int status) {
        return op == Operation.PUT ? status == 200 : op.isSuccess(status);
    }

    @Override
    public String apiName() {
        return "s3";
    }
}
