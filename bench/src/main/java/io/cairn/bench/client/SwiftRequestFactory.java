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

/**
 * Swift API requests under a storage URL: containers {@code <prefix>-<n>}, objects {@code o<12-digit id>}; every name is
 * ASCII-safe so no percent-encoding is needed. Immutable and thread-safe.
 */
public final class SwiftRequestFactory implements RequestFactory {
    private static final AsciiString OCTET_STREAM = AsciiString.cached("application/octet-stream");

    private final String basePath;
    private final String containerPrefix;
    private final AsciiString host;
    private final RequestSigner signer;

    /**
     * @param session the login (storage URL and signer)
     * @param containerPrefix first part of every container name, unique per run (e.g. {@code bench-1732611234})
     */
    public SwiftRequestFactory(AuthSession session, String containerPrefix) {
        if (!containerPrefix.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("container prefix must be [A-Za-z0-9._-]+: " + containerPrefix);
        }
        this.basePath = session.basePath();
        this.containerPrefix = containerPrefix;
        this.host = new AsciiString(session.storageUrl().getHost() + ":" + session.port());
        this.signer = session.signer();
    }

    /** The name of container {@code index}. */
    public String containerName(int index) {
        return containerPrefix + "-" + index;
    }

    @Override
    public HttpRequest createContainer(int container) {
        HttpRequest r = head(HttpMethod.PUT, basePath + "/" + containerName(container));
        HttpUtil.setContentLength(r, 0);
        return r;
    }

    @Override
    public HttpRequest request(
            Operation op, int container, long objectId, long contentLength, long listMarker, int listLimit) {
        if (op == Operation.LIST) {
            String uri = basePath + "/" + containerName(container) + "?format=json&limit=" + listLimit
                    + (listMarker < 0 ? "" : "&marker=" + RequestFactory.objectName(listMarker));
            return head(HttpMethod.GET, uri);
        }
        String uri = basePath + "/" + containerName(container) + "/" + RequestFactory.objectName(objectId);
        HttpRequest r = head(HttpMethod.valueOf(op.method()), uri);
        if (op == Operation.PUT) {
            HttpUtil.setContentLength(r, contentLength);
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, OCTET_STREAM);
        }
        return r;
    }

    private HttpRequest head(HttpMethod method, String uri) {
        HttpRequest r = new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, uri);
        r.headers().set(HttpHeaderNames.HOST, host).set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        signer.sign(r);
        return r;
    }

    @Override
    public String apiName() {
        return "swift";
    }
}
