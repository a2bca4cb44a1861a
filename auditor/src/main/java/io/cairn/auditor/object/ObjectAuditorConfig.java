package io.cairn.auditor.object;

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
 * The {@code [object-auditor]} section of Swift's {@code object-server.conf} (read as Swift's {@code
 * readconf} does: {@code [DEFAULT]} then the section), with Swift 2.30.1's key names and defaults ({@code
 * swift/obj/auditor.py}), declared once in {@link #DEFINITION} (common's config registry): its settings are what
 * Cairn uses, its accepted keys what Swift knows and Cairn accepts without acting on; anything else is reported by
 * {@link #unknownKeys()}.
 *
 * <p>Immutable.
 */
public final class ObjectAuditorConfig extends StorageDaemonConfig {
    public static final String SECTION = "object-auditor";

    private static final Setting<Duration> INTERVAL =
            Setting.seconds("interval", 30, 0.001, 1e7).doc("Pause between passes.");
    private static final Setting<Double> FILES_PER_SECOND =
            Setting.number("files_per_second", 20, 0, 1e9).doc("Objects per second of an ALL pass (0: unlimited).");
    private static final Setting<Double> BYTES_PER_SECOND = Setting.number("bytes_per_second", 10_000_000, 0, 1e15)
            .doc("Body bytes read per second of an ALL pass (0: unlimited).");
    // Swift: int(conf.get('zero_byte_files_per_second', 50))
    private static final Setting<Integer> ZERO_BYTE_FILES_PER_SECOND = Setting.integer(
                    "zero_byte_files_per_second", 50, 0, 1_000_000_000)
            .doc("Objects per second of a ZBF pass (0: unlimited).");
    private static final Setting<Double> RECLAIM_AGE = Setting.number("reclaim_age", 604800, 0, 1e12)
            .doc("Older tombstones get their suffix invalidated (ALL); whole seconds used.");

    /** Every setting of {@code [object-auditor]} (with what it inherits), and the Swift keys it accepts. */
    public static final ConfigDefinition DEFINITION = ConfigDefinition.of(
            "object-auditor",
            List.of(
                    ServerSettings.DEVICES,
                    ServerSettings.MOUNT_CHECK,
                    INTERVAL,
                    FILES_PER_SECOND,
                    BYTES_PER_SECOND,
                    ZERO_BYTE_FILES_PER_SECOND,
                    RECLAIM_AGE),
            List.of(
                    "concurrency",
                    "disk_chunk_size",
                    "log_time",
                    "log_name",
                    "log_facility",
                    "log_level",
                    "log_address",
                    "recon_cache_path",
                    "object_size_stats",
                    "rsync_tempfile_timeout",
                    "watchers",
                    "user",
                    "swift_dir",
                    "nice_priority",
                    "ionice_class",
                    "ionice_priority"));

    private final Duration interval;
    private final double filesPerSecond;
    private final double bytesPerSecond;
    private final double zeroByteFilesPerSecond;
    private final long reclaimAgeSeconds;

    private ObjectAuditorConfig(ConfigValues v) {
        super(v);
        this.interval = v.get(INTERVAL);
        this.filesPerSecond = v.get(FILES_PER_SECOND);
        this.bytesPerSecond = v.get(BYTES_PER_SECOND);
        this.zeroByteFilesPerSecond = v.get(ZERO_BYTE_FILES_PER_SECOND);
        this.reclaimAgeSeconds = v.get(RECLAIM_AGE).longValue();
    }

    /**
     * From the {@code [object-auditor]} section.
     *
     * @throws io.cairn.common.config.ConfigException if a value is invalid or out of range
     */
    public static ObjectAuditorConfig from(ConfigSection section) {
        return new ObjectAuditorConfig(DEFINITION.parse(section));
    }

    /** From a parsed {@code object-server.conf}; Swift's defaults when it has no {@code [object-auditor]}. */
    public static ObjectAuditorConfig from(IniFile ini) {
        return from(ini.hasSection(SECTION) ? ini.section(SECTION, Dialect.READCONF) : ini.defaults());
    }

    /** Swift's defaults. */
    public static ObjectAuditorConfig defaults() {
        return from(IniFile.parse("[" + SECTION + "]\n", "defaults"));
    }

    /** {@code interval} (default 30 s): pause between passes. */
    public Duration interval() {
        return interval;
    }

    /** {@code files_per_second} (default 20; 0 = unlimited): objects per second of an ALL pass. */
    public double filesPerSecond() {
        return filesPerSecond;
    }

    /** {@code bytes_per_second} (default 10,000,000; 0 = unlimited): body bytes read per second (ALL). */
    public double bytesPerSecond() {
        return bytesPerSecond;
    }

    /** {@code zero_byte_files_per_second} (default 50; 0 = unlimited): objects per second of a ZBF pass. */
    public double zeroByteFilesPerSecond() {
        return zeroByteFilesPerSecond;
    }

    /** {@code reclaim_age} (default one week): older tombstones get their suffix invalidated (ALL). */
    public long reclaimAgeSeconds() {
        return reclaimAgeSeconds;
    }
}
