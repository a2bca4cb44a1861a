package io.cairn.proxy.s3api;

import io.cairn.proxy.swift.ForeignRequest;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

/**
 * A client's S3 request after authentication, addressed to its Swift account ({@code /v1/<account>[/<bucket>
 * [/<key>]]}) so the proxy's dispatch finds the resource, carrying the parsed {@link S3Request} for the {@code
 * s3api} middleware ({@link S3Api}), which serves it. Only {@link S3RequestHandler} makes these, so a client
 * cannot pose as one.
 *
 * <p>Confined to the channel's event loop.
 */
public final class S3HttpRequest extends DefaultHttpRequest implements ForeignRequest {
    private final S3Request s3;

    S3HttpRequest(HttpVersion version, HttpMethod method, String uri, HttpHeaders headers, S3Request s3) {
        super(version, method, uri, headers);
        this.s3 = s3;
    }

    public S3Request s3() {
        return s3;
    }
}
