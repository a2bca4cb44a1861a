package io.cairn.account.server;

import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.IniFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The account server's settings from Swift's {@code account-server.conf} ({@code [DEFAULT]} and
 * {@code [app:account-server]}), with Swift's defaults; Cairn-only keys are documented in
 * {@code etc/account-server.conf-sample}. Immutable.
 *
 * @param bindIp {@code bind_ip}
 * @param bindPort {@code bind_port} (0 picks a free port)
 * @param devices {@code devices}: the devices directory
 * @param mountCheck {@code mount_check}
 * @param swiftDir {@code swift_dir}: where {@code swift.conf} lives
 * @param autoCreateAccountPrefix {@code auto_create_account_prefix}
 * @param threadsPerDisk {@code threads_per_disk}: SQLite threads per device
 * @param queuePerDisk {@code queue_per_disk}: queued operations per device before 503
 * @param commitRingSize {@code commit_ring_size}: slots of the group-commit ring (power of two)
 * @param commitMaxBatch {@code commit_max_batch}: most reports appended to a {@code .pending} file in one write
 * @param pendingFoldDelay {@code pending_fold_delay} (seconds, default 1.0): how soon after a {@code .pending}
 *     file became non-empty it is folded into SQLite when no reader folded it first (0: after every append)
 * @param workers {@code workers} (default {@code auto}: one per core, as Swift's {@code config_auto_int_value}): event-loop threads; 0 means one, as Swift's single-process mode
 * @param unknownKeys keys present in the file that this server does not know (reported at start)
 */
public record AccountServerConfig(
        String bindIp,
        int bindPort,
        Path devices,
        boolean mountCheck,
        Path swiftDir,
        String autoCreateAccountPrefix,
        int threadsPerDisk,
        int queuePerDisk,
        int commitRingSize,
        int commitMaxBatch,
        Duration pendingFoldDelay,
        int workers,
        List<String> unknownKeys) {

    /** The section Swift's paste pipeline reads. */
    public static final String SECTION = "app:account-server";

    /** Every key this class reads (the sample config lists exactly these). */
    public static final Set<String> KEYS = Set.of(
            "bind_ip",
            "bind_port",
            "devices",
            "mount_check",
            "swift_dir",
            "auto_create_account_prefix",
            "threads_per_disk",
            "queue_per_disk",
            "commit_ring_size",
            "commit_max_batch",
            "pending_fold_delay",
            "workers");

    /** Keys Swift's paste deployment or other daemons use that are fine to find and ignore. */
    static final Set<String> TOLERATED = Set.of(
            "use",
            "user",
            "log_facility",
            "log_level",
            "log_name",
            "log_address",
            "log_requests",
            "db_preallocation",
            "max_clients",
            "fallocate_reserve",
            "replication_server",
            "set log_name",
            "set log_level",
            "set log_facility",
            "set log_requests",
            "set log_address",
            "eventlet_debug");

    public AccountServerConfig {
        unknownKeys = List.copyOf(unknownKeys);
        if (Integer.bitCount(commitRingSize) != 1) {
            throw new IllegalArgumentException("commit_ring_size must be a power of two, got " + commitRingSize);
        }
        if (pendingFoldDelay.isNegative()) {
            throw new IllegalArgumentException("pending_fold_delay must be >= 0, got " + pendingFoldDelay);
        }
    }

    /** Reads {@code [app:account-server]} (with {@code [DEFAULT]}) of {@code file}. */
    public static AccountServerConfig from(IniFile file) {
        ConfigSection s = file.hasSection(SECTION) ? file.section(SECTION) : file.defaults();
        Set<String> known = new java.util.HashSet<>(KEYS);
        known.addAll(TOLERATED);
        List<String> unknown = new ArrayList<>(s.unknownKeys(known));
        return new AccountServerConfig(
                s.getString("bind_ip", "0.0.0.0"),
                s.getInt("bind_port", 6202, 0, 65535),
                Path.of(s.getString("devices", "/srv/node")),
                s.getBoolean("mount_check", true),
                Path.of(s.getString("swift_dir", "/etc/swift")),
                s.getString("auto_create_account_prefix", "."),
                s.getInt("threads_per_disk", 4, 1, 256),
                s.getInt("queue_per_disk", 1000, 1, 1_000_000),
                s.getInt("commit_ring_size", 4096, 2, 1 << 24),
                s.getInt("commit_max_batch", 1000, 1, 100_000),
                Duration.ofNanos(Math.round(s.getDouble("pending_fold_delay", 1.0, 0, 3600) * 1e9)),
                Math.max(1, s.getAutoInt("workers", Runtime.getRuntime().availableProcessors(), 0, 1024)),
                unknown);
    }

    /** Settings for tests: the given devices directory, port 0, no mount check. */
    public static AccountServerConfig forTest(Path devices) {
        return new AccountServerConfig(
                "127.0.0.1",
                0,
                devices,
                false,
                Path.of("/etc/swift"),
                ".",
                2,
                1000,
                1024,
                1000,
                Duration.ofSeconds(1),
                1,
                List.of());
    }
}
