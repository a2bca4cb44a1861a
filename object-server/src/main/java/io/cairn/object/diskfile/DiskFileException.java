package io.cairn.object.diskfile;

import java.io.IOException;

/**
 * Root of the storage errors, named as Swift's {@code swift/common/exceptions.py} names them
 * ({@code DiskFileError}). The HTTP layer maps each subclass to a status in one table. Plain {@link
 * IOException}s that are not a {@code DiskFileException} mean the device failed.
 */
public class DiskFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public DiskFileException(String message) {
        super(message);
    }

    public DiskFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
