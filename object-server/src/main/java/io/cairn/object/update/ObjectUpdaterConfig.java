package io.cairn.object.update;

import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.IniFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The {@code [object-updater]} section of {@code object-server.conf} (with {@code [DEFAULT]}, as Swift's
 * {@code readconf} reads it), parsed once. Keys and defaults are Swift 2.30.1's ({@code
 * swift/obj/updater.py}); {@link #ACTED_ON} lists what Cairn uses, {@link #ACCEPTED} what Swift knows and
 * Cairn accepts without acting on (reported at start), anything else set in the section is unknown.
 *
 * <p>Swift's deprecated {@code slowdown} still works as in Swift: without {@code objects_per_second},
 * {@code objects_per_second = 1 / (slowdown + 0.01)}. Cairn's own {@code max_backoff} caps the retry
 * back-off of a failing pending (see {@link ObjectUpdater}).
 *
 * <p>Immutable.
 */
public final class ObjectUpdaterConfig {
    /** The section holding the updater's options. */
    public static final String SECTION = "object-updater";

    /** Keys Cairn acts on. */
    public static final Set<String> ACTED_ON = Set.of(
            "devices",
            "mount_check",
            "swift_dir",
            "interval",
            "concurrency",
            "objects_per_second",
            "slowdown",
            "node_timeout",
            "conn_timeout",
            "max_backoff");

    /** Keys Swift knows that Cairn accepts but does not act on (listed at start). */
    public static final Set<String> ACCEPTED = Set.of(
            "updater_workers",
            "max_objects_per_container_per_second",
            "per_container_ratelimit_buckets",
            "max_deferred_updates",
            "report_interval",
            "recon_cache_path",
            "user",
            "log_name",
            "log_facility",
            "log_level",
            "log_address",
            "nice_priority",
            "ionice_class",
            "ionice_priority");

    private final Path devices;
    private final boolean mountCheck;
    private final Path swiftDir;
    private final Duration interval;
    private final int concurrency;
    private final double objectsPerSecond;
    private final Duration nodeTimeout;
    private final Duration connTimeout;
    private final Duration maxBackoff;
    private final List<String> ignoredKeys;
    private final List<String> unknownKeys;

    private ObjectUpdaterConfig(ConfigSection section) {
        this.devices = Path.of(section.getString("devices", "/srv/node"));
        this.mountCheck = section.getBoolean("mount_check", true);
        this.swiftDir = Path.of(section.getString("swift_dir", "/etc/swift"));
        this.interval = seconds(section.getDouble("interval", 300, 0.001, 1e9));
        this.concurrency = section.getInt("concurrency", 8, 1, 1024);
        double fromSlowdown =
                section.get("slowdown") == null ? 50 : 1 / (section.getDouble("slowdown", 0.01, 0, 1e6) + 0.01);
        this.objectsPerSecond = section.getDouble("objects_per_second", fromSlowdown, 0, 1e9);
        this.nodeTimeout = seconds(section.getDouble("node_timeout", 10, 0.001, 1e6));
        this.connTimeout = seconds(section.getDouble("conn_timeout", 0.5, 0.001, 1e6));
        this.maxBackoff = seconds(section.getDouble("max_backoff", 3600, 0.001, 1e9));
        this.ignoredKeys = section.presentKeys(ACCEPTED);
        this.unknownKeys = section.unknownKeys(ACTED_ON, ACCEPTED);
    }

    /** From a parsed section ({@code ini.section("object-updater")}). */
    public static ObjectUpdaterConfig from(ConfigSection section) {
        return new ObjectUpdaterConfig(section);
    }

    /**
     * From a parsed {@code object-server.conf}: its {@code [object-updater]}, or Swift's defaults over
     * {@code [DEFAULT]} when the file has no such section.
     */
    public static ObjectUpdaterConfig from(IniFile ini) {
        return new ObjectUpdaterConfig(ini.hasSection(SECTION) ? ini.section(SECTION) : ini.defaults());
    }

    /** Swift's defaults, for tests. */
    public static ObjectUpdaterConfig defaults() {
        return from(IniFile.parse("[object-updater]\n", "defaults"));
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }

    /** {@code devices} (default {@code /srv/node}). */
    public Path devices() {
        return devices;
    }

    /** {@code mount_check} (default true): an unmounted device is skipped with a warning. */
    public boolean mountCheck() {
        return mountCheck;
    }

    /** {@code swift_dir} (default {@code /etc/swift}): where {@code container.ring.gz} is. */
    public Path swiftDir() {
        return swiftDir;
    }

    /** {@code interval} (default 300 s): time between passes, and the first retry back-off. */
    public Duration interval() {
        return interval;
    }

    /** {@code concurrency} (default 8): pendings whose container updates are in flight at once. */
    public int concurrency() {
        return concurrency;
    }

    /** {@code objects_per_second} (default 50, or from {@code slowdown}); 0 means unlimited. */
    public double objectsPerSecond() {
        return objectsPerSecond;
    }

    /** {@code node_timeout} (default 10 s): a container server's answer. */
    public Duration nodeTimeout() {
        return nodeTimeout;
    }

    /** {@code conn_timeout} (default 0.5 s): connecting to a container server. */
    public Duration connTimeout() {
        return connTimeout;
    }

    /** Cairn's {@code max_backoff} (default 3600 s): longest wait before a failing pending is retried. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** Keys present that Swift knows and Cairn ignores. */
    public List<String> ignoredKeys() {
        return ignoredKeys;
    }

    /** Keys set in the section that neither Swift's updater nor Cairn know: probable typos. */
    public List<String> unknownKeys() {
        return unknownKeys;
    }
}
