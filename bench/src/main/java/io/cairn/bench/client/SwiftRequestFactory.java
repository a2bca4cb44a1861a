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
 * Swift API requests under a storage URL: containers {@code <prefix>-<n>} (or one existing container, see {@link
 * #forContainer}), objects {@code o<12-digit id>}; every name is ASCII-safe so no percent-encoding is needed. Immutable
 * and thread-safe.
 */
public final class SwiftRequestFactory implements RequestFactory {
    private static final AsciiString OCTET_STREAM = AsciiString.cached("application/octet-stream");

    private final String basePath;
    private final String containerPrefix;
    private final boolean fixedContainer;
    private final AsciiString host;
    private final RequestSigner signer;

    /**
     * @param session the login (storage URL and signer)
     * @param containerPrefix first part of every container name, unique per run (e.g. {@code bench-1732611234})
     */
    public SwiftRequestFactory(AuthSession session, String containerPrefix) {
        this(session, containerPrefix, false);
    }

    private SwiftRequestFactory(AuthSession session, String containerName, boolean fixedContainer) {
        if (!containerName.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("container name or prefix must be [A-Za-z0-9._-]+: " + containerName);
        }
        this.basePath = session.basePath();
        this.containerPrefix = containerName;
        this.fixedContainer = fixedContainer;
        this.host = new AsciiString(session.storageUrl().getHost() + ":" + session.port());
        this.signer = session.signer();
    }

    /** Requests that address the one container {@code name} whatever the container index. */
    public static SwiftRequestFactory forContainer(AuthSession session, String name) {
        return new SwiftRequestFactory(session, name, true);
    }

    /** The name of container {@code index}. */
    public String containerName(int index) {
        return fixedContainer ? containerPrefix : containerPrefix + "-" + index;
    }

    @Override
    public HttpRequest createContainer(int container) {
        HttpRequest r = head(HttpMethod.PUT, basePath + "/" + containerName(container));
        HttpUtil.setContentLength(r, 0);
        return r;
    }

    @Override
    public HttpRequest headContainer(int container) {
        return head(HttpMethod.HEAD, basePath + "/" + containerName(container));
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
