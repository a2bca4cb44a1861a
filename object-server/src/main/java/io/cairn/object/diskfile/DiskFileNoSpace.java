package io.cairn.object.diskfile;

/** The device is full ({@code ENOSPC}/{@code EDQUOT}): 507 for this device. */
public class DiskFileNoSpace extends DiskFileException {
    private static final long serialVersionUID = 1L;

    public DiskFileNoSpace(String message) {
        super(message);
    }

    public DiskFileNoSpace(String message, Throwable cause) {
        super(message, cause);
    }
}
