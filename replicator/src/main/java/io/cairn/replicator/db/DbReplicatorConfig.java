package io.cairn.replicator.db;

import io.cairn.common.config.ConfigSection;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Settings of a DB replicator, read from Swift's {@code [container-replicator]} or
 * {@code [account-replicator]} section with Swift's key names and defaults (2.30.1
 * {@code db_replicator.Replicator.__init__}).
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

    /** The keys this class reads. */
    public static final Set<String> KNOWN_KEYS = Set.of(
            "interval",
            "per_diff",
            "max_diffs",
            "concurrency",
            "node_timeout",
            "conn_timeout",
            "reclaim_age",
            "handoff_delete");

    /**
     * Swift keys of the section that Cairn accepts and ignores (rsync is replaced by HTTP transfer; the
     * rest are logging/recon/rate knobs Cairn handles elsewhere or not at all).
     */
    public static final Set<String> IGNORED_SWIFT_KEYS = Set.of(
            "use",
            "run_pause",
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
            "max_diffs_per_pass");

    public DbReplicatorConfig {
        if (perDiff < 1 || maxDiffs < 1 || concurrency < 1 || handoffDelete < 0) {
            throw new IllegalArgumentException("per_diff, max_diffs and concurrency must be >= 1, handoff_delete >= 0");
        }
        if (interval.isNegative() || nodeTimeout.isNegative() || connTimeout.isNegative() || reclaimAge.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    /** Swift's defaults. */
    public static DbReplicatorConfig defaults() {
        return new DbReplicatorConfig(
                Duration.ofSeconds(30),
                1000,
                100,
                8,
                Duration.ofSeconds(10),
                Duration.ofMillis(500),
                Duration.ofDays(7),
                0);
    }

    /**
     * Reads {@code section} ({@code [container-replicator]} or {@code [account-replicator]}, with
     * {@code [DEFAULT]} inherited); {@code handoff_delete = auto} is 0.
     *
     * @throws io.cairn.common.config.ConfigException for a malformed or out-of-range value
     */
    public static DbReplicatorConfig from(ConfigSection section) {
        String handoffDelete = section.getString("handoff_delete", "auto");
        return new DbReplicatorConfig(
                seconds(section.getDouble("interval", 30, 0, 86_400 * 365)),
                section.getInt("per_diff", 1000, 1, 1_000_000),
                section.getInt("max_diffs", 100, 1, 1_000_000),
                section.getInt("concurrency", 8, 1, 1024),
                seconds(section.getDouble("node_timeout", 10, 0.001, 86_400)),
                seconds(section.getDouble("conn_timeout", 0.5, 0.001, 86_400)),
                seconds(section.getDouble("reclaim_age", 604_800, 0, 86_400.0 * 36_500)),
                handoffDelete.equalsIgnoreCase("auto") ? 0 : section.getInt("handoff_delete", 0, 0, 1000));
    }

    /** Keys of {@code section} neither read nor knowingly ignored: probable typos to report at start. */
    public static List<String> unknownKeys(ConfigSection section) {
        Set<String> known = new HashSet<>(KNOWN_KEYS);
        known.addAll(IGNORED_SWIFT_KEYS);
        return section.unknownKeys(known);
    }

    private static Duration seconds(double value) {
        return Duration.ofNanos(Math.round(value * 1e9));
    }
}
