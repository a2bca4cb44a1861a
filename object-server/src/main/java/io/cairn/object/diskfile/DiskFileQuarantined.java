package io.cairn.object.diskfile;

/** The object's files were corrupt and have been moved to {@code quarantined/}; the HTTP layer answers 404 as for a missing object (Swift: {@code DiskFileQuarantined(DiskFileError)}). */
public class DiskFileQuarantined extends DiskFileException {
    private static final long serialVersionUID = 1L;

    public DiskFileQuarantined(String message) {
        super(message);
    }

    public DiskFileQuarantined(String message, Throwable cause) {
        super(message, cause);
    }
}
