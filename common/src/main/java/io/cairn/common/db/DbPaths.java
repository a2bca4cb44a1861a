package io.cairn.common.db;

import java.nio.file.Path;

/**
 * Swift's DB file locations: {@code <dev>/<datadir>/<part>/<hash[-3:]>/<hash>/<hash>.db}
 * ({@code storage_directory}), with {@code datadir} {@code accounts} or {@code containers}, and the
 * quarantine directory {@code <dev>/quarantined/<datadir>/<hash>}.
 *
 * <p>Stateless and thread-safe.
 */
public final class DbPaths {
    /** Swift's {@code account.backend.DATADIR}. */
    public static final String ACCOUNTS = "accounts";
    /** Swift's {@code container.backend.DATADIR}. */
    public static final String CONTAINERS = "containers";

    private DbPaths() {}

    /** The DB's hash directory {@code <dev>/<datadir>/<part>/<suffix>/<hash>}. */
    public static Path hashDir(Path devicePath, String datadir, String partition, String hash) {
        if (hash.length() < 3) {
            throw new IllegalArgumentException("hash too short: " + hash);
        }
        return devicePath
                .resolve(datadir)
                .resolve(partition)
                .resolve(hash.substring(hash.length() - 3))
                .resolve(hash);
    }

    /** The DB file {@code <hashdir>/<hash>.db}. */
    public static Path dbFile(Path devicePath, String datadir, String partition, String hash) {
        return hashDir(devicePath, datadir, partition, hash).resolve(hash + ".db");
    }

    /** The device directory of a DB file (four levels above its hash directory, as Swift's {@code get_device_path}). */
    public static Path devicePath(Path dbFile) {
        Path p = dbFile.toAbsolutePath();
        for (int i = 0; i < 5; i++) {
            p = p.getParent();
            if (p == null) {
                throw new IllegalArgumentException("not a DB path: " + dbFile);
            }
        }
        return p;
    }

    /** The device's {@code tmp} directory, where rsynced DBs arrive. */
    public static Path tmpDir(Path devicePath) {
        return devicePath.resolve("tmp");
    }
}
