package io.cairn.object.server;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.IniFile;
import io.cairn.object.diskfile.DiskFileConfig;
import io.cairn.object.diskfile.FallocateReserve;
import io.cairn.object.http.ObjectApiSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Swift's {@code object-server.conf}, parsed once: {@code [DEFAULT]} plus {@code [app:object-server]}
 * (paste-deploy rules: the app section inherits {@code [DEFAULT]}). Keys and defaults are Swift 2.30.1's
 * ({@code swift/obj/server.py}, {@code swift/common/wsgi.py}); {@link #ACTED_ON} lists what Cairn uses,
 * {@link #ACCEPTED} what Swift knows and Cairn accepts without acting on (reported at start), and
 * anything else is reported as unknown. {@code etc/object-server.conf-sample} lists exactly these keys
 * (a test keeps it so).
 *
 * <p>Immutable.
 */
public final class ObjectServerConfig {
    /** The paste-deploy section holding the object server's options. */
    public static final String APP_SECTION = "app:object-server";

    /** Keys Cairn acts on. */
    public static final Set<String> ACTED_ON = Set.of(
            "use", // egg:swift#object names this server: it is the app
            "devices",
            "mount_check",
            "bind_ip",
            "bind_port",
            "swift_dir",
            "allowed_headers",
            "max_upload_time",
            "client_timeout",
            "conn_timeout",
            "node_timeout",
            "container_update_timeout",
            "replication_server",
            "log_requests",
            "max_header_size",
            "device_threads",
            "device_queue",
            "reclaim_age",
            "disable_fallocate",
            "fallocate_reserve",
            "etag_validate_max_bytes",
            "disk_chunk_size",
            "replication_concurrency",
            "replication_lock_timeout",
            "replication_failure_threshold",
            "replication_failure_ratio",
            "workers",
            "expiring_objects_container_divisor",
            "expiring_objects_account_name",
            "auto_create_account_prefix");

    /** Keys Swift knows that Cairn accepts but does not act on (listed at start). */
    public static final Set<String> ACCEPTED = Set.of(
            "user",
            "log_name",
            "log_facility",
            "log_level",
            "log_address",
            "log_max_line_length",
            "log_custom_handlers",
            "log_udp_host",
            "log_udp_port",
            "log_statsd_host",
            "log_statsd_port",
            "log_statsd_default_sample_rate",
            "log_statsd_sample_rate_factor",
            "log_statsd_metric_prefix",
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
            "ionice_priority");

    private final Path devices;
    private final boolean mountCheck;
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
    private final List<String> ignoredKeys;
    private final List<String> unknownKeys;

    private ObjectServerConfig(ConfigSection app) {
        this.devices = Path.of(app.getString("devices", "/srv/node"));
        this.mountCheck = app.getBoolean("mount_check", true);
        this.bindIp = app.getString("bind_ip", "0.0.0.0");
        this.bindPort = app.getInt("bind_port", 6200, 0, 65535);
        this.swiftDir = Path.of(app.getString("swift_dir", "/etc/swift"));
        this.allowedHeaders = app.getList(
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
                        "x-robots-tag"));
        this.maxUploadTime = seconds(app.getDouble("max_upload_time", 86400, 0.001, 1e9));
        this.clientTimeout = seconds(app.getDouble("client_timeout", 60, 0.001, 1e6));
        this.connTimeout = seconds(app.getDouble("conn_timeout", 0.5, 0.001, 1e6));
        this.nodeTimeout = seconds(app.getDouble("node_timeout", 3, 0.001, 1e6));
        this.containerUpdateTimeout = seconds(app.getDouble("container_update_timeout", 1, 0.001, 1e6));
        this.replicationServer = app.getBoolean("replication_server", true);
        this.logRequests = app.getBoolean("log_requests", true);
        this.maxHeaderSize = app.getInt("max_header_size", 8192, 1024, 1 << 20);
        this.deviceThreads = app.getInt("device_threads", 4, 1, 256);
        this.workers =
                Math.max(1, app.getAutoInt("workers", Runtime.getRuntime().availableProcessors(), 0, 1024));
        this.deviceQueue = app.getInt("device_queue", 1024, 1, 1 << 20);
        this.reclaimAge = (long) app.getDouble("reclaim_age", DiskFileConfig.DEFAULT_RECLAIM_AGE, 0, 1e12);
        this.disableFallocate = app.getBoolean("disable_fallocate", false);
        this.fallocateReserve = fallocateReserve(app);
        this.etagValidateMaxBytes =
                app.getLong("etag_validate_max_bytes", ObjectApiSettings.DEFAULT_ETAG_VALIDATE_MAX_BYTES, 0, 1L << 30);
        this.diskChunkSize = app.getInt(
                "disk_chunk_size", ObjectApiSettings.DEFAULT_DISK_CHUNK_SIZE, 1, ObjectApiSettings.MAX_DISK_CHUNK_SIZE);
        this.replicationConcurrency = app.getInt("replication_concurrency", 4, 0, 4096);
        this.replicationLockTimeout = seconds(app.getDouble("replication_lock_timeout", 15, 0.001, 1e6));
        this.replicationFailureThreshold = app.getInt("replication_failure_threshold", 100, 1, Integer.MAX_VALUE);
        this.replicationFailureRatio = app.getDouble("replication_failure_ratio", 1.0, 0, 1e9);
        this.expiringObjectsContainerDivisor =
                app.getLong("expiring_objects_container_divisor", 86_400, 1, Long.MAX_VALUE / 2);
        this.expiringObjectsAccountName = app.getString("expiring_objects_account_name", "expiring_objects");
        this.autoCreateAccountPrefix = app.getString("auto_create_account_prefix", "");
        this.ignoredKeys = app.presentKeys(ACCEPTED);
        this.unknownKeys = app.unknownKeys(ACTED_ON, ACCEPTED);
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
        return new ObjectServerConfig(ini.section(APP_SECTION));
    }

    /** Swift's defaults (as if the file held only an empty {@code [app:object-server]}), for tests. */
    public static ObjectServerConfig defaults() {
        return from(IniFile.parse("[app:object-server]\n", "defaults"));
    }

    private static FallocateReserve fallocateReserve(ConfigSection app) {
        String value = app.getString("fallocate_reserve", FallocateReserve.DEFAULT.toString());
        try {
            return FallocateReserve.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    app.source(), app.name(), "fallocate_reserve", value, "expected bytes or a percentage (N%)");
        }
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }

    /** {@code devices}: the directory holding one directory per device (default {@code /srv/node}). */
    public Path devices() {
        return devices;
    }

    /** {@code mount_check}: a device must be a mount point (default true). */
    public boolean mountCheck() {
        return mountCheck;
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

    /** Keys present that Swift knows and Cairn ignores (e.g. {@code user}). */
    public List<String> ignoredKeys() {
        return ignoredKeys;
    }

    /** Keys present that neither Swift's object server nor Cairn know: probable typos. */
    public List<String> unknownKeys() {
        return unknownKeys;
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
