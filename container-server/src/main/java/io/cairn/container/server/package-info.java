/**
 * The container server process: {@code ContainerServer} (its collaborators, started through common's
 * storage-server scaffold {@code io.cairn.common.server.StorageServer}), {@code ContainerServerStages} (its own
 * pipeline stages after the shared ones) and {@code ContainerServerConfig} (Swift's {@code container-server.conf}). Must not hold protocol logic
 * (that is {@code io.cairn.container.http}) nor SQL.
 */
@NullMarked
package io.cairn.container.server;

import org.jspecify.annotations.NullMarked;
