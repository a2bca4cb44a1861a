package io.cairn.common.db;

import java.nio.file.Path;

/** Swift's {@code DatabaseAlreadyExists}: another creator won the race to create this DB. Immutable. */
public final class DatabaseAlreadyExistsException extends Exception {
    private static final long serialVersionUID = 1L;

    public DatabaseAlreadyExistsException(Path dbFile) {
        super("DB " + dbFile + " already exists");
    }
}
