package io.cairn.replicator.object;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigSection;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Settings of the object replicator, from the {@code [object-replicator]} section of {@code
 * object-server.conf} with Swift 2.30.1's key names and defaults (values inherited from {@code
 * [DEFAULT]} count, as in Swift).
 *
 * @param interval pause between passes ({@code interval}, deprecated alias {@code run_pause}; 30 s)
 * @param concurrency partitions of one device replicated at once ({@code concurrency}; 1)
 * @param replicatorWorkers device workers; 0 means one per local device ({@code replicator_workers}; 0).
 *     As in Swift, at most {@code replicatorWorkers × concurrency} partitions are in flight.
 * @param partitionsPerSecond pass-wide rate limit on partition jobs started; 0 = unlimited (Cairn's {@code
 *     partitions_per_second}; Swift has none)
 * @param httpTimeout whole {@code REPLICATE} exchange ({@code http_timeout}; 60 s)
 * @param nodeTimeout per-read timeout handed to the syncer ({@code node_timeout}; 10 s)
 * @param connTimeout TCP connect timeout ({@code conn_timeout}; 0.5 s)
 * @param reclaimAge {@code reclaim_age} (1 week): temp files older than this are removed from {@code
 *     tmp[-N]}; tombstone reclaim itself is done by the disk file layer with its own (equal) setting
 * @param handoffsFirst revert handoff partitions before primary ones, and skip the primaries while
 *     handoffs remain ({@code handoffs_first}; false)
 * @param handoffDelete remove a handoff partition after this many successful pushes; 0 = all primaries
 *     ({@code handoff_delete}; {@code auto} = 0)
 *     <p>Thread-safety: immutable.
 */
public record ObjectReplicatorConfig(
        Duration interval,
        int concurrency,
        int replicatorWorkers,
        double partitionsPerSecond,
        Duration httpTimeout,
        Duration nodeTimeout,
        Duration connTimeout,
        Duration reclaimAge,
        boolean handoffsFirst,
        int handoffDelete) {

    /** The section name in {@code object-server.conf}. */
    public static final String SECTION = "object-replicator";

    /** The one sync method Cairn implements. */
    public static final String SSYNC = "ssync";

    /** Keys acted on. */
    public static final Set<String> ACTED_ON = Set.of(
            "interval",
            "run_pause",
            "concurrency",
            "replicator_workers",
            "partitions_per_second",
            "sync_method",
            "http_timeout",
            "node_timeout",
            "conn_timeout",
            "reclaim_age",
            "handoffs_first",
            "handoff_delete");

    /** Swift keys accepted without effect (rsync, logging, process and recon settings Cairn handles elsewhere). */
    public static final Set<String> ACCEPTED = Set.of(
            "log_name",
            "log_facility",
            "log_level",
            "log_address",
            "daemonize",
            "stats_interval",
            "rsync_timeout",
            "rsync_bwlimit",
            "rsync_io_timeout",
            "rsync_compress",
            "rsync_module",
            "lockup_timeout",
            "ring_check_interval",
            "recon_cache_path",
            "log_rsync_transfers",
            "rsync_error_log_line_length",
            "nice_priority",
            "ionice_class",
            "ionice_priority",
            "network_chunk_size");

    public ObjectReplicatorConfig {
        requirePositive("interval", interval);
        requirePositive("http_timeout", httpTimeout);
        requirePositive("node_timeout", nodeTimeout);
        requirePositive("conn_timeout", connTimeout);
        if (reclaimAge.isNegative()) {
            throw new IllegalArgumentException("reclaim_age must be >= 0, not " + reclaimAge);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, not " + concurrency);
        }
        if (replicatorWorkers < 0) {
            throw new IllegalArgumentException("replicator_workers must be >= 0, not " + replicatorWorkers);
        }
        if (!(partitionsPerSecond >= 0)) {
            throw new IllegalArgumentException("partitions_per_second must be >= 0, not " + partitionsPerSecond);
        }
        if (handoffDelete < 0) {
            throw new IllegalArgumentException("handoff_delete must be >= 0 or auto, not " + handoffDelete);
        }
    }

    private static void requirePositive(String key, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be > 0, not " + d);
        }
    }

    /** Swift's defaults. */
    public static ObjectReplicatorConfig defaults() {
        return new ObjectReplicatorConfig(
                Duration.ofSeconds(30),
                1,
                0,
                0,
                Duration.ofSeconds(60),
                Duration.ofSeconds(10),
                Duration.ofMillis(500),
                Duration.ofSeconds(604_800),
                false,
                0);
    }

    /**
     * Reads the {@code [object-replicator]} section.
     *
     * @throws ConfigException for a bad value, or {@code sync_method} other than {@code ssync} (Cairn has no
     *     rsync method; Swift's default {@code rsync} must be changed explicitly)
     */
    public static ObjectReplicatorConfig from(ConfigSection section) {
        String syncMethod = section.getString("sync_method", SSYNC).strip().toLowerCase(Locale.ROOT);
        if (!syncMethod.equals(SSYNC)) {
            throw new ConfigException(
                    section.source(),
                    section.name(),
                    "sync_method",
                    syncMethod,
                    "Cairn replicates objects with ssync only; set sync_method = ssync");
        }
        String intervalKey =
                section.get("interval") == null && section.get("run_pause") != null ? "run_pause" : "interval";
        return new ObjectReplicatorConfig(
                seconds(section, intervalKey, 30, 0.001),
                section.getInt("concurrency", 1, 1, 1024),
                section.getInt("replicator_workers", 0, 0, 1024),
                section.getDouble("partitions_per_second", 0, 0, 1e9),
                seconds(section, "http_timeout", 60, 0.001),
                seconds(section, "node_timeout", 10, 0.001),
                seconds(section, "conn_timeout", 0.5, 0.001),
                seconds(section, "reclaim_age", 604_800, 0),
                section.getBoolean("handoffs_first", false),
                handoffDelete(section));
    }

    /** Keys set in the section that are neither acted on nor accepted: start-up warnings. */
    public static List<String> unknownKeys(ConfigSection section) {
        Set<String> known = new java.util.HashSet<>(ACTED_ON);
        known.addAll(ACCEPTED);
        return section.unknownKeys(known);
    }

    private static Duration seconds(ConfigSection section, String key, double defaultSeconds, double min) {
        double s = section.getDouble(key, defaultSeconds, min, 1e9);
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    /** Swift's {@code config_auto_int_value(value, 0)}: {@code auto} (any case) or an integer. */
    private static int handoffDelete(ConfigSection section) {
        String v = section.get("handoff_delete");
        if (v == null || v.strip().equalsIgnoreCase("auto")) {
            return 0;
        }
        return section.getInt("handoff_delete", 0, 0, 1024);
    }
}
