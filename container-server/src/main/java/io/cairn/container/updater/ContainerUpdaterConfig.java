package io.cairn.container.updater;

import io.cairn.common.config.ConfigDefinition;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.ConfigValues;
import io.cairn.common.config.IniFile;
import io.cairn.common.config.ServerSettings;
import io.cairn.common.config.Setting;
import io.cairn.common.config.StorageDaemonConfig;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The {@code [container-updater]} section of {@code container-server.conf} with Swift 2.30.1's keys: {@code
 * interval} (300 s), {@code node_timeout} (3 s), {@code conn_timeout} (0.5 s); {@code devices}, {@code
 * mount_check} from {@code [DEFAULT]}. {@code concurrency}, {@code containers_per_second}, {@code slowdown} and
 * {@code account_suppression_time} are accepted and not acted on: Cairn reports one container at a time, its
 * account replicas in parallel, unpaced, and does not suppress an account whose replicas failed. Declared once in
 * {@link #DEFINITION} (common's config registry).
 *
 * <p>Immutable.
 */
public final class ContainerUpdaterConfig extends StorageDaemonConfig {
    /** The section holding the updater's options. */
    public static final String SECTION = "container-updater";

    private static final Setting<Duration> INTERVAL =
            Setting.seconds("interval", 300, 0.001, 1e9).doc("Seconds between passes.");
    private static final Setting<Duration> NODE_TIMEOUT =
            Setting.seconds("node_timeout", 3, 0.001, 1e6).doc("Waiting for an account server's answer.");
    private static final Setting<Duration> CONN_TIMEOUT =
            Setting.seconds("conn_timeout", 0.5, 0.001, 1e6).doc("Connecting to an account server.");

    /** Keys the sample leaves to {@code [DEFAULT]}. */
    public static final Set<String> FROM_DEFAULT = Set.of("devices", "mount_check", "swift_dir");

    /** Every setting of {@code [container-updater]} (with what it inherits), and the Swift keys it accepts. */
    public static final ConfigDefinition DEFINITION = ConfigDefinition.of(
            "container-updater",
            List.of(
                    ServerSettings.DEVICES,
                    ServerSettings.MOUNT_CHECK,
                    ServerSettings.SWIFT_DIR,
                    INTERVAL,
                    NODE_TIMEOUT,
                    CONN_TIMEOUT),
            ServerSettings.withProcessKeys(
                    "concurrency",
                    "containers_per_second",
                    "slowdown",
                    "account_suppression_time",
                    "db_preallocation",
                    "recon_cache_path"));

    private final Duration interval;
    private final Duration nodeTimeout;
    private final Duration connTimeout;

    private ContainerUpdaterConfig(ConfigValues v) {
        super(v);
        this.interval = v.get(INTERVAL);
        this.nodeTimeout = v.get(NODE_TIMEOUT);
        this.connTimeout = v.get(CONN_TIMEOUT);
    }

    /**
     * From a parsed section.
     *
     * @throws io.cairn.common.config.ConfigException naming the key and the reason for a bad value
     */
    public static ContainerUpdaterConfig from(ConfigSection section) {
        return new ContainerUpdaterConfig(DEFINITION.parse(section));
    }

    /** {@code text}'s {@code [container-updater]}, for tests. */
    public static ContainerUpdaterConfig parse(String text) {
        return from(IniFile.parse(text, "test").section(SECTION));
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
}
