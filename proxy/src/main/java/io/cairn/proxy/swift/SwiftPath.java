package io.cairn.proxy.swift;

import io.cairn.common.path.ConstraintViolation;
import io.cairn.common.path.NameValidator;
import io.netty.handler.codec.http.QueryStringDecoder;
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

    /** Parses {@code uri} (path and query, percent-encoded). */
    public static Parsed parse(String uri, NameValidator validator) {
        int q = uri.indexOf('?');
        String rawPath = q < 0 ? uri : uri.substring(0, q);
        String query = q < 0 ? "" : uri.substring(q + 1);
        String path = decode(rawPath, validator);
        if (path == null) {
            return new Parsed(null, new ConstraintViolation(412, "Invalid UTF8 or contains NULL"));
        }
        if (!path.startsWith("/")) {
            return new Parsed(null, new ConstraintViolation(412, "Bad URL"));
        }
        String[] parts = path.substring(1).split("/", 4);
        String version = parts[0];
        if (!validator.constraints().isValidApiVersion(version)) {
            return new Parsed(null, new ConstraintViolation(400, "Invalid path: " + path));
        }
        if (parts.length < 2 || parts[1].isEmpty()) {
            return new Parsed(null, new ConstraintViolation(412, "Bad URL"));
        }
        String container = parts.length > 2 && !(parts.length == 3 && parts[2].isEmpty()) ? parts[2] : null;
        String object = parts.length > 3 && !parts[3].isEmpty() ? parts[3] : null;
        if (container != null && container.isEmpty()) {
            return new Parsed(null, new ConstraintViolation(412, "Bad URL"));
        }
        return new Parsed(new SwiftPath(version, parts[1], container, object, query), null);
    }

    private static @Nullable String decode(String rawPath, NameValidator validator) {
        String path;
        try {
            path = QueryStringDecoder.decodeComponent(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (validator.checkPath(path, false) != null || path.indexOf('\uFFFD') >= 0) {
            return null;
        }
        return path;
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
