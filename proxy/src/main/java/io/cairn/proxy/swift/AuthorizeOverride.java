package io.cairn.proxy.swift;

import io.cairn.proxy.pipeline.AccessPolicy;
import org.jspecify.annotations.Nullable;

/**
 * A middleware's decision in place of the auth system's for one request and its subrequests (Swift's {@code
 * swift.authorize} set with {@code swift.authorize_override}, as TempURL sets it).
 *
 * <p>Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface AuthorizeOverride {
    /** Whether {@code method} on {@code /account[/container[/object]]} is allowed, as the auth system answers. */
    AccessPolicy.Decision authorize(String method, String account, @Nullable String container, @Nullable String object);
}
