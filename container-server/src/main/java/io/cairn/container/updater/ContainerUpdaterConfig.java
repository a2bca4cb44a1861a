package io.cairn.container.updater;

import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.IniFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The {@code [container-updater]} section of {@code container-server.conf} with Swift 2.30.1's keys: {@code
 * interval} (300 s), {@code node_timeout} (3 s), {@code conn_timeout} (0.5 s); {@code devices}, {@code
 * mount_check} from {@code [DEFAULT]}. {@code concurrency}, {@code containers_per_second}, {@code slowdown} and
 * {@code account_suppression_time} are accepted and not acted on: Cairn reports one container at a time, its
 * account replicas in parallel, unpaced, and does not suppress an account whose replicas failed.
 *
 * <p>Immutable.
 */
public final class ContainerUpdaterConfig {
    /** The section holding the updater's options. */
    public static final String SECTION = "container-updater";

    /** Keys Cairn acts on. */
    public static final Set<String> ACTED_ON =
            Set.of("devices", "mount_check", "swift_dir", "interval", "node_timeout", "conn_timeout");

    /** Keys Swift knows that Cairn accepts but does not act on (listed at start). */
    public static final Set<String> ACCEPTED = Set.of(
            "concurrency",
            "containers_per_second",
            "slowdown",
            "account_suppression_time",
            "db_preallocation",
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
    private final Duration interval;
    private final Duration nodeTimeout;
    private final Duration connTimeout;
    private final List<String> ignoredKeys;
    private final List<String> unknownKeys;

    private ContainerUpdaterConfig(ConfigSection section) {
        this.devices = Path.of(section.getString("devices", "/srv/node"));
        this.mountCheck = section.getBoolean("mount_check", true);
        this.interval = seconds(section.getDouble("interval", 300, 0.001, 1e9));
        this.nodeTimeout = seconds(section.getDouble("node_timeout", 3, 0.001, 1e6));
        this.connTimeout = seconds(section.getDouble("conn_timeout", 0.5, 0.001, 1e6));
        this.ignoredKeys = section.presentKeys(ACCEPTED);
        this.unknownKeys = section.unknownKeys(ACTED_ON, ACCEPTED);
    }

    /** From a parsed section. */
    public static ContainerUpdaterConfig from(ConfigSection section) {
        return new ContainerUpdaterConfig(section);
    }

    /** {@code text}'s {@code [container-updater]}, for tests. */
    public static ContainerUpdaterConfig parse(String text) {
        return from(IniFile.parse(text, "test").section(SECTION));
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }

    public Path devices() {
        return devices;
    }

    public boolean mountCheck() {
        return mountCheck;
    }

    /** {@code interval}: time between passes. */
    public Duration interval() {
        return interval;
    }

    public Duration nodeTimeout() {
        return nodeTimeout;
    }

    public Duration connTimeout() {
        return connTimeout;
    }

    /** Keys present that Swift knows and Cairn ignores. */
    public List<String> ignoredKeys() {
        return ignoredKeys;
    }

    /** Keys neither Swift's updater nor Cairn know: probable typos. */
    public List<String> unknownKeys() {
        return unknownKeys;
    }
}
