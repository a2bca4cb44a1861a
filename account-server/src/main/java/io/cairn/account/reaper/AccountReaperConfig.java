package io.cairn.account.reaper;

import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.IniFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The {@code [account-reaper]} section of {@code account-server.conf} with Swift 2.30.1's keys and defaults:
 * {@code interval} 3600 s, {@code concurrency} 25 (objects of a container deleted at once; Swift splits it into
 * √25 containers × √25 objects), {@code node_timeout} 10 s, {@code conn_timeout} 0.5 s, {@code delay_reaping} 0 s
 * (how long after its deletion an account is left alone), {@code reap_warn_after} 30 days (an account still not
 * empty that long after {@code delay_reaping} is logged); {@code devices}, {@code mount_check}, {@code bind_ip},
 * {@code bind_port} (6202) from {@code [DEFAULT]}.
 *
 * <p>Immutable.
 */
public final class AccountReaperConfig {
    /** The section holding the reaper's options. */
    public static final String SECTION = "account-reaper";

    /** Keys Cairn acts on. */
    public static final Set<String> ACTED_ON = Set.of(
            "devices",
            "mount_check",
            "swift_dir",
            "bind_ip",
            "bind_port",
            "interval",
            "concurrency",
            "node_timeout",
            "conn_timeout",
            "delay_reaping",
            "reap_warn_after");

    /** Keys Swift knows that Cairn accepts but does not act on (listed at start). */
    public static final Set<String> ACCEPTED = Set.of(
            "db_preallocation",
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
    private final int concurrency;
    private final Duration nodeTimeout;
    private final Duration connTimeout;
    private final Duration delayReaping;
    private final Duration reapWarnAfter;
    private final List<String> ignoredKeys;
    private final List<String> unknownKeys;

    private AccountReaperConfig(ConfigSection section) {
        this.devices = Path.of(section.getString("devices", "/srv/node"));
        this.mountCheck = section.getBoolean("mount_check", true);
        this.interval = seconds(section.getDouble("interval", 3600, 0.001, 1e9));
        this.concurrency = section.getInt("concurrency", 25, 1, 4096);
        this.nodeTimeout = seconds(section.getDouble("node_timeout", 10, 0.001, 1e6));
        this.connTimeout = seconds(section.getDouble("conn_timeout", 0.5, 0.001, 1e6));
        this.delayReaping = seconds(section.getDouble("delay_reaping", 0, 0, 1e10));
        this.reapWarnAfter = seconds(section.getDouble("reap_warn_after", 86_400 * 30, 0, 1e10));
        this.ignoredKeys = section.presentKeys(ACCEPTED);
        this.unknownKeys = section.unknownKeys(ACTED_ON, ACCEPTED);
    }

    /** From a parsed section. */
    public static AccountReaperConfig from(ConfigSection section) {
        return new AccountReaperConfig(section);
    }

    /** {@code text}'s {@code [account-reaper]}, for tests. */
    public static AccountReaperConfig parse(String text) {
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

    /** Keys present that Swift knows and Cairn ignores. */
    public List<String> ignoredKeys() {
        return ignoredKeys;
    }

    /** Keys neither Swift's reaper nor Cairn know: probable typos. */
    public List<String> unknownKeys() {
        return unknownKeys;
    }
}
