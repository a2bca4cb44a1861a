package io.cairn.common.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** A fully received backend response. Immutable by convention (the body array is not copied). */
public final class BackendResponse {
    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;

    public BackendResponse(int status, HttpHeaders headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The body; not copied. */
    public byte[] body() {
        return body;
    }

    /** The body decoded as UTF-8 (for error messages and JSON). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return "BackendResponse[" + status + ", " + body.length + " bytes]";
    }
}
