package io.cairn.object.expirer;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.IniFile;
import io.cairn.common.path.ExpiringObjects;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The {@code [object-expirer]} section (of {@code object-server.conf}, or Swift's legacy {@code
 * object-expirer.conf}) with Swift 2.30.1's keys and defaults: {@code interval} 300 s, {@code tasks_per_second}
 * 50 (0 = unlimited), {@code concurrency} 1, {@code processes}/{@code process} 0/0 (this expirer's share of the
 * tasks: {@code hash_mod(task) == process} out of {@code processes}; 0 processes = all), {@code reclaim_age}
 * 604800 s (how long a task whose object answers 404/412 is retried before it is dropped), {@code
 * request_tries} 3, {@code expiring_objects_account_name} and the deprecated {@code
 * auto_create_account_prefix}. Cairn adds {@code conn_timeout} (0.5 s) and {@code node_timeout} (10 s) for its
 * direct requests (Swift's come from the internal client's proxy config).
 *
 * <p>{@code dequeue_from_legacy}: Swift 2.30 only dequeues from an {@code object-server.conf} section when it is
 * true (default false; an {@code object-expirer.conf} always does). Cairn has only that queue and defaults it
 * to <b>true</b>; false turns this node's expirer off, as in Swift.
 *
 * <p>Immutable.
 */
public final class ObjectExpirerConfig {
    /** The section holding the expirer's options. */
    public static final String SECTION = "object-expirer";

    /** Keys Cairn acts on. */
    public static final Set<String> ACTED_ON = Set.of(
            "interval",
            "tasks_per_second",
            "concurrency",
            "processes",
            "process",
            "reclaim_age",
            "request_tries",
            "expiring_objects_account_name",
            "auto_create_account_prefix",
            "dequeue_from_legacy",
            "conn_timeout",
            "node_timeout");

    /** Keys Swift knows that Cairn accepts but does not act on (listed at start). */
    public static final Set<String> ACCEPTED = Set.of(
            "internal_client_conf_path",
            "report_interval",
            "recon_cache_path",
            "devices",
            "mount_check",
            "swift_dir",
            "user",
            "log_name",
            "log_facility",
            "log_level",
            "log_address",
            "nice_priority",
            "ionice_class",
            "ionice_priority");

    private final Duration interval;
    private final double tasksPerSecond;
    private final int concurrency;
    private final int processes;
    private final int process;
    private final Duration reclaimAge;
    private final int requestTries;
    private final String accountName;
    private final String autoCreateAccountPrefix;
    private final boolean dequeueFromLegacy;
    private final Duration connTimeout;
    private final Duration nodeTimeout;
    private final List<String> ignoredKeys;
    private final List<String> unknownKeys;

    private ObjectExpirerConfig(ConfigSection section) {
        this.interval = seconds(section.getDouble("interval", 300, 0.001, 1e9));
        this.tasksPerSecond = section.getDouble("tasks_per_second", 50.0, 0, 1e9);
        this.concurrency = section.getInt("concurrency", 1, 1, 4096);
        this.processes = section.getInt("processes", 0, 0, 1 << 20);
        this.process = section.getInt("process", 0, 0, 1 << 20);
        if (processes > 0 && process >= processes) {
            throw new ConfigException(
                    section.source(), "process must be less than processes (" + process + " >= " + processes + ")");
        }
        this.reclaimAge = Duration.ofSeconds(section.getLong("reclaim_age", 604_800, 0, Long.MAX_VALUE / 2_000));
        this.requestTries = section.getInt("request_tries", 3, 1, 100);
        this.accountName = section.getString("expiring_objects_account_name", ExpiringObjects.DEFAULT_ACCOUNT_NAME);
        this.autoCreateAccountPrefix = section.getString("auto_create_account_prefix", "");
        this.dequeueFromLegacy = section.getBoolean("dequeue_from_legacy", true);
        this.connTimeout = seconds(section.getDouble("conn_timeout", 0.5, 0.001, 1e6));
        this.nodeTimeout = seconds(section.getDouble("node_timeout", 10, 0.001, 1e6));
        this.ignoredKeys = section.presentKeys(ACCEPTED);
        this.unknownKeys = section.unknownKeys(ACTED_ON, ACCEPTED);
    }

    /** From a parsed section ({@code ini.section("object-expirer")}). */
    public static ObjectExpirerConfig from(ConfigSection section) {
        return new ObjectExpirerConfig(section);
    }

    /** Swift's defaults, for tests. */
    public static ObjectExpirerConfig defaults() {
        return from(IniFile.parse("[object-expirer]\n", "defaults").section(SECTION));
    }

    /** {@code text}'s {@code [object-expirer]}, for tests. */
    public static ObjectExpirerConfig parse(String text) {
        return from(IniFile.parse(text, "test").section(SECTION));
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }

    /** {@code interval}: time between passes. */
    public Duration interval() {
        return interval;
    }

    /** {@code tasks_per_second}: the pace tasks are started at; 0 means unlimited. */
    public double tasksPerSecond() {
        return tasksPerSecond;
    }

    /** {@code concurrency}: tasks in flight at once. */
    public int concurrency() {
        return concurrency;
    }

    /** {@code processes}: how many expirers share the queue (0: this one does everything). */
    public int processes() {
        return processes;
    }

    /** {@code process}: this expirer's index among {@link #processes()}. */
    public int process() {
        return process;
    }

    /** {@code reclaim_age}: how long a task whose object is gone or changed is retried. */
    public Duration reclaimAge() {
        return reclaimAge;
    }

    /** {@code request_tries}: attempts of one object DELETE that failed with a server error. */
    public int requestTries() {
        return requestTries;
    }

    /**
     * The queue's account: {@code auto_create_account_prefix} (this section's, else {@code defaultPrefix}, swift.conf's)
     * + {@code expiring_objects_account_name}.
     */
    public String queueAccount(String defaultPrefix) {
        return ExpiringObjects.account(
                autoCreateAccountPrefix.isEmpty() ? defaultPrefix : autoCreateAccountPrefix, accountName);
    }

    /** {@code dequeue_from_legacy} (Cairn's default true; false: the expirer does nothing). */
    public boolean dequeueFromLegacy() {
        return dequeueFromLegacy;
    }

    /** {@code conn_timeout} (Cairn). */
    public Duration connTimeout() {
        return connTimeout;
    }

    /** {@code node_timeout} (Cairn). */
    public Duration nodeTimeout() {
        return nodeTimeout;
    }

    /** Keys present that Swift knows and Cairn ignores. */
    public List<String> ignoredKeys() {
        return ignoredKeys;
    }

    /** Keys set in the section that neither Swift's expirer nor Cairn know: probable typos. */
    public List<String> unknownKeys() {
        return unknownKeys;
    }
}
