package io.cairn.object.diskfile;

/** The body written differs from the expected size or the {@code Content-Length} in the metadata: the HTTP layer answers 499 (client disconnect) or 400. */
public class DiskFileSizeMismatch extends DiskFileException {
    private static final long serialVersionUID = 1L;

    public DiskFileSizeMismatch(String message) {
        super(message);
    }

    public DiskFileSizeMismatch(String message, Throwable cause) {
        super(message, cause);
    }
}
