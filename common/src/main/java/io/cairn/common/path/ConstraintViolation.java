package io.cairn.common.path;

import java.nio.charset.StandardCharsets;

/**
 * Why Swift would refuse a request: the status it answers with and the exact {@code text/plain} body
 * it sends. The body is in wire form, one {@code char} per byte (ISO-8859-1), because some of Swift's
 * messages quote header names and bytes as received.
 *
 * <p>Thread-safety: immutable.
 *
 * @param status HTTP status (400 or 412)
 * @param body the response body, one char per byte
 */
public record ConstraintViolation(int status, String body) {
    /** HTTP 400 Bad Request. */
    public static final int BAD_REQUEST = 400;
    /** HTTP 412 Precondition Failed. */
    public static final int PRECONDITION_FAILED = 412;

    /** The body's bytes exactly as Swift sends them. */
    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }
}
