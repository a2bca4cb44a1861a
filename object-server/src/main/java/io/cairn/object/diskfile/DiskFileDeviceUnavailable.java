package io.cairn.object.diskfile;

/** The device is missing, not mounted ({@code mount_check}) or not a valid device name: 507. */
public class DiskFileDeviceUnavailable extends DiskFileException {
    private static final long serialVersionUID = 1L;

    public DiskFileDeviceUnavailable(String message) {
        super(message);
    }

    public DiskFileDeviceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
