package io.cairn.proxy.swift;

import io.cairn.common.path.ConstraintViolation;
import io.cairn.common.path.NameValidator;
import io.cairn.common.path.Names;
import io.cairn.common.path.PercentCoding;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A client request path {@code /<version>/<account>[/<container>[/<object>]]} split as Swift's {@code
 * split_path(path, 1, 4, True)} with the proxy's checks (reference §4.1): valid UTF-8 without NUL (412),
 * a valid API version (400), an account (412 {@code Bad URL}).
 *
 * <p>Immutable.
 *
 * @param container null for an account request
 * @param object null for an account or container request
 * @param query the raw query string (without {@code ?}), possibly empty
 */
public record SwiftPath(
        String version,
        String account,
        @Nullable String container,
        @Nullable String object,
        String query) {

    /** The parse result: a path or the violation to answer. */
    public record Parsed(@Nullable SwiftPath path, @Nullable ConstraintViolation violation) {}

    /**
     * Parses {@code uri} (path and query, percent-encoded, one char per received byte) in the order of
     * Swift's {@code handle_request}: the unquoted path must be valid UTF-8 without NUL (412), then
     * {@code split_path(path, 1, 4, True)} (an invalid split is 404), then the API version (400) and the
     * controller (412 {@code Bad URL} when none fits, e.g. an empty account or container).
     */
    public static Parsed parse(String uri, NameValidator validator) {
        int q = uri.indexOf('?');
        String rawPath = q < 0 ? uri : uri.substring(0, q);
        String query = q < 0 ? "" : uri.substring(q + 1);
        byte[] bytes = PercentCoding.unquoteToBytes(rawPath);
        if (!Names.checkUtf8(bytes, 0, bytes.length, false)) {
            return new Parsed(null, new ConstraintViolation(412, "Invalid UTF8 or contains NULL"));
        }
        String path = new String(bytes, StandardCharsets.UTF_8);
        // split_path(path, 1, 4, rest_with_last=True): up to 5 pieces; the first must be empty (a leading
        // '/') and the version must not be
        String[] segs = path.split("/", 5);
        if (!segs[0].isEmpty() || segs.length < 2 || segs[1].isEmpty()) {
            return new Parsed(null, new ConstraintViolation(404, ""));
        }
        return route(segs, query, validator);
    }

    /** {@code get_controller}: which resource the split path names, if any. */
    private static Parsed route(String[] segs, String query, NameValidator validator) {
        String version = segs[1];
        String account = segs.length > 2 ? segs[2] : "";
        String container = segs.length > 3 ? segs[3] : "";
        String object = segs.length > 4 ? segs[4] : "";
        if (!account.isEmpty() && !validator.constraints().isValidApiVersion(version)) {
            return new Parsed(null, new ConstraintViolation(400, ""));
        }
        if (account.isEmpty() || (container.isEmpty() && !object.isEmpty())) {
            return new Parsed(null, new ConstraintViolation(412, "Bad URL"));
        }
        SwiftPath path = new SwiftPath(
                version, account, container.isEmpty() ? null : container, object.isEmpty() ? null : object, query);
        return new Parsed(path, null);
    }

    /** The container, for container and object requests (which always have one). */
    public String containerName() {
        if (container == null) {
            throw new IllegalStateException("not a container or object path: " + this);
        }
        return container;
    }

    /** The object, for object requests (which always have one). */
    public String objectName() {
        if (object == null) {
            throw new IllegalStateException("not an object path: " + this);
        }
        return object;
    }

    /** The backend path {@code /a[/c[/o]]}, quoted as Swift's {@code quote} ({@code /} kept). */
    public String backendPath() {
        StringBuilder sb = new StringBuilder("/").append(quote(account));
        if (container != null) {
            sb.append('/').append(quote(container));
            if (object != null) {
                sb.append('/').append(quote(object));
            }
        }
        return sb.toString();
    }

    /** The client-facing path {@code /v1/a[/c[/o]]}, quoted. */
    public String clientPath() {
        return "/" + version + backendPath();
    }

    /** {@code ?query} or empty. */
    public String queryPart() {
        return query.isEmpty() ? "" : "?" + query;
    }

    /** Swift's {@code urllib.parse.quote(s, safe='/')}. */
    public static String quote(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%2F", "/")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}
