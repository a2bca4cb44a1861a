package io.cairn.object.expirer;

import io.cairn.common.config.ConfigDefinition;
import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.ConfigValues;
import io.cairn.common.config.IniFile;
import io.cairn.common.config.ServerSettings;
import io.cairn.common.config.Setting;
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
 * direct requests (Swift's come from the internal client's proxy config). Declared once in {@link #DEFINITION}
 * (common's config registry).
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

    private static final Setting<Duration> INTERVAL =
            Setting.seconds("interval", 300, 0.001, 1e9).doc("Seconds between passes.");
    private static final Setting<Double> TASKS_PER_SECOND =
            Setting.number("tasks_per_second", 50.0, 0, 1e9).doc("Tasks processed per second (0: unlimited).");
    private static final Setting<Integer> CONCURRENCY =
            Setting.integer("concurrency", 1, 1, 4096).doc("Tasks in flight at once.");
    private static final Setting<Integer> PROCESSES = Setting.integer("processes", 0, 0, 1 << 20)
            .doc("Expirers sharing the queue (0: this one takes all tasks).");
    private static final Setting<Integer> PROCESS = Setting.integer("process", 0, 0, 1 << 20)
            .doc("This expirer's share: tasks with `hash_mod(task) == process`; less than `processes`.");
    private static final Setting<Long> RECLAIM_AGE = Setting.longInteger(
                    "reclaim_age", 604_800, 0, Long.MAX_VALUE / 2_000)
            .doc("Seconds a task whose object answers 404/412 is retried before it is dropped.");
    private static final Setting<Integer> REQUEST_TRIES =
            Setting.integer("request_tries", 3, 1, 100).doc("Tries of each object DELETE.");
    private static final Setting<String> EXPIRING_OBJECTS_ACCOUNT_NAME = Setting.string(
                    "expiring_objects_account_name", ExpiringObjects.DEFAULT_ACCOUNT_NAME)
            .doc("The queue's account, without its prefix.");
    private static final Setting<String> AUTO_CREATE_ACCOUNT_PREFIX = Setting.string("auto_create_account_prefix", "")
            .doc("Deprecated per-daemon override; empty: `swift.conf`'s constraint applies.");
    private static final Setting<Boolean> DEQUEUE_FROM_LEGACY = Setting.bool("dequeue_from_legacy", true)
            .doc("Dequeue from the legacy queue (Cairn's only one); false turns this node's expirer off.");
    private static final Setting<Duration> CONN_TIMEOUT =
            Setting.seconds("conn_timeout", 0.5, 0.001, 1e6).cairnOnly().doc("Connecting to a storage server.");
    private static final Setting<Duration> NODE_TIMEOUT =
            Setting.seconds("node_timeout", 10, 0.001, 1e6).cairnOnly().doc("Waiting for a storage server's answer.");

    /** Keys the sample leaves to {@code [DEFAULT]}. */
    public static final Set<String> FROM_DEFAULT = Set.of("devices", "mount_check", "swift_dir");

    /** Every setting of {@code [object-expirer]}, and the Swift keys it accepts. */
    public static final ConfigDefinition DEFINITION = ConfigDefinition.of(
            "object-expirer",
            List.of(
                    INTERVAL,
                    TASKS_PER_SECOND,
                    CONCURRENCY,
                    PROCESSES,
                    PROCESS,
                    RECLAIM_AGE,
                    REQUEST_TRIES,
                    EXPIRING_OBJECTS_ACCOUNT_NAME,
                    AUTO_CREATE_ACCOUNT_PREFIX,
                    DEQUEUE_FROM_LEGACY,
                    CONN_TIMEOUT,
                    NODE_TIMEOUT),
            ServerSettings.withProcessKeys(
                    "internal_client_conf_path",
                    "report_interval",
                    "recon_cache_path",
                    "devices",
                    "mount_check",
                    "swift_dir"));

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

    private ObjectExpirerConfig(ConfigValues v) {
        this.interval = v.get(INTERVAL);
        this.tasksPerSecond = v.get(TASKS_PER_SECOND);
        this.concurrency = v.get(CONCURRENCY);
        this.processes = v.get(PROCESSES);
        this.process = v.get(PROCESS);
        if (processes > 0 && process >= processes) {
            ConfigSection section = v.section();
            throw new ConfigException(
                    section.source(),
                    section.name(),
                    "process",
                    String.valueOf(process),
                    "must be less than processes (" + processes + ")");
        }
        this.reclaimAge = Duration.ofSeconds(v.get(RECLAIM_AGE));
        this.requestTries = v.get(REQUEST_TRIES);
        this.accountName = v.get(EXPIRING_OBJECTS_ACCOUNT_NAME);
        this.autoCreateAccountPrefix = v.get(AUTO_CREATE_ACCOUNT_PREFIX);
        this.dequeueFromLegacy = v.get(DEQUEUE_FROM_LEGACY);
        this.connTimeout = v.get(CONN_TIMEOUT);
        this.nodeTimeout = v.get(NODE_TIMEOUT);
        this.ignoredKeys = v.ignoredKeys();
        this.unknownKeys = v.unknownKeys();
    }

    /**
     * From a parsed section ({@code ini.section("object-expirer")}).
     *
     * @throws ConfigException naming the key and the reason for a bad value
     */
    public static ObjectExpirerConfig from(ConfigSection section) {
        return new ObjectExpirerConfig(DEFINITION.parse(section));
    }

    /** Swift's defaults, for tests. */
    public static ObjectExpirerConfig defaults() {
        return from(IniFile.parse("[object-expirer]\n", "defaults").section(SECTION));
    }

    /** {@code text}'s {@code [object-expirer]}, for tests. */
    public static ObjectExpirerConfig parse(String text) {
        return from(IniFile.parse(text, "test").section(SECTION));
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
