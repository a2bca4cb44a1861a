package io.cairn.common.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings every storage server shares, defined once so each has the same name, type, range and meaning in
 * every server's {@link ConfigDefinition}. Where defaults differ between servers (the port, the queue), a
 * factory takes the server's default.
 *
 * <p>Thread-safety: immutable constants.
 */
public final class ServerSettings {
    /** {@code bind_ip}. */
    public static final Setting<String> BIND_IP =
            Setting.string("bind_ip", "0.0.0.0").doc("Address to listen on.");
    /** {@code devices}. */
    public static final Setting<Path> DEVICES =
            Setting.path("devices", "/srv/node").doc("Directory holding one directory per device.");
    /** {@code mount_check}. */
    public static final Setting<Boolean> MOUNT_CHECK =
            Setting.bool("mount_check", true).doc("A device must be a mount point (else 507).");
    /** {@code swift_dir}. */
    public static final Setting<Path> SWIFT_DIR =
            Setting.path("swift_dir", "/etc/swift").doc("Where `swift.conf` and the rings are.");
    /** {@code workers}: Swift's worker processes, Cairn's event-loop threads. */
    public static final Setting<Integer> WORKERS = Setting.autoInteger(
                    "workers", "one per core", () -> Runtime.getRuntime().availableProcessors(), 0, 1024)
            .doc("Event-loop threads (Swift: worker processes); 0 means one, as Swift's single-process mode.");
    /** {@code device_threads}. */
    public static final Setting<Integer> DEVICE_THREADS =
            Setting.integer("device_threads", 4, 1, 256).cairnOnly().doc("Threads of each device's I/O executor.");
    /** {@code pending_fold_delay}. */
    public static final Setting<Duration> PENDING_FOLD_DELAY = Setting.seconds("pending_fold_delay", 1.0, 0, 3600)
            .cairnOnly()
            .doc("Seconds after a DB's `.pending` file became non-empty until it is folded into SQLite when no"
                    + " reader folded it first (0: after every append batch).");

    /** {@code client_timeout}: Swift's socket timeout of every storage server's WSGI server. */
    public static final Setting<Duration> CLIENT_TIMEOUT = Setting.seconds("client_timeout", 60, 0.001, 1e6)
            .doc("A connection with no traffic either way for this long is closed (an object PUT answers 408"
                    + " first).");
    /** {@code log_requests}: one access-log line per request. */
    public static final Setting<Boolean> LOG_REQUESTS =
            Setting.bool("log_requests", true).doc("One access-log line per request.");
    /** {@code max_header_size}: the longest request header line a storage server reads. */
    public static final Setting<Integer> MAX_HEADER_SIZE = Setting.integer("max_header_size", 8192, 1024, 1 << 20)
            .doc("Longest header line (Swift's `MAX_HEADER_SIZE`).");

    private ServerSettings() {}

    /** {@code bind_port} with this server's default (Swift's: 6200 object, 6201 container, 6202 account). */
    public static Setting<Integer> bindPort(int defaultPort) {
        return Setting.integer("bind_port", defaultPort, 0, 65535).doc("Port to listen on (0 picks a free port).");
    }

    /** {@code device_queue}: operations queued per device before 503. */
    public static Setting<Integer> deviceQueue(int defaultSize) {
        return Setting.integer("device_queue", defaultSize, 1, 1 << 20)
                .cairnOnly()
                .doc("Operations queued per device before the server answers 503 for it.");
    }

    /** {@code max_request_bytes}: the largest request body a DB server aggregates (REPLICATE's are the largest). */
    public static Setting<Integer> maxRequestBytes(int defaultBytes) {
        return Setting.integer("max_request_bytes", defaultBytes, 1024, 1 << 30)
                .cairnOnly()
                .doc("Largest request body accepted (REPLICATE bodies are the largest).");
    }

    /** {@code group_commit_ring_size}: slots of the ring batching DB updates into {@code .pending} appends. */
    public static Setting<Integer> groupCommitRingSize(int defaultSize) {
        return Setting.integer("group_commit_ring_size", defaultSize, 2, 1 << 24)
                .cairnOnly()
                .require(n -> Integer.bitCount(n) == 1, "must be a power of two")
                .doc("Slots of the ring that batches DB updates into `.pending` appends.");
    }

    /** {@code group_commit_max_batch}: most updates appended to one {@code .pending} file in one write. */
    public static Setting<Integer> groupCommitMaxBatch(int defaultSize, int max) {
        return Setting.integer("group_commit_max_batch", defaultSize, 1, max)
                .cairnOnly()
                .doc("Most updates appended to one `.pending` file in one write.");
    }

    /** The event-loop threads for a {@code workers} value: 0 means one. */
    public static int eventLoops(int workers) {
        return Math.max(1, workers);
    }

    /** Swift's keys for a daemon's process (its user, syslog, nice and ionice) that Cairn accepts and does not act on. */
    public static final List<String> PROCESS_KEYS = List.of(
            "user",
            "log_name",
            "log_facility",
            "log_level",
            "log_address",
            "nice_priority",
            "ionice_class",
            "ionice_priority");

    /** Swift's keys for shipping log lines and metrics (syslog over UDP, StatsD) that Cairn accepts and ignores. */
    public static final List<String> LOG_SHIPPING_KEYS = List.of(
            "log_udp_host",
            "log_udp_port",
            "log_statsd_host",
            "log_statsd_port",
            "log_statsd_default_sample_rate",
            "log_statsd_sample_rate_factor",
            "log_statsd_metric_prefix");

    /** {@code keys}, then {@link #PROCESS_KEYS}: a daemon section's accepted, not acted on, keys. */
    public static List<String> withProcessKeys(String... keys) {
        return withKeys(PROCESS_KEYS, List.of(keys));
    }

    /** {@code own}, then {@code shared}: one section's accepted, not acted on, keys. */
    public static List<String> withKeys(List<String> shared, List<String> own) {
        List<String> all = new ArrayList<>(own);
        all.addAll(shared);
        return List.copyOf(all);
    }
}
