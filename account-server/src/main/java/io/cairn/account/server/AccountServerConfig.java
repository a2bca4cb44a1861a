package io.cairn.account.server;

import io.cairn.common.config.ConfigDefinition;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.ConfigValues;
import io.cairn.common.config.IniFile;
import io.cairn.common.config.ServerSettings;
import io.cairn.common.config.Setting;
import io.cairn.common.server.StorageServerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The account server's settings from Swift's {@code account-server.conf} ({@code [DEFAULT]} and
 * {@code [app:account-server]}), with Swift's defaults, as {@link #DEFINITION} declares them (the README table and
 * {@code etc/account-server.conf-sample} are checked against it). The executor and group-commit keys have the
 * names the other servers use; the account server's old names ({@code threads_per_disk}, {@code queue_per_disk},
 * {@code commit_ring_size}, {@code commit_max_batch}) are read as deprecated aliases, with a warning. Immutable.
 *
 * @param bindIp {@code bind_ip}
 * @param bindPort {@code bind_port} (0 picks a free port)
 * @param devices {@code devices}: the devices directory
 * @param mountCheck {@code mount_check}
 * @param swiftDir {@code swift_dir}: where {@code swift.conf} lives
 * @param autoCreateAccountPrefix {@code auto_create_account_prefix}
 * @param deviceThreads {@code device_threads}: SQLite threads per device
 * @param deviceQueue {@code device_queue}: queued operations per device before 503
 * @param groupCommitRingSize {@code group_commit_ring_size}: slots of the group-commit ring (power of two)
 * @param groupCommitMaxBatch {@code group_commit_max_batch}: most reports appended to a {@code .pending} file in
 *     one write
 * @param pendingFoldDelay {@code pending_fold_delay} (seconds, default 1.0): how soon after a {@code .pending}
 *     file became non-empty it is folded into SQLite when no reader folded it first (0: after every append)
 * @param workers {@code workers} (default {@code auto}: one per core): event-loop threads; 0 in the file means one
 * @param clientTimeout {@code client_timeout} (default 60 s): a connection with no traffic either way for this
 *     long is closed
 * @param maxHeaderSize {@code max_header_size} (default 8192): the longest request header line read
 * @param maxRequestBytes {@code max_request_bytes} (default 64 MiB): the largest request body aggregated
 *     (REPLICATE {@code merge_items} batches are the largest)
 * @param logRequests {@code log_requests} (default true): one access-log line per request
 * @param unknownKeys keys present in the file that this server does not know (reported at start)
 */
public record AccountServerConfig(
        String bindIp,
        int bindPort,
        Path devices,
        boolean mountCheck,
        Path swiftDir,
        String autoCreateAccountPrefix,
        int deviceThreads,
        int deviceQueue,
        int groupCommitRingSize,
        int groupCommitMaxBatch,
        Duration pendingFoldDelay,
        int workers,
        Duration clientTimeout,
        int maxHeaderSize,
        int maxRequestBytes,
        boolean logRequests,
        List<String> unknownKeys) {

    /** The section Swift's paste pipeline reads. */
    public static final String SECTION = "app:account-server";

    private static final Setting<Integer> BIND_PORT = ServerSettings.bindPort(6202);
    private static final Setting<String> AUTO_CREATE_ACCOUNT_PREFIX = Setting.string("auto_create_account_prefix", ".")
            .doc("Deprecated in Swift: accounts with this prefix are created on first use.");
    private static final Setting<Integer> DEVICE_THREADS =
            ServerSettings.DEVICE_THREADS.deprecatedAlias("threads_per_disk");
    private static final Setting<Integer> DEVICE_QUEUE =
            ServerSettings.deviceQueue(1000).deprecatedAlias("queue_per_disk");
    private static final Setting<Integer> GROUP_COMMIT_RING_SIZE =
            ServerSettings.groupCommitRingSize(4096).deprecatedAlias("commit_ring_size");
    private static final Setting<Integer> GROUP_COMMIT_MAX_BATCH =
            ServerSettings.groupCommitMaxBatch(1000, 100_000).deprecatedAlias("commit_max_batch");
    /** REPLICATE merge_items batches (1000 rows) are the largest bodies; 64 MiB is far above them. */
    private static final Setting<Integer> MAX_REQUEST_BYTES = ServerSettings.maxRequestBytes(64 << 20);

    /** Every setting of the account server, and the Swift keys it accepts without acting on. */
    public static final ConfigDefinition DEFINITION = ConfigDefinition.of(
            "account-server",
            List.of(
                    ServerSettings.BIND_IP,
                    BIND_PORT,
                    ServerSettings.DEVICES,
                    ServerSettings.MOUNT_CHECK,
                    ServerSettings.SWIFT_DIR,
                    AUTO_CREATE_ACCOUNT_PREFIX,
                    DEVICE_THREADS,
                    DEVICE_QUEUE,
                    GROUP_COMMIT_RING_SIZE,
                    GROUP_COMMIT_MAX_BATCH,
                    ServerSettings.PENDING_FOLD_DELAY,
                    ServerSettings.WORKERS,
                    ServerSettings.CLIENT_TIMEOUT,
                    ServerSettings.MAX_HEADER_SIZE,
                    MAX_REQUEST_BYTES,
                    ServerSettings.LOG_REQUESTS),
            List.of(
                    "user",
                    "log_facility",
                    "log_level",
                    "log_name",
                    "log_address",
                    "db_preallocation",
                    "max_clients",
                    "fallocate_reserve",
                    "replication_server",
                    "eventlet_debug"));

    public AccountServerConfig {
        unknownKeys = List.copyOf(unknownKeys);
        if (Integer.bitCount(groupCommitRingSize) != 1) {
            throw new IllegalArgumentException(
                    "group_commit_ring_size must be a power of two, got " + groupCommitRingSize);
        }
        if (pendingFoldDelay.isNegative()) {
            throw new IllegalArgumentException("pending_fold_delay must be >= 0, got " + pendingFoldDelay);
        }
    }

    /** The settings the storage-server scaffold takes from this file. */
    public StorageServerSettings serverSettings() {
        return new StorageServerSettings(
                "account",
                bindIp,
                bindPort,
                workers,
                deviceThreads,
                deviceQueue,
                devices,
                clientTimeout,
                maxHeaderSize,
                logRequests,
                unknownKeys);
    }

    /** Reads {@code [app:account-server]} (with {@code [DEFAULT]}) of {@code file}, or {@code [DEFAULT]} alone. */
    public static AccountServerConfig from(IniFile file) {
        return from(file.hasSection(SECTION) ? file.section(SECTION) : file.defaults());
    }

    /**
     * Reads one section holding the account server's settings (with what it inherits).
     *
     * @throws io.cairn.common.config.ConfigException naming the key and the reason for a bad value
     */
    public static AccountServerConfig from(ConfigSection section) {
        ConfigValues v = DEFINITION.parse(section);
        return new AccountServerConfig(
                v.get(ServerSettings.BIND_IP),
                v.get(BIND_PORT),
                v.get(ServerSettings.DEVICES),
                v.get(ServerSettings.MOUNT_CHECK),
                v.get(ServerSettings.SWIFT_DIR),
                v.get(AUTO_CREATE_ACCOUNT_PREFIX),
                v.get(DEVICE_THREADS),
                v.get(DEVICE_QUEUE),
                v.get(GROUP_COMMIT_RING_SIZE),
                v.get(GROUP_COMMIT_MAX_BATCH),
                v.get(ServerSettings.PENDING_FOLD_DELAY),
                ServerSettings.eventLoops(v.get(ServerSettings.WORKERS)),
                v.get(ServerSettings.CLIENT_TIMEOUT),
                v.get(ServerSettings.MAX_HEADER_SIZE),
                v.get(MAX_REQUEST_BYTES),
                v.get(ServerSettings.LOG_REQUESTS),
                v.unknownKeys());
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
                Duration.ofSeconds(60),
                8192,
                64 << 20,
                true,
                List.of());
    }
}
