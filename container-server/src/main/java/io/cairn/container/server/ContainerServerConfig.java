package io.cairn.container.server;

import io.cairn.common.config.ConfigDefinition;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.ConfigValues;
import io.cairn.common.config.IniFile;
import io.cairn.common.config.ServerSettings;
import io.cairn.common.config.Setting;
import io.cairn.common.server.StorageServerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The container server's settings from Swift's {@code container-server.conf}: {@code [DEFAULT]} (the
 * process: devices, mount check, bind address, swift_dir, plus Cairn's executor and group-commit knobs)
 * and {@code [app:container-server]} (the application: timeouts, {@code allow_versions},
 * {@code replication_server}, the deprecated {@code auto_create_account_prefix}). Swift's WSGI
 * application reads the app section over {@code [DEFAULT]}, so every key is accepted in either. Keys
 * Swift has that Cairn does not act on (logging, workers, niceness, fallocate) are accepted so a
 * Swift file loads unchanged; anything else is listed by {@link #unknownKeys()} and reported at start.
 * {@link #DEFINITION} declares every key (common's config registry); {@code etc/container-server.conf-sample}
 * and the README's table are checked against it.
 *
 * <p>Immutable.
 */
public final class ContainerServerConfig {
    /** The WSGI application's section. */
    public static final String APP_SECTION = "app:container-server";

    private static final Setting<Integer> BIND_PORT = ServerSettings.bindPort(6201);
    private static final Setting<List<String>> ALLOWED_SYNC_HOSTS = Setting.list(
                    "allowed_sync_hosts", List.of("127.0.0.1"))
            .doc("Hosts allowed to send container-sync requests.");
    private static final Setting<Duration> NODE_TIMEOUT = Setting.seconds("node_timeout", 3, 0.001, 3600)
            .doc("Waiting for an account server's answer to a container report.");
    private static final Setting<Duration> CONN_TIMEOUT =
            Setting.seconds("conn_timeout", 0.5, 0.001, 3600).doc("Connecting to an account server.");
    private static final Setting<Boolean> ALLOW_VERSIONS =
            Setting.bool("allow_versions", false).doc("Accept `X-Versions-Location` (legacy versioning).");
    private static final Setting<String> AUTO_CREATE_ACCOUNT_PREFIX = Setting.string("auto_create_account_prefix", "")
            .doc("Deprecated per-server override; empty: `swift.conf`'s constraint applies.");
    private static final Setting<Boolean> REPLICATION_SERVER =
            Setting.bool("replication_server", true).doc("False refuses REPLICATE with 405.");
    private static final Setting<Integer> DEVICE_QUEUE = ServerSettings.deviceQueue(1024);
    private static final Setting<Integer> GROUP_COMMIT_RING_SIZE = ServerSettings.groupCommitRingSize(8192);
    private static final Setting<Integer> GROUP_COMMIT_MAX_BATCH = ServerSettings.groupCommitMaxBatch(1000, 1 << 20);
    private static final Setting<Integer> LISTING_CHUNK_SIZE = Setting.integer(
                    "listing_chunk_size", 64 * 1024, 512, 16 << 20)
            .cairnOnly()
            .doc("Bytes of listing encoded per write.");
    private static final Setting<Integer> MAX_REQUEST_BYTES = ServerSettings.maxRequestBytes(8 << 20);
    private static final Setting<Integer> MAX_OPEN_DBS =
            Setting.integer("max_open_dbs", 4096, 1, 1 << 20).cairnOnly().doc("Container DB connections kept open.");

    /** Every setting of the container server, and the Swift keys it accepts without acting on. */
    public static final ConfigDefinition DEFINITION = ConfigDefinition.of(
            "container-server",
            List.of(
                    ServerSettings.BIND_IP,
                    BIND_PORT,
                    ServerSettings.DEVICES,
                    ServerSettings.MOUNT_CHECK,
                    ServerSettings.SWIFT_DIR,
                    ALLOWED_SYNC_HOSTS,
                    NODE_TIMEOUT,
                    CONN_TIMEOUT,
                    ALLOW_VERSIONS,
                    AUTO_CREATE_ACCOUNT_PREFIX,
                    REPLICATION_SERVER,
                    ServerSettings.DEVICE_THREADS,
                    DEVICE_QUEUE,
                    GROUP_COMMIT_RING_SIZE,
                    GROUP_COMMIT_MAX_BATCH,
                    ServerSettings.PENDING_FOLD_DELAY,
                    LISTING_CHUNK_SIZE,
                    ServerSettings.CLIENT_TIMEOUT,
                    ServerSettings.LOG_REQUESTS,
                    ServerSettings.MAX_HEADER_SIZE,
                    MAX_OPEN_DBS,
                    MAX_REQUEST_BYTES,
                    ServerSettings.WORKERS),
            ServerSettings.withKeys(
                    ServerSettings.LOG_SHIPPING_KEYS,
                    List.of(
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
                            "log_max_line_length",
                            "log_anonymization_method",
                            "log_anonymization_salt",
                            "log_format",
                            "log_custom_handlers",
                            "nice_priority",
                            "ionice_class",
                            "ionice_priority")));

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
    private final StorageServerSettings serverSettings;

    private ContainerServerConfig(ConfigValues v, List<String> unknownKeys) {
        this.bindIp = v.get(ServerSettings.BIND_IP);
        this.bindPort = v.get(BIND_PORT);
        this.devices = v.get(ServerSettings.DEVICES);
        this.mountCheck = v.get(ServerSettings.MOUNT_CHECK);
        this.swiftDir = v.get(ServerSettings.SWIFT_DIR);
        this.allowedSyncHosts = v.get(ALLOWED_SYNC_HOSTS);
        this.nodeTimeout = v.get(NODE_TIMEOUT);
        this.connTimeout = v.get(CONN_TIMEOUT);
        this.allowVersions = v.get(ALLOW_VERSIONS);
        this.autoCreateAccountPrefix = v.get(AUTO_CREATE_ACCOUNT_PREFIX);
        this.replicationServer = v.get(REPLICATION_SERVER);
        this.deviceThreads = v.get(ServerSettings.DEVICE_THREADS);
        this.deviceQueue = v.get(DEVICE_QUEUE);
        this.groupCommitRingSize = v.get(GROUP_COMMIT_RING_SIZE);
        this.groupCommitMaxBatch = v.get(GROUP_COMMIT_MAX_BATCH);
        this.pendingFoldDelay = v.get(ServerSettings.PENDING_FOLD_DELAY);
        this.listingChunkSize = v.get(LISTING_CHUNK_SIZE);
        this.clientTimeout = v.get(ServerSettings.CLIENT_TIMEOUT);
        this.maxOpenDbs = v.get(MAX_OPEN_DBS);
        this.maxRequestBytes = v.get(MAX_REQUEST_BYTES);
        this.workers = ServerSettings.eventLoops(v.get(ServerSettings.WORKERS));
        this.unknownKeys = List.copyOf(unknownKeys);
        this.serverSettings = StorageServerSettings.from(
                "container", v, BIND_PORT, ServerSettings.DEVICE_THREADS, DEVICE_QUEUE, this.unknownKeys);
    }

    /** Reads {@code [app:container-server]} over {@code [DEFAULT]} from {@code file}. */
    public static ContainerServerConfig load(Path file) {
        return from(IniFile.load(file));
    }

    /**
     * Reads the sections of an already parsed file: the app section (or {@code [DEFAULT]} alone); unknown keys
     * of {@code [DEFAULT]} are reported too, since every key is accepted there.
     */
    public static ContainerServerConfig from(IniFile ini) {
        ConfigSection section = ini.hasSection(APP_SECTION) ? ini.section(APP_SECTION) : ini.defaults();
        ConfigValues values = DEFINITION.parse(section);
        List<String> unknown = new ArrayList<>(values.unknownKeys());
        for (String k : ini.defaults().unknownKeys(DEFINITION.knownKeys())) {
            if (!unknown.contains(k)) {
                unknown.add(k);
            }
        }
        return new ContainerServerConfig(values, unknown);
    }

    /**
     * Reads one section holding the container server's settings (with what it inherits).
     *
     * @throws io.cairn.common.config.ConfigException naming the key and the reason for a bad value
     */
    public static ContainerServerConfig from(ConfigSection section) {
        ConfigValues values = DEFINITION.parse(section);
        return new ContainerServerConfig(values, values.unknownKeys());
    }

    /** The settings the storage-server scaffold takes from this file. */
    public StorageServerSettings serverSettings() {
        return serverSettings;
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

    /** {@code client_timeout}: idle connections and clients too slow to take a listing chunk are cut after this. */
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
