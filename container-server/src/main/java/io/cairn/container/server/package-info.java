/**
 * The container server process: {@code ContainerServer} (bootstrap and lifecycle on common's
 * {@code HttpServerHost}), {@code ContainerServerInitializer} (the Netty pipeline) and
 * {@code ContainerServerConfig} (Swift's {@code container-server.conf}). Must not hold protocol logic
 * (that is {@code io.cairn.container.http}) nor SQL.
 */
@NullMarked
package io.cairn.container.server;

import org.jspecify.annotations.NullMarked;
