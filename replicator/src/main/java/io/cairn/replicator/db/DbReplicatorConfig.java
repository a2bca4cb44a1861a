package io.cairn.replicator.db;

import io.cairn.common.config.ConfigDefinition;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.ConfigValues;
import io.cairn.common.config.IniFile;
import io.cairn.common.config.Setting;
import java.time.Duration;
import java.util.List;

/**
 * Settings of a DB replicator, read from Swift's {@code [container-replicator]} or
 * {@code [account-replicator]} section with Swift's key names and defaults (2.30.1
 * {@code db_replicator.Replicator.__init__}), declared once in {@link #DEFINITION} (common's config registry).
 *
 * <p>Immutable.
 *
 * @param interval pause between the starts of two passes ({@code interval}, default 30 s)
 * @param perDiff rows per {@code merge_items} batch ({@code per_diff}, default 1000)
 * @param maxDiffs batches per DB and peer in one pass ({@code max_diffs}, default 100)
 * @param concurrency DBs replicated at once ({@code concurrency}, default 8)
 * @param nodeTimeout longest wait for a peer's answer ({@code node_timeout}, default 10 s)
 * @param connTimeout longest wait for a TCP connect ({@code conn_timeout}, default 0.5 s)
 * @param reclaimAge age after which deleted rows and deleted DBs are removed ({@code reclaim_age},
 *     default 7 days)
 * @param handoffDelete successes that let a handoff DB go; 0 means "every primary" ({@code handoff_delete},
 *     Swift's {@code auto})
 */
public record DbReplicatorConfig(
        Duration interval,
        int perDiff,
        int maxDiffs,
        int concurrency,
        Duration nodeTimeout,
        Duration connTimeout,
        Duration reclaimAge,
        int handoffDelete) {

    private static final Setting<Duration> INTERVAL = Setting.seconds("interval", 30, 0, 86_400 * 365)
            .deprecatedAlias("run_pause")
            .doc("Pause between the starts of two passes.");
    private static final Setting<Integer> PER_DIFF =
            Setting.integer("per_diff", 1000, 1, 1_000_000).doc("Rows per `merge_items` batch.");
    private static final Setting<Integer> MAX_DIFFS =
            Setting.integer("max_diffs", 100, 1, 1_000_000).doc("Batches per DB and peer in one pass.");
    private static final Setting<Integer> CONCURRENCY =
            Setting.integer("concurrency", 8, 1, 1024).doc("DBs replicated at once.");
    private static final Setting<Duration> NODE_TIMEOUT =
            Setting.seconds("node_timeout", 10, 0.001, 86_400).doc("Waiting for a peer's answer.");
    private static final Setting<Duration> CONN_TIMEOUT =
            Setting.seconds("conn_timeout", 0.5, 0.001, 86_400).doc("Connecting to a peer.");
    private static final Setting<Duration> RECLAIM_AGE = Setting.seconds("reclaim_age", 604_800, 0, 86_400.0 * 36_500)
            .doc("Age after which deleted rows and deleted DBs are removed.");
    private static final Setting<Integer> HANDOFF_DELETE = Setting.autoInteger(
                    "handoff_delete", "0: every primary", () -> 0, 0, 1000)
            .doc("Successes that let a handoff DB go.");

    /** Every setting of {@code [container-replicator]} / {@code [account-replicator]}, and the Swift keys accepted. */
    public static final ConfigDefinition DEFINITION = ConfigDefinition.of(
            "db-replicator",
            List.of(
                    INTERVAL,
                    PER_DIFF,
                    MAX_DIFFS,
                    CONCURRENCY,
                    NODE_TIMEOUT,
                    CONN_TIMEOUT,
                    RECLAIM_AGE,
                    HANDOFF_DELETE),
            List.of(
                    "rsync_module",
                    "rsync_compress",
                    "rsync_timeout",
                    "databases_per_second",
                    "handoffs_only",
                    "recon_cache_path",
                    "log_name",
                    "log_facility",
                    "log_level",
                    "log_address",
                    "vm_test_mode",
                    "max_diffs_per_pass"));

    public DbReplicatorConfig {
        if (perDiff < 1 || maxDiffs < 1 || concurrency < 1 || handoffDelete < 0) {
            throw new IllegalArgumentException("per_diff, max_diffs and concurrency must be >= 1, handoff_delete >= 0");
        }
        if (interval.isNegative() || nodeTimeout.isNegative() || connTimeout.isNegative() || reclaimAge.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    /** Swift's defaults (an empty section). */
    public static DbReplicatorConfig defaults() {
        return from(IniFile.parse("[container-replicator]\n", "defaults").section("container-replicator"));
    }

    /**
     * Reads {@code section} ({@code [container-replicator]} or {@code [account-replicator]}, with
     * {@code [DEFAULT]} inherited); {@code handoff_delete = auto} is 0; Swift's deprecated {@code run_pause} is
     * read when {@code interval} is absent, with a warning.
     *
     * @throws io.cairn.common.config.ConfigException for a malformed or out-of-range value
     */
    public static DbReplicatorConfig from(ConfigSection section) {
        ConfigValues v = DEFINITION.parse(section);
        return new DbReplicatorConfig(
                v.get(INTERVAL),
                v.get(PER_DIFF),
                v.get(MAX_DIFFS),
                v.get(CONCURRENCY),
                v.get(NODE_TIMEOUT),
                v.get(CONN_TIMEOUT),
                v.get(RECLAIM_AGE),
                v.get(HANDOFF_DELETE));
    }

    /** Keys of {@code section} neither read nor knowingly ignored: probable typos to report at start. */
    public static List<String> unknownKeys(ConfigSection section) {
        return section.unknownKeys(DEFINITION.knownKeys());
    }
}
