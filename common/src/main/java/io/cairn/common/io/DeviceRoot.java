package io.cairn.common.io;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The {@code devices} directory of a storage node ({@code /srv/node} in Swift) and Swift's
 * {@code check_drive}: a device name must be a plain path segment ({@code quote_plus(name) == name}), and
 * with {@code mount_check} the device directory must be a mount point; without it, a directory.
 *
 * <p>Immutable and thread-safe. {@link #resolve} touches the disk (stat), so call it from a device
 * executor or accept a short block.
 */
public final class DeviceRoot {
    private final Path devices;
    private final boolean mountCheck;

    public DeviceRoot(Path devices, boolean mountCheck) {
        this.devices = devices.toAbsolutePath();
        this.mountCheck = mountCheck;
    }

    public Path devicesDir() {
        return devices;
    }

    public boolean mountCheck() {
        return mountCheck;
    }

    /** Whether {@code name} is acceptable as a device name at all (Swift: {@code quote_plus(name) == name}). */
    public static boolean isValidDeviceName(String name) {
        return !name.isEmpty()
                && !name.equals(".")
                && !name.equals("..")
                && URLEncoder.encode(name, StandardCharsets.UTF_8).equals(name);
    }

    /**
     * The device's directory when it is usable (valid name; mounted when {@code mount_check}, else an
     * existing directory), or null: the caller answers 507 Insufficient Storage, as Swift does.
     */
    public @Nullable Path resolve(String device) {
        if (!isValidDeviceName(device)) {
            return null;
        }
        Path dir = devices.resolve(device);
        if (!Files.isDirectory(dir)) {
            return null;
        }
        if (mountCheck && !isMountPoint(dir)) {
            return null;
        }
        return dir;
    }

    /** A directory is a mount point when it is on another filesystem than its parent (Python's ismount). */
    static boolean isMountPoint(Path dir) {
        try {
            Path parent = dir.toRealPath().getParent();
            if (parent == null) {
                return true;
            }
            Object dev = Files.getAttribute(dir, "unix:dev");
            Object parentDev = Files.getAttribute(parent, "unix:dev");
            if (!dev.equals(parentDev)) {
                return true;
            }
            Object ino = Files.getAttribute(dir, "unix:ino");
            Object parentIno = Files.getAttribute(parent, "unix:ino");
            return ino.equals(parentIno);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
