package io.cairn.object.diskfile;

/** No object at this name (nothing on disk, or only obsolete files): 404. */
public class DiskFileNotExist extends DiskFileException {
    private static final long serialVersionUID = 1L;

    public DiskFileNotExist(String message) {
        super(message);
    }

    public DiskFileNotExist(String message, Throwable cause) {
        super(message, cause);
    }
}
