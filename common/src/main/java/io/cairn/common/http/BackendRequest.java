package io.cairn.common.http;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

/**
 * A small backend request (container/account updates, REPLICATE, HEADs): the whole body is in memory.
 * Data-path bodies (object PUT/GET) stream through the proxy's own handlers instead.
 *
 * <p>Immutable after construction (the body array and headers are not copied: do not change them after
 * passing them in).
 */
public final class BackendRequest {
    private final String host;
    private final int port;
    private final HttpMethod method;
    private final String path;
    private final HttpHeaders headers;
    private final byte[] body;

    /**
     * @param path already URL-quoted, e.g. {@code /sda/123/AUTH_test/c/o%20name}
     */
    public BackendRequest(String host, int port, HttpMethod method, String path, HttpHeaders headers, byte[] body) {
        this.host = host;
        this.port = port;
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.body = body;
    }

    /** A request without a body. */
    public static BackendRequest of(String host, int port, HttpMethod method, String path, HttpHeaders headers) {
        return new BackendRequest(host, port, method, path, headers, new byte[0]);
    }

    /** A request without headers or body. */
    public static BackendRequest of(String host, int port, HttpMethod method, String path) {
        return of(host, port, method, path, new DefaultHttpHeaders());
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public HttpMethod method() {
        return method;
    }

    public String path() {
        return path;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The body; not copied. */
    public byte[] body() {
        return body;
    }

    @Override
    public String toString() {
        return method + " " + host + ":" + port + path;
    }
}
