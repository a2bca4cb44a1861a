package io.cairn.proxy.swift;

/**
 * Paths the proxy serves itself rather than as Swift resources.
 *
 * <p>Thread-safety: stateless.
 */
final class HealthPaths {
    private HealthPaths() {}

    /** Whether {@code uri} is {@code /info} (with or without a query). */
    static boolean isInfo(String uri) {
        return uri.equals("/info") || uri.startsWith("/info?");
    }
}
