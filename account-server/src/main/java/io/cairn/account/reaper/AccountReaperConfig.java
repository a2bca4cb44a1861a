package io.cairn.account.reaper;

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
 * The {@code [account-reaper]} section of {@code account-server.conf} with Swift 2.30.1's keys and defaults:
 * {@code interval} 3600 s, {@code concurrency} 25 (objects of a container deleted at once; Swift splits it into
 * √25 containers × √25 objects), {@code node_timeout} 10 s, {@code conn_timeout} 0.5 s, {@code delay_reaping} 0 s
 * (how long after its deletion an account is left alone), {@code reap_warn_after} 30 days (an account still not
 * empty that long after {@code delay_reaping} is logged); {@code devices}, {@code mount_check}, {@code bind_ip},
 * {@code bind_port} (6202) from {@code [DEFAULT]}. Declared once in {@link #DEFINITION} (common's config registry).
 *
 * <p>Immutable.
 */
public final class AccountReaperConfig extends StorageDaemonConfig {
    /** The section holding the reaper's options. */
    public static final String SECTION = "account-reaper";

    private static final Setting<Duration> INTERVAL =
            Setting.seconds("interval", 3600, 0.001, 1e9).doc("Seconds between passes.");
    private static final Setting<Integer> CONCURRENCY =
            Setting.integer("concurrency", 25, 1, 4096).doc("Object deletes in flight at once.");
    private static final Setting<Duration> NODE_TIMEOUT =
            Setting.seconds("node_timeout", 10, 0.001, 1e6).doc("Waiting for a storage server's answer.");
    private static final Setting<Duration> CONN_TIMEOUT =
            Setting.seconds("conn_timeout", 0.5, 0.001, 1e6).doc("Connecting to a storage server.");
    private static final Setting<Duration> DELAY_REAPING = Setting.seconds("delay_reaping", 0, 0, 1e10)
            .doc("Seconds a deleted account is left as it is before it is emptied.");
    private static final Setting<Duration> REAP_WARN_AFTER = Setting.seconds("reap_warn_after", 86_400 * 30, 0, 1e10)
            .doc("Log accounts not yet empty this many seconds after `delay_reaping`.");

    /** Keys the sample leaves to {@code [DEFAULT]}. */
    public static final Set<String> FROM_DEFAULT =
            Set.of("devices", "mount_check", "swift_dir", "bind_ip", "bind_port");

    /** Every setting of {@code [account-reaper]} (with what it inherits), and the Swift keys it accepts. */
    public static final ConfigDefinition DEFINITION = ConfigDefinition.of(
            "account-reaper",
            List.of(
                    ServerSettings.DEVICES,
                    ServerSettings.MOUNT_CHECK,
                    ServerSettings.SWIFT_DIR,
                    ServerSettings.BIND_IP,
                    ServerSettings.bindPort(6202),
                    INTERVAL,
                    CONCURRENCY,
                    NODE_TIMEOUT,
                    CONN_TIMEOUT,
                    DELAY_REAPING,
                    REAP_WARN_AFTER),
            ServerSettings.withProcessKeys("db_preallocation"));

    private final Duration interval;
    private final int concurrency;
    private final Duration nodeTimeout;
    private final Duration connTimeout;
    private final Duration delayReaping;
    private final Duration reapWarnAfter;

    private AccountReaperConfig(ConfigValues v) {
        super(v);
        this.interval = v.get(INTERVAL);
        this.concurrency = v.get(CONCURRENCY);
        this.nodeTimeout = v.get(NODE_TIMEOUT);
        this.connTimeout = v.get(CONN_TIMEOUT);
        this.delayReaping = v.get(DELAY_REAPING);
        this.reapWarnAfter = v.get(REAP_WARN_AFTER);
    }

    /**
     * From a parsed section.
     *
     * @throws io.cairn.common.config.ConfigException naming the key and the reason for a bad value
     */
    public static AccountReaperConfig from(ConfigSection section) {
        return new AccountReaperConfig(DEFINITION.parse(section));
    }

    /** {@code text}'s {@code [account-reaper]}, for tests. */
    public static AccountReaperConfig parse(String text) {
        return from(IniFile.parse(text, "test").section(SECTION));
    }

    /** {@code interval}: time between passes. */
    public Duration interval() {
        return interval;
    }

    /** {@code concurrency}: object deletes in flight at once. */
    public int concurrency() {
        return concurrency;
    }

    public Duration nodeTimeout() {
        return nodeTimeout;
    }

    public Duration connTimeout() {
        return connTimeout;
    }

    /** {@code delay_reaping}: how long a deleted account is kept as it is. */
    public Duration delayReaping() {
        return delayReaping;
    }

    /** {@code reap_warn_after}: when a not-yet-empty account is logged, counted after {@code delay_reaping}. */
    public Duration reapWarnAfter() {
        return reapWarnAfter;
    }
}
