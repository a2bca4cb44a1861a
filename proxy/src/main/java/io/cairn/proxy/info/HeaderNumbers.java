package io.cairn.proxy.info;

import org.jspecify.annotations.Nullable;

/** Numbers in header values, read leniently as the proxy's info and middlewares read them. Stateless. */
public final class HeaderNumbers {
    private HeaderNumbers() {}

    /** {@code v} (surrounding white space ignored) as a long; {@code fallback} when absent or not one. */
    public static long longOr(@Nullable String v, long fallback) {
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
