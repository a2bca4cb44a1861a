package io.cairn.proxy.auth;

import org.jspecify.annotations.Nullable;

/**
 * Read access to a request's headers, so this package needs no Netty types: a Netty {@code
 * HttpHeaders} adapts as {@code headers::get}. Lookups must be case-insensitive, as HTTP header names
 * are; callers of this package pass canonical names such as {@code X-Auth-User}.
 */
@FunctionalInterface
public interface HeaderLookup {
    /** The header's value, or null if the request does not carry it. */
    @Nullable
    String get(String name);
}
