package io.cairn.object.server;

import io.cairn.common.config.ConfigDefinition;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.ConfigValues;
import io.cairn.common.config.IniFile;
import io.cairn.common.config.ServerSettings;
import io.cairn.common.config.Setting;
import io.cairn.common.config.StorageDaemonConfig;
import io.cairn.common.server.StorageServerSettings;
import io.cairn.object.diskfile.DiskFileConfig;
import io.cairn.object.diskfile.FallocateReserve;
import io.cairn.object.http.ObjectApiSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Swift's {@code object-server.conf}, parsed once: {@code [DEFAULT]} plus {@code [app:object-server]}
 * (paste-deploy rules: the app section inherits {@code [DEFAULT]}). Keys and defaults are Swift 2.30.1's
 * ({@code swift/obj/server.py}, {@code swift/common/wsgi.py}), declared once in {@link #DEFINITION} (common's
 * config registry): its settings are what Cairn uses, its accepted keys what Swift knows and Cairn accepts
 * without acting on (reported at start), and anything else is reported as unknown. {@code
 * etc/object-server.conf-sample} and the README's table list exactly these keys (a test keeps them so).
 *
 * <p>Immutable.
 */
public final class ObjectServerConfig extends StorageDaemonConfig {
    /** The paste-deploy section holding the object server's options. */
    public static final String APP_SECTION = "app:object-server";

    private static final Setting<Integer> BIND_PORT = ServerSettings.bindPort(6200);
    private static final Setting<List<String>> ALLOWED_HEADERS = Setting.list(
                    "allowed_headers",
                    List.of(
                            "content-disposition",
                            "content-encoding",
                            "x-delete-at",
                            "x-object-manifest",
                            "x-static-large-object",
                            "cache-control",
                            "content-language",
                            "expires",
                            "x-robots-tag"))
            .doc("Headers stored with objects besides metadata.");
    private static final Setting<Duration> MAX_UPLOAD_TIME =
            Setting.seconds("max_upload_time", 86400, 0.001, 1e9).doc("A longer PUT answers 408.");
    private static final Setting<Duration> CONN_TIMEOUT =
            Setting.seconds("conn_timeout", 0.5, 0.001, 1e6).doc("Connecting to a container server.");
    private static final Setting<Duration> NODE_TIMEOUT =
            Setting.seconds("node_timeout", 3, 0.001, 1e6).doc("Waiting for a container server's answer.");
    private static final Setting<Duration> CONTAINER_UPDATE_TIMEOUT = Setting.seconds(
                    "container_update_timeout", 1, 0.001, 1e6)
            .doc("How long a response waits for its container updates.");
    private static final Setting<Boolean> REPLICATION_SERVER =
            Setting.bool("replication_server", true).doc("False refuses REPLICATE and SSYNC with 405.");
    private static final Setting<Integer> DEVICE_QUEUE = ServerSettings.deviceQueue(1024);
    private static final Setting<Double> RECLAIM_AGE = Setting.number(
                    "reclaim_age", DiskFileConfig.DEFAULT_RECLAIM_AGE, 0, 1e12)
            .doc("Seconds a tombstone is kept (whole seconds used).");
    private static final Setting<Boolean> DISABLE_FALLOCATE =
            Setting.bool("disable_fallocate", false).doc("Do not preallocate object files.");
    private static final Setting<FallocateReserve> FALLOCATE_RESERVE = Setting.parsed(
                    "fallocate_reserve",
                    "bytes or N%",
                    FallocateReserve.DEFAULT.toString(),
                    "expected bytes or a percentage (N%)",
                    FallocateReserve::parse)
            .doc("Free space kept on each device; a PUT that would go below it answers 507.");
    private static final Setting<Long> ETAG_VALIDATE_MAX_BYTES = Setting.longInteger(
                    "etag_validate_max_bytes", ObjectApiSettings.DEFAULT_ETAG_VALIDATE_MAX_BYTES, 0, 1L << 30)
            .cairnOnly()
            .doc("A whole-object GET up to this size is MD5-checked before the response starts; larger ones are"
                    + " cut short before their last chunk when corrupt.");
    private static final Setting<Integer> DISK_CHUNK_SIZE = Setting.integer(
                    "disk_chunk_size",
                    ObjectApiSettings.DEFAULT_DISK_CHUNK_SIZE,
                    1,
                    ObjectApiSettings.MAX_DISK_CHUNK_SIZE)
            .doc("Body bytes a streamed GET reads from the disk at once.");
    private static final Setting<Integer> REPLICATION_CONCURRENCY = Setting.integer(
                    "replication_concurrency", 4, 0, 4096)
            .doc("Concurrent SSYNC requests (0: unlimited); 503 beyond.");
    private static final Setting<Duration> REPLICATION_LOCK_TIMEOUT = Setting.seconds(
                    "replication_lock_timeout", 15, 0.001, 1e6)
            .doc("Waiting for another SSYNC of the same partition.");
    private static final Setting<Integer> REPLICATION_FAILURE_THRESHOLD = Setting.integer(
                    "replication_failure_threshold", 100, 1, Integer.MAX_VALUE)
            .doc("Failed SSYNC subrequests before hanging up.");
    private static final Setting<Double> REPLICATION_FAILURE_RATIO = Setting.number(
                    "replication_failure_ratio", 1.0, 0, 1e9)
            .doc("Failures per success above which SSYNC hangs up.");
    private static final Setting<Long> EXPIRING_OBJECTS_CONTAINER_DIVISOR = Setting.longInteger(
                    "expiring_objects_container_divisor", 86_400, 1, Long.MAX_VALUE / 2)
            .doc("Seconds of `X-Delete-At` per expirer task container.");
    private static final Setting<String> EXPIRING_OBJECTS_ACCOUNT_NAME = Setting.string(
                    "expiring_objects_account_name", "expiring_objects")
            .doc("The expirer queue's account, without its prefix.");
    private static final Setting<String> AUTO_CREATE_ACCOUNT_PREFIX = Setting.string("auto_create_account_prefix", "")
            .doc("Deprecated per-server override; empty: `swift.conf`'s constraint applies.");

    /** Every setting of the object server, and the Swift keys it accepts without acting on. */
    public static final ConfigDefinition DEFINITION = ConfigDefinition.of(
            "object-server",
            List.of(
                    ServerSettings.DEVICES,
                    ServerSettings.MOUNT_CHECK,
                    ServerSettings.BIND_IP,
                    BIND_PORT,
                    ServerSettings.SWIFT_DIR,
                    ALLOWED_HEADERS,
                    MAX_UPLOAD_TIME,
                    ServerSettings.CLIENT_TIMEOUT,
                    CONN_TIMEOUT,
                    NODE_TIMEOUT,
                    CONTAINER_UPDATE_TIMEOUT,
                    REPLICATION_SERVER,
                    ServerSettings.LOG_REQUESTS,
                    ServerSettings.MAX_HEADER_SIZE,
                    ServerSettings.DEVICE_THREADS,
                    DEVICE_QUEUE,
                    RECLAIM_AGE,
                    DISABLE_FALLOCATE,
                    FALLOCATE_RESERVE,
                    ETAG_VALIDATE_MAX_BYTES,
                    DISK_CHUNK_SIZE,
                    REPLICATION_CONCURRENCY,
                    REPLICATION_LOCK_TIMEOUT,
                    REPLICATION_FAILURE_THRESHOLD,
                    REPLICATION_FAILURE_RATIO,
                    ServerSettings.WORKERS,
                    EXPIRING_OBJECTS_CONTAINER_DIVISOR,
                    EXPIRING_OBJECTS_ACCOUNT_NAME,
                    AUTO_CREATE_ACCOUNT_PREFIX),
            ServerSettings.withKeys(
                    ServerSettings.LOG_SHIPPING_KEYS,
                    List.of(
                            "user",
                            "log_name",
                            "log_facility",
                            "log_level",
                            "log_address",
                            "log_max_line_length",
                            "log_custom_handlers",
                            "log_format",
                            "eventlet_debug",
                            "backlog",
                            "keep_idle",
                            "max_clients",
                            "bind_timeout",
                            "servers_per_port",
                            "recon_cache_path",
                            "network_chunk_size",
                            "keep_cache_size",
                            "keep_cache_private",
                            "mb_per_sync",
                            "slow",
                            "splice",
                            "replication_one_per_device",
                            "eventlet_tpool_num_threads",
                            "nice_priority",
                            "ionice_class",
                            "ionice_priority")));

    private final String bindIp;
    private final int bindPort;
    private final Path swiftDir;
    private final List<String> allowedHeaders;
    private final Duration maxUploadTime;
    private final Duration clientTimeout;
    private final Duration connTimeout;
    private final Duration nodeTimeout;
    private final Duration containerUpdateTimeout;
    private final boolean replicationServer;
    private final boolean logRequests;
    private final int maxHeaderSize;
    private final int deviceThreads;
    private final int workers;
    private final int deviceQueue;
    private final long reclaimAge;
    private final boolean disableFallocate;
    private final FallocateReserve fallocateReserve;
    private final long etagValidateMaxBytes;
    private final int diskChunkSize;
    private final int replicationConcurrency;
    private final Duration replicationLockTimeout;
    private final int replicationFailureThreshold;
    private final double replicationFailureRatio;
    private final long expiringObjectsContainerDivisor;
    private final String expiringObjectsAccountName;
    private final String autoCreateAccountPrefix;
    private final StorageServerSettings serverSettings;

    private ObjectServerConfig(ConfigValues v) {
        super(v);
        this.bindIp = v.get(ServerSettings.BIND_IP);
        this.bindPort = v.get(BIND_PORT);
        this.swiftDir = v.get(ServerSettings.SWIFT_DIR);
        this.allowedHeaders = v.get(ALLOWED_HEADERS);
        this.maxUploadTime = v.get(MAX_UPLOAD_TIME);
        this.clientTimeout = v.get(ServerSettings.CLIENT_TIMEOUT);
        this.connTimeout = v.get(CONN_TIMEOUT);
        this.nodeTimeout = v.get(NODE_TIMEOUT);
        this.containerUpdateTimeout = v.get(CONTAINER_UPDATE_TIMEOUT);
        this.replicationServer = v.get(REPLICATION_SERVER);
        this.logRequests = v.get(ServerSettings.LOG_REQUESTS);
        this.maxHeaderSize = v.get(ServerSettings.MAX_HEADER_SIZE);
        this.deviceThreads = v.get(ServerSettings.DEVICE_THREADS);
        this.workers = ServerSettings.eventLoops(v.get(ServerSettings.WORKERS));
        this.deviceQueue = v.get(DEVICE_QUEUE);
        this.reclaimAge = v.get(RECLAIM_AGE).longValue();
        this.disableFallocate = v.get(DISABLE_FALLOCATE);
        this.fallocateReserve = v.get(FALLOCATE_RESERVE);
        this.etagValidateMaxBytes = v.get(ETAG_VALIDATE_MAX_BYTES);
        this.diskChunkSize = v.get(DISK_CHUNK_SIZE);
        this.replicationConcurrency = v.get(REPLICATION_CONCURRENCY);
        this.replicationLockTimeout = v.get(REPLICATION_LOCK_TIMEOUT);
        this.replicationFailureThreshold = v.get(REPLICATION_FAILURE_THRESHOLD);
        this.replicationFailureRatio = v.get(REPLICATION_FAILURE_RATIO);
        this.expiringObjectsContainerDivisor = v.get(EXPIRING_OBJECTS_CONTAINER_DIVISOR);
        this.expiringObjectsAccountName = v.get(EXPIRING_OBJECTS_ACCOUNT_NAME);
        this.autoCreateAccountPrefix = v.get(AUTO_CREATE_ACCOUNT_PREFIX);
        this.serverSettings = StorageServerSettings.from(
                "object", v, BIND_PORT, ServerSettings.DEVICE_THREADS, DEVICE_QUEUE, v.unknownKeys());
    }

    /** Reads {@code file}'s {@code [app:object-server]} with {@code [DEFAULT]}. */
    public static ObjectServerConfig load(Path file) {
        return from(IniFile.load(file));
    }

    /**
     * From a parsed file.
     *
     * @throws io.cairn.common.config.ConfigException if the section is missing or a value is invalid
     */
    public static ObjectServerConfig from(IniFile ini) {
        return from(ini.section(APP_SECTION));
    }

    /**
     * From one section holding the object server's settings (with what it inherits).
     *
     * @throws io.cairn.common.config.ConfigException naming the key and the reason for a bad value
     */
    public static ObjectServerConfig from(ConfigSection app) {
        return new ObjectServerConfig(DEFINITION.parse(app));
    }

    /** Swift's defaults (as if the file held only an empty {@code [app:object-server]}), for tests. */
    public static ObjectServerConfig defaults() {
        return from(IniFile.parse("[app:object-server]\n", "defaults"));
    }

    /** The settings the storage-server scaffold takes from this file. */
    public StorageServerSettings serverSettings() {
        return serverSettings;
    }

    public String bindIp() {
        return bindIp;
    }

    /** {@code bind_port} (default 6200; 0 picks a free port). */
    public int bindPort() {
        return bindPort;
    }

    /** {@code swift_dir}: where {@code swift.conf} is (default {@code /etc/swift}). */
    public Path swiftDir() {
        return swiftDir;
    }

    /**
     * The storage layer's settings: {@code reclaim_age} (default one week), {@code disable_fallocate} (default
     * false) and {@code fallocate_reserve} (default {@code 1%}).
     */
    public DiskFileConfig diskFileConfig() {
        return new DiskFileConfig(
                reclaimAge, false, DiskFileConfig.DEFAULT_MAX_PARTITIONS, !disableFallocate, fallocateReserve);
    }

    /** {@code allowed_headers}: headers stored with objects besides metadata. */
    public List<String> allowedHeaders() {
        return allowedHeaders;
    }

    /** {@code max_upload_time} (default 86400 s): a longer PUT answers 408. */
    public Duration maxUploadTime() {
        return maxUploadTime;
    }

    /** {@code client_timeout} (default 60 s): a connection idle that long is closed (a PUT answers 408). */
    public Duration clientTimeout() {
        return clientTimeout;
    }

    /** {@code conn_timeout} (default 0.5 s): connecting to a container server. */
    public Duration connTimeout() {
        return connTimeout;
    }

    /** {@code node_timeout} (default 3 s): a container server's answer. */
    public Duration nodeTimeout() {
        return nodeTimeout;
    }

    /** {@code container_update_timeout} (default 1 s): how long a response waits for container updates. */
    public Duration containerUpdateTimeout() {
        return containerUpdateTimeout;
    }

    /** {@code replication_server} (default true): false refuses REPLICATE with 405. */
    public boolean replicationServer() {
        return replicationServer;
    }

    /** {@code log_requests} (default true): one access-log line per request. */
    public boolean logRequests() {
        return logRequests;
    }

    /** {@code max_header_size} (default 8192, Swift's {@code MAX_HEADER_SIZE}): longest header line. */
    public int maxHeaderSize() {
        return maxHeaderSize;
    }

    /** Cairn's {@code device_threads} (default 4): threads of each device's executor. */
    public int deviceThreads() {
        return deviceThreads;
    }

    /** {@code workers} (default {@code auto}: one per core, as Swift's {@code config_auto_int_value}): event-loop
     * threads; 0 means one, as Swift's single-process mode. */
    public int workers() {
        return workers;
    }

    /** Cairn's {@code device_queue} (default 1024): queued operations per device before 503. */
    public int deviceQueue() {
        return deviceQueue;
    }

    /**
     * Cairn's {@code etag_validate_max_bytes} (default 8 MiB, at most 1 GiB): a GET of a whole object up to
     * this size is read and MD5-checked before the response starts (corrupt: quarantined, 404); larger
     * whole-object GETs stream through an MD5 and are cut short before their last chunk when corrupt.
     */
    public long etagValidateMaxBytes() {
        return etagValidateMaxBytes;
    }

    /**
     * Swift's {@code disk_chunk_size} (default 65536, at most 16 MiB): body bytes a streamed GET reads
     * from the disk at once (whole bodies above {@code etag_validate_max_bytes}, multi-range bodies).
     */
    public int diskChunkSize() {
        return diskChunkSize;
    }

    /** {@code expiring_objects_container_divisor}: seconds of {@code X-Delete-At} per expirer task container. */
    public long expiringObjectsContainerDivisor() {
        return expiringObjectsContainerDivisor;
    }

    /** {@code expiring_objects_account_name} (the queue's account without its prefix). */
    public String expiringObjectsAccountName() {
        return expiringObjectsAccountName;
    }

    /**
     * The deprecated {@code auto_create_account_prefix} of this file, or empty: then swift.conf's
     * {@code [swift-constraints]} value applies, as in Swift.
     */
    public String autoCreateAccountPrefix() {
        return autoCreateAccountPrefix;
    }

    /** {@code replication_concurrency} (default 4; 0 = unlimited): concurrent SSYNC requests, 503 beyond. */
    public int replicationConcurrency() {
        return replicationConcurrency;
    }

    /** {@code replication_lock_timeout} (default 15 s): waiting for another SSYNC of the same partition. */
    public Duration replicationLockTimeout() {
        return replicationLockTimeout;
    }

    /** {@code replication_failure_threshold} (default 100): failed SSYNC subrequests before hanging up. */
    public int replicationFailureThreshold() {
        return replicationFailureThreshold;
    }

    /** {@code replication_failure_ratio} (default 1.0): failures per success above which SSYNC hangs up. */
    public double replicationFailureRatio() {
        return replicationFailureRatio;
    }
}
