package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.HttpContent;

/**
 * An operation whose small request body (an XML configuration) is read whole first ({@link RequestBody}: at
 * most {@code max} bytes, signatures and checksums checked) and then handed to {@link #apply}; nothing is sent
 * below before the body is all in.
 *
 * <p>Confined to the exchange's event loop.
 */
abstract class S3BodyOperation extends S3Operation {
    private final RequestBody body;

    S3BodyOperation(Exchange ex, SwiftApp app, S3Request req, int max) {
        super(ex, app, req);
        this.body = new RequestBody(req, max);
    }

    /** The body being read. */
    final RequestBody body() {
        return body;
    }

    /** Checks made before the body is read (none unless overridden). */
    @Override
    protected void run() {}

    /** Serves the request once its whole body ({@code xml}, maybe empty) is in; may throw S3Exception. */
    abstract void apply(byte[] xml);

    @Override
    public final void content(HttpContent content) {
        readBody(body, content, this::apply);
    }
}
