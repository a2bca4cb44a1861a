package io.cairn.object.diskfile;

/** The metadata does not fit in the filesystem's xattr space (ext4: about 4 KiB per inode). Nothing was written; the HTTP layer answers 400 with this message (see the module README). */
public class DiskFileXattrTooLarge extends DiskFileException {
    private static final long serialVersionUID = 1L;

    public DiskFileXattrTooLarge(String message) {
        super(message);
    }

    public DiskFileXattrTooLarge(String message, Throwable cause) {
        super(message, cause);
    }
}
