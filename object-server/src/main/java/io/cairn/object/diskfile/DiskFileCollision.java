package io.cairn.object.diskfile;

/** The {@code name} stored on disk differs from the requested name although the hashes match: 403 in Swift. */
public class DiskFileCollision extends DiskFileException {
    private static final long serialVersionUID = 1L;

    public DiskFileCollision(String message) {
        super(message);
    }

    public DiskFileCollision(String message, Throwable cause) {
        super(message, cause);
    }
}
