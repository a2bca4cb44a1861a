package io.cairn.common.config;

import java.nio.file.Path;
import java.util.List;

/**
 * What every storage daemon's section holds once it is read, whichever daemon it is: {@code devices} and {@code
 * mount_check} (usually inherited from {@code [DEFAULT]}), and the keys to report at start. Each daemon's config
 * (object server, updaters, auditors, reaper) extends it with its own settings, so these four are read and named
 * the same way everywhere; its {@link ConfigDefinition} must list {@link ServerSettings#DEVICES} and {@link
 * ServerSettings#MOUNT_CHECK}.
 *
 * <p>Immutable; subclasses are immutable too.
 */
public abstract class StorageDaemonConfig {
    private final Path devices;
    private final boolean mountCheck;
    private final List<String> ignoredKeys;
    private final List<String> unknownKeys;

    /** @param values the section read by the daemon's {@link ConfigDefinition} */
    protected StorageDaemonConfig(ConfigValues values) {
        this.devices = values.get(ServerSettings.DEVICES);
        this.mountCheck = values.get(ServerSettings.MOUNT_CHECK);
        this.ignoredKeys = values.ignoredKeys();
        this.unknownKeys = values.unknownKeys();
    }

    /** {@code devices}: the directory holding one directory per device (default {@code /srv/node}). */
    public final Path devices() {
        return devices;
    }

    /** {@code mount_check}: a device must be a mount point, else it is skipped (default true). */
    public final boolean mountCheck() {
        return mountCheck;
    }

    /** Keys present that Swift knows and Cairn accepts without acting on them. */
    public final List<String> ignoredKeys() {
        return ignoredKeys;
    }

    /** Keys present that neither Swift's daemon nor Cairn know: probable typos, reported at start. */
    public final List<String> unknownKeys() {
        return unknownKeys;
    }
}
