package io.cairn.object.metadata;

import java.io.IOException;

/** Metadata on disk is unreadable or its checksum does not match: the object must be quarantined. */
public final class MetadataFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public MetadataFormatException(String message) {
        super(message);
    }

    public MetadataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
