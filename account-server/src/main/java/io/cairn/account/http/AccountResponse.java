package io.cairn.account.http;

import io.cairn.common.http.ResponseReasons;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/**
 * A response to one account request, built on a device executor and written by the event loop. Not
 * thread-safe until handed over (the hand-over through the future publishes it); the body array is
 * owned by the response.
 */
public final class AccountResponse {
    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;

    AccountResponse(int status, HttpHeaders headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    static AccountResponse of(int status) {
        return new AccountResponse(status, new DefaultHttpHeaders(), new byte[0]);
    }

    /**
     * A response with swob's default body for the statuses the REPLICATE RPC answers without one
     * ({@code HTTPAccepted()}, {@code HTTPNotFound()}); other statuses get no body.
     */
    static AccountResponse swobDefault(int status) {
        String body = status == 202 || status == 404 ? ResponseReasons.defaultBody(status, null) : null;
        return body == null ? of(status) : text(status, body);
    }

    /** An error with a text body, as swob's error responses carry their message. */
    static AccountResponse text(int status, String body) {
        HttpHeaders h = new DefaultHttpHeaders();
        h.set("Content-Type", "text/html; charset=UTF-8");
        return new AccountResponse(status, h, body.getBytes(StandardCharsets.UTF_8));
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The body (owned by this response; do not modify). */
    byte[] body() {
        return body;
    }
}
