package io.cairn.object.diskfile;

/** The {@code ETag} given in the metadata differs from the md5 of the body written: 422 Unprocessable Entity. */
public class DiskFileEtagMismatch extends DiskFileException {
    private static final long serialVersionUID = 1L;

    public DiskFileEtagMismatch(String message) {
        super(message);
    }

    public DiskFileEtagMismatch(String message, Throwable cause) {
        super(message, cause);
    }
}
