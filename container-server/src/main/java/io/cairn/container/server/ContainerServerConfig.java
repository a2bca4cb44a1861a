package io.cairn.container.server;

import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.IniFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The container server's settings from Swift's {@code container-server.conf}: {@code [DEFAULT]} (the
 * process: devices, mount check, bind address, swift_dir, plus Cairn's executor and group-commit knobs)
 * and {@code [app:container-server]} (the application: timeouts, {@code allow_versions},
 * {@code replication_server}, the deprecated {@code auto_create_account_prefix}). Swift's WSGI
 * application reads the app section over {@code [DEFAULT]}, so every key is accepted in either. Keys
 * Swift has that Cairn does not act on (logging, workers, niceness, fallocate) are accepted so a
 * Swift file loads unchanged; anything else is listed by {@link #unknownKeys()} and reported at start.
 * {@code etc/container-server.conf-sample} lists exactly {@link #KNOWN_KEYS} (a test checks it).
 *
 * <p>Immutable.
 */
public final class ContainerServerConfig {
    /** The WSGI application's section. */
    public static final String APP_SECTION = "app:container-server";

    /** Keys read and acted on. */
    public static final List<String> USED_KEYS = List.of(
            "bind_ip",
            "bind_port",
            "devices",
            "mount_check",
            "swift_dir",
            "allowed_sync_hosts",
            "node_timeout",
            "conn_timeout",
            "allow_versions",
            "auto_create_account_prefix",
            "replication_server",
            "device_threads",
            "device_queue",
            "group_commit_ring_size",
            "group_commit_max_batch",
            "pending_fold_delay",
            "listing_chunk_size",
            "client_timeout",
            "max_open_dbs",
            "max_request_bytes",
            "workers");

    /** Swift keys accepted without effect in Cairn (logging, process and OS tuning). */
    public static final List<String> IGNORED_SWIFT_KEYS = List.of(
            "use",
            "user",
            "max_clients",
            "backlog",
            "bind_timeout",
            "keep_idle",
            "disable_fallocate",
            "fallocate_reserve",
            "db_preallocation",
            "db_query_logging",
            "eventlet_debug",
            "log_name",
            "log_facility",
            "log_level",
            "log_address",
            "log_requests",
            "log_max_line_length",
            "log_anonymization_method",
            "log_anonymization_salt",
            "log_format",
            "log_custom_handlers",
            "log_udp_host",
            "log_udp_port",
            "log_statsd_host",
            "log_statsd_port",
            "log_statsd_default_sample_rate",
            "log_statsd_sample_rate_factor",
            "log_statsd_metric_prefix",
            "nice_priority",
            "ionice_class",
            "ionice_priority");

    /** Every key this config knows: {@link #USED_KEYS} and {@link #IGNORED_SWIFT_KEYS}. */
    public static final Set<String> KNOWN_KEYS;

    static {
        Set<String> all = new LinkedHashSet<>(USED_KEYS);
        all.addAll(IGNORED_SWIFT_KEYS);
        KNOWN_KEYS = Set.copyOf(all);
    }

    private final String bindIp;
    private final int bindPort;
    private final Path devices;
    private final boolean mountCheck;
    private final Path swiftDir;
    private final List<String> allowedSyncHosts;
    private final Duration nodeTimeout;
    private final Duration connTimeout;
    private final boolean allowVersions;
    private final String autoCreateAccountPrefix;
    private final boolean replicationServer;
    private final int deviceThreads;
    private final int deviceQueue;
    private final int groupCommitRingSize;
    private final int groupCommitMaxBatch;
    private final Duration pendingFoldDelay;
    private final int listingChunkSize;
    private final Duration clientTimeout;
    private final int maxOpenDbs;
    private final int maxRequestBytes;
    private final int workers;
    private final List<String> unknownKeys;

    private ContainerServerConfig(ConfigSection s, List<String> unknownKeys) {
        this.bindIp = s.getString("bind_ip", "0.0.0.0");
        this.bindPort = s.getInt("bind_port", 6201, 0, 65535);
        this.devices = Path.of(s.getString("devices", "/srv/node"));
        this.mountCheck = s.getBoolean("mount_check", true);
        this.swiftDir = Path.of(s.getString("swift_dir", "/etc/swift"));
        this.allowedSyncHosts = s.getList("allowed_sync_hosts", List.of("127.0.0.1"));
        this.nodeTimeout = seconds(s.getDouble("node_timeout", 3, 0.001, 3600));
        this.connTimeout = seconds(s.getDouble("conn_timeout", 0.5, 0.001, 3600));
        this.allowVersions = s.getBoolean("allow_versions", false);
        this.autoCreateAccountPrefix = s.getString("auto_create_account_prefix", "");
        this.replicationServer = s.getBoolean("replication_server", true);
        this.deviceThreads = s.getInt("device_threads", 4, 1, 256);
        this.deviceQueue = s.getInt("device_queue", 1024, 1, 1 << 20);
        this.groupCommitRingSize = s.getInt("group_commit_ring_size", 8192, 2, 1 << 24);
        if (Integer.bitCount(groupCommitRingSize) != 1) {
            throw new IllegalArgumentException("group_commit_ring_size must be a power of two: " + groupCommitRingSize);
        }
        this.groupCommitMaxBatch = s.getInt("group_commit_max_batch", 1000, 1, 1 << 20);
        this.pendingFoldDelay = seconds(s.getDouble("pending_fold_delay", 1.0, 0, 3600));
        this.listingChunkSize = s.getInt("listing_chunk_size", 64 * 1024, 512, 16 << 20);
        this.clientTimeout = seconds(s.getDouble("client_timeout", 60, 0.001, 86400));
        this.maxOpenDbs = s.getInt("max_open_dbs", 4096, 1, 1 << 20);
        this.maxRequestBytes = s.getInt("max_request_bytes", 8 << 20, 1024, 1 << 30);
        this.workers = Math.max(1, s.getAutoInt("workers", Runtime.getRuntime().availableProcessors(), 0, 1024));
        this.unknownKeys = List.copyOf(unknownKeys);
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    /** Reads {@code [app:container-server]} over {@code [DEFAULT]} from {@code file}. */
    public static ContainerServerConfig load(Path file) {
        return from(IniFile.load(file));
    }

    /** Reads the sections of an already parsed file. */
    public static ContainerServerConfig from(IniFile ini) {
        ConfigSection section = ini.hasSection(APP_SECTION) ? ini.section(APP_SECTION) : ini.defaults();
        List<String> unknown = new ArrayList<>(section.unknownKeys(KNOWN_KEYS));
        for (String k : ini.defaults().unknownKeys(KNOWN_KEYS)) {
            if (!unknown.contains(k)) {
                unknown.add(k);
            }
        }
        return new ContainerServerConfig(section, unknown);
    }

    public String bindIp() {
        return bindIp;
    }

    public int bindPort() {
        return bindPort;
    }

    public Path devices() {
        return devices;
    }

    public boolean mountCheck() {
        return mountCheck;
    }

    public Path swiftDir() {
        return swiftDir;
    }

    public List<String> allowedSyncHosts() {
        return allowedSyncHosts;
    }

    public Duration nodeTimeout() {
        return nodeTimeout;
    }

    public Duration connTimeout() {
        return connTimeout;
    }

    public boolean allowVersions() {
        return allowVersions;
    }

    /** The deprecated per-server override, or empty to use {@code swift.conf}'s constraint. */
    public String autoCreateAccountPrefix() {
        return autoCreateAccountPrefix;
    }

    public boolean replicationServer() {
        return replicationServer;
    }

    public int deviceThreads() {
        return deviceThreads;
    }

    public int deviceQueue() {
        return deviceQueue;
    }

    public int groupCommitRingSize() {
        return groupCommitRingSize;
    }

    public int groupCommitMaxBatch() {
        return groupCommitMaxBatch;
    }

    /**
     * {@code pending_fold_delay} (seconds, default 1.0): how soon after a container DB's {@code .pending}
     * file became non-empty its rows are folded into SQLite when nobody reads it first; 0 folds after every
     * append batch.
     */
    public Duration pendingFoldDelay() {
        return pendingFoldDelay;
    }

    public int listingChunkSize() {
        return listingChunkSize;
    }

    /** Idle connections and clients too slow to take a listing chunk are cut after this. */
    public Duration clientTimeout() {
        return clientTimeout;
    }

    public int maxOpenDbs() {
        return maxOpenDbs;
    }

    /** Largest request body accepted (container requests are tiny; REPLICATE bodies are the largest). */
    public int maxRequestBytes() {
        return maxRequestBytes;
    }

    /** {@code workers} (default {@code auto}: one per core, as Swift's {@code config_auto_int_value}): event-loop
     * threads; 0 means one, as Swift's single-process mode. */
    public int workers() {
        return workers;
    }

    /** Keys set in the file that this config does not know (probable typos), sorted. */
    public List<String> unknownKeys() {
        return unknownKeys;
    }
}
