package io.cairn.common.db;

import java.nio.file.Path;

/**
 * A DB was found corrupt and moved to {@code <dev>/quarantined/<type>s/<hash>} (Swift's
 * {@code DatabaseBroker.quarantine}); the request fails and the replicator later restores a good copy.
 * Immutable.
 */
public final class DatabaseQuarantinedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path quarantinedTo;

    public DatabaseQuarantinedException(String message, Path quarantinedTo, Throwable cause) {
        super(message, cause);
        this.quarantinedTo = quarantinedTo;
    }

    public Path quarantinedTo() {
        return quarantinedTo;
    }
}
