package io.cairn.compute.system;

import java.util.LinkedHashMap;
import java.util.Map;

/** Nova's error body: {@code {"itemNotFound": {"code": 404, "message": "..."}}}, named per status as Nova's Fault. */
public final class NovaErrors {
    private NovaErrors() {}

    public static String name(int status) {
        return switch (status) {
            case 400 -> "badRequest";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "itemNotFound";
            case 405 -> "badMethod";
            case 409 -> "conflictingRequest";
            case 413, 429 -> "overLimit";
            case 415 -> "badMediaType";
            case 501 -> "notImplemented";
            case 503 -> "serviceUnavailable";
            default -> "computeFault";
        };
    }

    public static Map<String, Object> body(int status, String message) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", status);
        inner.put("message", message);
        return Map.of(name(status), inner);
    }

    /** Whether a request path is the compute API's (its errors take Nova's shape). */
    public static boolean isCompute(String path) {
        return path.equals("/compute") || path.startsWith("/compute/");
    }
}
