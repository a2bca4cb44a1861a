/**
 * The object server process: {@code ObjectServer} (its collaborators, started through common's storage-server
 * scaffold {@code io.cairn.common.server.StorageServer}, which owns bind, event loops, device executors, access
 * log, recon and the stop order), {@code ObjectServerStages} (its own pipeline stages after the shared ones) and
 * {@code ObjectServerConfig} (Swift's {@code object-server.conf}, parsed once). Request semantics live in
 * {@code io.cairn.object.http}.
 */
@NullMarked
package io.cairn.object.server;

import org.jspecify.annotations.NullMarked;
