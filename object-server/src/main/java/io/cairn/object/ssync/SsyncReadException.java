package io.cairn.object.ssync;

import java.io.IOException;

/** Swift's {@code ChunkReadError}: the sender's connection failed mid-body; the receiver hangs up silently. */
public final class SsyncReadException extends IOException {
    private static final long serialVersionUID = 1L;

    public SsyncReadException(String message) {
        super(message);
    }
}
