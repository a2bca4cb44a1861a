package io.cairn.auditor.db;

import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.Dialect;
import io.cairn.common.config.IniFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The {@code [container-auditor]} section of {@code container-server.conf} or {@code [account-auditor]} of
 * {@code account-server.conf} ({@code readconf}: {@code [DEFAULT]} then the section), with Swift 2.30.1's
 * keys and defaults ({@code swift/common/db_auditor.py}): {@code interval} 1800 s, {@code
 * containers_per_second} / {@code accounts_per_second} 200.
 *
 * <p>Immutable.
 */
public final class DbAuditorConfig {
    /** Keys Swift knows that Cairn accepts without acting on. */
    public static final Set<String> ACCEPTED = Set.of(
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
            "ionice_priority");

    private final DbAuditor.Kind kind;
    private final Path devices;
    private final boolean mountCheck;
    private final Duration interval;
    private final double dbsPerSecond;
    private final List<String> ignoredKeys;
    private final List<String> unknownKeys;

    private DbAuditorConfig(DbAuditor.Kind kind, ConfigSection section) {
        this.kind = kind;
        this.devices = Path.of(section.getString("devices", "/srv/node"));
        this.mountCheck = section.getBoolean("mount_check", true);
        this.interval = Duration.ofNanos((long) (section.getDouble("interval", 1800, 0.001, 1e7) * 1e9));
        this.dbsPerSecond = section.getDouble(rateKey(kind), 200, 0, 1e9);
        this.ignoredKeys = section.presentKeys(ACCEPTED);
        this.unknownKeys = section.unknownKeys(actedOn(kind), ACCEPTED);
    }

    /** The section name: {@code container-auditor} or {@code account-auditor}. */
    public static String section(DbAuditor.Kind kind) {
        return kind.type() + "-auditor";
    }

    /** {@code containers_per_second} or {@code accounts_per_second}. */
    public static String rateKey(DbAuditor.Kind kind) {
        return kind.type() + "s_per_second";
    }

    /** Keys Cairn acts on for {@code kind}. */
    public static Set<String> actedOn(DbAuditor.Kind kind) {
        return Set.of("devices", "mount_check", "interval", rateKey(kind));
    }

    /**
     * From the auditor's section.
     *
     * @throws io.cairn.common.config.ConfigException if a value is invalid or out of range
     */
    public static DbAuditorConfig from(DbAuditor.Kind kind, ConfigSection section) {
        return new DbAuditorConfig(kind, section);
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

    /** {@code devices} (default {@code /srv/node}). */
    public Path devices() {
        return devices;
    }

    /** {@code mount_check} (default true). */
    public boolean mountCheck() {
        return mountCheck;
    }

    /** {@code interval} (default 1800 s) between passes. */
    public Duration interval() {
        return interval;
    }

    /** {@code containers_per_second} / {@code accounts_per_second} (default 200; 0 = unlimited). */
    public double dbsPerSecond() {
        return dbsPerSecond;
    }

    public List<String> ignoredKeys() {
        return ignoredKeys;
    }

    public List<String> unknownKeys() {
        return unknownKeys;
    }
}
