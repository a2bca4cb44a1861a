/**
 * The object server process: {@code ObjectServer} (bootstrap and lifecycle), {@code ObjectServerInitializer}
 * (the Netty pipeline, one stage per concern) and {@code ObjectServerConfig} (Swift's
 * {@code object-server.conf}, parsed once). Request semantics live in {@code io.cairn.object.http}.
 */
@NullMarked
package io.cairn.object.server;

import org.jspecify.annotations.NullMarked;
