package io.cairn.replicator.object;

import io.cairn.common.config.ConfigDefinition;
import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.ConfigValues;
import io.cairn.common.config.IniFile;
import io.cairn.common.config.Setting;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Settings of the object replicator, from the {@code [object-replicator]} section of {@code
 * object-server.conf} with Swift 2.30.1's key names and defaults (values inherited from {@code
 * [DEFAULT]} count, as in Swift), declared once in {@link #DEFINITION} (common's config registry). The checks of
 * the compact constructor guard records built in code; a file's bad value is refused by the definition first,
 * naming the key.
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

    private static final Setting<Duration> INTERVAL = Setting.seconds("interval", 30, 0.001, 1e9)
            .deprecatedAlias("run_pause")
            .doc("Pause between passes.");
    private static final Setting<Integer> CONCURRENCY =
            Setting.integer("concurrency", 1, 1, 1024).doc("Partitions of one device replicated at once.");
    private static final Setting<Integer> REPLICATOR_WORKERS = Setting.integer("replicator_workers", 0, 0, 1024)
            .doc("Device workers (0: one per local device); at most workers × concurrency partitions in flight.");
    private static final Setting<Double> PARTITIONS_PER_SECOND = Setting.number("partitions_per_second", 0, 0, 1e9)
            .cairnOnly()
            .doc("Pass-wide rate of partition jobs started (0: unlimited).");
    private static final Setting<String> SYNC_METHOD = Setting.parsed(
                    "sync_method",
                    "ssync",
                    SSYNC,
                    "Cairn replicates objects with ssync only; set sync_method = ssync",
                    ObjectReplicatorConfig::syncMethod)
            .doc("Must be `ssync` (Swift's default `rsync` is not implemented).");
    private static final Setting<Duration> HTTP_TIMEOUT =
            Setting.seconds("http_timeout", 60, 0.001, 1e9).doc("A whole REPLICATE exchange.");
    private static final Setting<Duration> NODE_TIMEOUT =
            Setting.seconds("node_timeout", 10, 0.001, 1e9).doc("Per read of the SSYNC exchange.");
    private static final Setting<Duration> CONN_TIMEOUT =
            Setting.seconds("conn_timeout", 0.5, 0.001, 1e9).doc("Connecting to a peer.");
    private static final Setting<Duration> RECLAIM_AGE = Setting.seconds("reclaim_age", 604_800, 0, 1e9)
            .doc("Temp files older than this are removed from `tmp[-N]`.");
    private static final Setting<Boolean> HANDOFFS_FIRST = Setting.bool("handoffs_first", false)
            .doc("Revert handoff partitions first, and skip primaries while handoffs remain.");
    private static final Setting<Integer> HANDOFF_DELETE = Setting.autoInteger(
                    "handoff_delete", "0: every primary", () -> 0, 0, 1024)
            .doc("Successful pushes after which a handoff partition is removed.");

    /** Every setting of {@code [object-replicator]}, and the Swift keys it accepts without acting on. */
    public static final ConfigDefinition DEFINITION = ConfigDefinition.of(
            "object-replicator",
            List.of(
                    INTERVAL,
                    CONCURRENCY,
                    REPLICATOR_WORKERS,
                    PARTITIONS_PER_SECOND,
                    SYNC_METHOD,
                    HTTP_TIMEOUT,
                    NODE_TIMEOUT,
                    CONN_TIMEOUT,
                    RECLAIM_AGE,
                    HANDOFFS_FIRST,
                    HANDOFF_DELETE),
            List.of(
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
                    "network_chunk_size"));

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

    /** Swift's defaults (an empty section), except {@code sync_method}: Cairn's only one, ssync. */
    public static ObjectReplicatorConfig defaults() {
        return from(IniFile.parse("[" + SECTION + "]\n", "defaults").section(SECTION));
    }

    /**
     * Reads the {@code [object-replicator]} section.
     *
     * @throws ConfigException for a bad value, or {@code sync_method} other than {@code ssync} (Cairn has no
     *     rsync method; Swift's default {@code rsync} must be changed explicitly)
     */
    public static ObjectReplicatorConfig from(ConfigSection section) {
        ConfigValues v = DEFINITION.parse(section);
        return new ObjectReplicatorConfig(
                v.get(INTERVAL),
                v.get(CONCURRENCY),
                v.get(REPLICATOR_WORKERS),
                v.get(PARTITIONS_PER_SECOND),
                v.get(HTTP_TIMEOUT),
                v.get(NODE_TIMEOUT),
                v.get(CONN_TIMEOUT),
                v.get(RECLAIM_AGE),
                v.get(HANDOFFS_FIRST),
                v.get(HANDOFF_DELETE));
    }

    /** Keys set in the section that are neither acted on nor accepted: start-up warnings. */
    public static List<String> unknownKeys(ConfigSection section) {
        return section.unknownKeys(DEFINITION.knownKeys());
    }

    private static String syncMethod(String value) {
        String method = value.strip().toLowerCase(Locale.ROOT);
        if (!method.equals(SSYNC)) {
            throw new IllegalArgumentException((String) null);
        }
        return method;
    }
}
