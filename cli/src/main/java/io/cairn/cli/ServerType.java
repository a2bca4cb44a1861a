package io.cairn.cli;

import java.util.Locale;

/**
 * The three storage server types of a node, with Swift's default ports and section names.
 *
 * <p>Immutable.
 */
enum ServerType {
    OBJECT(6200),
    CONTAINER(6201),
    ACCOUNT(6202);

    private final int defaultPort;

    ServerType(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** {@code object}, {@code container} or {@code account}: the ring's base name. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code object-server}: the node.conf section and the config file's base name. */
    String serverName() {
        return id() + "-server";
    }

    /** Swift's {@code bind_port} default (6200, 6201, 6202). */
    int defaultPort() {
        return defaultPort;
    }
}
