package io.cairn.object.diskfile;

/**
 * No object at this name (nothing on disk, or only obsolete files): 404. An answer, not a failure: every PUT of
 * a new object and every GET of a missing one ends here, so it (and its subclasses) carries no stack trace, whose
 * capture cost more than the rest of the lookup.
 */
public class DiskFileNotExist extends DiskFileException {
    private static final long serialVersionUID = 1L;

    public DiskFileNotExist(String message) {
        super(message);
    }

    public DiskFileNotExist(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public final synchronized Throwable fillInStackTrace() {
        return this;
    }
}
