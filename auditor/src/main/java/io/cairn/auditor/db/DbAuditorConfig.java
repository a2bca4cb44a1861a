package io.cairn.auditor.db;

import io.cairn.common.config.ConfigDefinition;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.ConfigValues;
import io.cairn.common.config.Dialect;
import io.cairn.common.config.IniFile;
import io.cairn.common.config.ServerSettings;
import io.cairn.common.config.Setting;
import io.cairn.common.config.StorageDaemonConfig;
import java.time.Duration;
import java.util.List;

/**
 * The {@code [container-auditor]} section of {@code container-server.conf} or {@code [account-auditor]} of
 * {@code account-server.conf} ({@code readconf}: {@code [DEFAULT]} then the section), with Swift 2.30.1's
 * keys and defaults ({@code swift/common/db_auditor.py}): {@code interval} 1800 s, {@code
 * containers_per_second} / {@code accounts_per_second} 200; declared once per kind in {@link
 * #CONTAINER_DEFINITION} and {@link #ACCOUNT_DEFINITION} (common's config registry).
 *
 * <p>Immutable.
 */
public final class DbAuditorConfig extends StorageDaemonConfig {
    private static final Setting<Duration> INTERVAL =
            Setting.seconds("interval", 1800, 0.001, 1e7).doc("Pause between passes.");
    private static final Setting<Double> CONTAINERS_PER_SECOND = dbsPerSecond(DbAuditor.Kind.CONTAINER);
    private static final Setting<Double> ACCOUNTS_PER_SECOND = dbsPerSecond(DbAuditor.Kind.ACCOUNT);

    /** {@code [container-auditor]}'s settings (with what it inherits), and the Swift keys it accepts. */
    public static final ConfigDefinition CONTAINER_DEFINITION = definition(DbAuditor.Kind.CONTAINER);
    /** {@code [account-auditor]}'s settings (with what it inherits), and the Swift keys it accepts. */
    public static final ConfigDefinition ACCOUNT_DEFINITION = definition(DbAuditor.Kind.ACCOUNT);

    private final DbAuditor.Kind kind;
    private final Duration interval;
    private final double dbsPerSecond;

    private DbAuditorConfig(DbAuditor.Kind kind, ConfigValues v) {
        super(v);
        this.kind = kind;
        this.interval = v.get(INTERVAL);
        this.dbsPerSecond = v.get(rate(kind));
    }

    private static Setting<Double> dbsPerSecond(DbAuditor.Kind kind) {
        return Setting.number(rateKey(kind), 200, 0, 1e9).doc("Databases audited per second (0: unlimited).");
    }

    private static Setting<Double> rate(DbAuditor.Kind kind) {
        return kind == DbAuditor.Kind.CONTAINER ? CONTAINERS_PER_SECOND : ACCOUNTS_PER_SECOND;
    }

    private static ConfigDefinition definition(DbAuditor.Kind kind) {
        return ConfigDefinition.of(
                section(kind),
                List.of(ServerSettings.DEVICES, ServerSettings.MOUNT_CHECK, INTERVAL, rate(kind)),
                List.of(
                        "log_name",
                        "log_facility",
                        "log_level",
                        "log_address",
                        "recon_cache_path",
                        "db_preallocation",
                        "user",
                        "swift_dir",
                        "nice_priority",
                        "ionice_class",
                        "ionice_priority"));
    }

    /** The definition for {@code kind}. */
    public static ConfigDefinition definitionOf(DbAuditor.Kind kind) {
        return kind == DbAuditor.Kind.CONTAINER ? CONTAINER_DEFINITION : ACCOUNT_DEFINITION;
    }

    /** The section name: {@code container-auditor} or {@code account-auditor}. */
    public static String section(DbAuditor.Kind kind) {
        return kind.type() + "-auditor";
    }

    /** {@code containers_per_second} or {@code accounts_per_second}. */
    public static String rateKey(DbAuditor.Kind kind) {
        return kind.type() + "s_per_second";
    }

    /**
     * From the auditor's section.
     *
     * @throws io.cairn.common.config.ConfigException if a value is invalid or out of range
     */
    public static DbAuditorConfig from(DbAuditor.Kind kind, ConfigSection section) {
        return new DbAuditorConfig(kind, definitionOf(kind).parse(section));
    }

    /** From a parsed server config file; Swift's defaults (with {@code [DEFAULT]}) when the section is absent. */
    public static DbAuditorConfig from(DbAuditor.Kind kind, IniFile ini) {
        String name = section(kind);
        return from(kind, ini.hasSection(name) ? ini.section(name, Dialect.READCONF) : ini.defaults());
    }

    /** Swift's defaults. */
    public static DbAuditorConfig defaults(DbAuditor.Kind kind) {
        return from(kind, IniFile.parse("[" + section(kind) + "]\n", "defaults"));
    }

    public DbAuditor.Kind kind() {
        return kind;
    }

    /** {@code interval} (default 1800 s) between passes. */
    public Duration interval() {
        return interval;
    }

    /** {@code containers_per_second} / {@code accounts_per_second} (default 200; 0 = unlimited). */
    public double dbsPerSecond() {
        return dbsPerSecond;
    }
}
