package io.cairn.proxy.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to a token request ({@link TempAuth#getToken}): the status and the headers tempauth sets.
 * The body is empty for 200; for errors the proxy sends its standard body for the status (as swob does).
 *
 * <p>Thread-safety: immutable.
 *
 * @param status 200, or 400, 401, 404, 405
 * @param headers {@code X-Auth-Token}, {@code X-Storage-Token}, {@code X-Auth-Token-Expires}, {@code
 *     X-Storage-Url} on success; {@code Www-Authenticate} on 401; in this order
 */
public record TokenResponse(int status, Map<String, String> headers) {
    /** Copies the headers, keeping their order. */
    public TokenResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    static TokenResponse of(int status) {
        return new TokenResponse(status, Map.of());
    }

    static TokenResponse unauthorized(String realm) {
        return new TokenResponse(401, Map.of("Www-Authenticate", "Swift realm=\"" + realm + "\""));
    }
}
