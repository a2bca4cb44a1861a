package io.cairn.cli;

import io.cairn.common.config.ConfigSection;
import io.cairn.common.daemon.Daemon;

/**
 * Builds one daemon of a storage node from its config section ({@code [object-replicator]}, …, read the way
 * Swift's {@code readconf} reads it: the section over {@code [DEFAULT]}) and what the node provides.
 * Implementations are one line each in {@link NodeDaemons#standard()}.
 *
 * <p>Implementations must be thread-safe (stateless).
 */
@FunctionalInterface
interface DaemonFactory {
    /**
     * A daemon for this node, configured from {@code section}.
     *
     * @throws io.cairn.common.config.ConfigException for a bad value in {@code section}
     */
    Daemon create(NodeContext ctx, ConfigSection section);
}
