package io.cairn.ring.format;

import java.io.IOException;

/**
 * A ring file is corrupt, truncated, of an unknown format version, or describes an impossible ring. The
 * message says what is wrong and, when known, in which file.
 */
public final class RingFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public RingFormatException(String message) {
        super(message);
    }

    public RingFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
