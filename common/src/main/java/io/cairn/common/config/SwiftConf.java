package io.cairn.common.config;

import io.cairn.common.path.Constraints;
import io.cairn.common.path.HashPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code swift.conf}: the cluster's hash path salt ({@code [swift-hash]}), limits ({@code
 * [swift-constraints]}) and, for the ring module, the {@code [storage-policy:N]} sections of {@link
 * #ini()}.
 *
 * <p>Read as Swift reads it: the hash settings with a plain {@code ConfigParser} over the file decoded
 * as latin-1 ({@code validate_hash_conf}: arbitrary bytes, and Python's whitespace stripping applies to
 * those latin-1 characters), the constraints with a plain {@code ConfigParser} over UTF-8 ({@code
 * reload_constraints}); both inherit {@code [DEFAULT]} and treat a lone {@code %} as an error. A missing
 * {@code [swift-constraints]} section means the defaults; an unparsable or negative value is an error
 * (Swift lets {@code int()} fail; it does not check sign).
 *
 * <p>Thread-safety: immutable.
 */
public final class SwiftConf {
    /** The file name inside the Swift directory. */
    public static final String FILE_NAME = "swift.conf";

    /** Keys of {@code [swift-constraints]} Swift knows; others are ignored by Swift (see {@link ConfigSection#unknownKeys}). */
    public static final List<String> CONSTRAINT_KEYS = List.of(
            "max_file_size",
            "max_meta_name_length",
            "max_meta_value_length",
            "max_meta_count",
            "max_meta_overall_size",
            "max_header_size",
            "max_object_name_length",
            "container_listing_limit",
            "account_listing_limit",
            "max_account_name_length",
            "max_container_name_length",
            "valid_api_versions",
            "extra_header_count",
            "auto_create_account_prefix");

    private final IniFile ini;
    private final HashPath hashPath;
    private final Constraints constraints;

    private SwiftConf(IniFile ini, HashPath hashPath, Constraints constraints) {
        this.ini = ini;
        this.hashPath = hashPath;
        this.constraints = constraints;
    }

    /**
     * Reads {@code swiftDir/swift.conf}.
     *
     * @throws ConfigException if the file is unreadable or malformed, both hash path settings are empty
     *     (Swift refuses to start then), or a constraint is not a valid number
     */
    public static SwiftConf load(Path swiftDir) {
        return loadFile(swiftDir.resolve(FILE_NAME));
    }

    /**
     * Reads the given file as a {@code swift.conf} (tools such as {@code cairn ring lookup --swift-conf}
     * name the file itself).
     *
     * @throws ConfigException as {@link #load}
     */
    public static SwiftConf loadFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "Unable to read config from " + file, e);
        }
        return parse(bytes, file);
    }

    static SwiftConf parse(byte[] bytes, Path file) {
        IniFile ini = IniFile.parseUtf8(bytes, file.toString());
        IniFile latin1 = IniFile.parse(new String(bytes, StandardCharsets.ISO_8859_1), file.toString());
        return new SwiftConf(ini, readHashPath(latin1), readConstraints(ini));
    }

    private static HashPath readHashPath(IniFile latin1) {
        String prefix = "";
        String suffix = "";
        if (latin1.hasSection("swift-hash")) {
            ConfigSection s = latin1.section("swift-hash", Dialect.READCONF, Interpolation.BASIC);
            prefix = s.getString("swift_hash_path_prefix", "");
            suffix = s.getString("swift_hash_path_suffix", "");
        }
        if (prefix.isEmpty() && suffix.isEmpty()) {
            throw new ConfigException(
                    latin1.source(),
                    "[swift-hash]: both swift_hash_path_suffix and swift_hash_path_prefix are missing from "
                            + latin1.source());
        }
        return HashPath.of(prefix, suffix);
    }

    private static Constraints readConstraints(IniFile ini) {
        if (!ini.hasSection("swift-constraints")) {
            return Constraints.DEFAULTS;
        }
        ConfigSection s = ini.section("swift-constraints", Dialect.READCONF, Interpolation.BASIC);
        Constraints d = Constraints.DEFAULTS;
        int max = Integer.MAX_VALUE;
        return new Constraints(
                s.getLong("max_file_size", d.maxFileSize(), 0, Long.MAX_VALUE),
                s.getInt("max_meta_name_length", d.maxMetaNameLength(), 0, max),
                s.getInt("max_meta_value_length", d.maxMetaValueLength(), 0, max),
                s.getInt("max_meta_count", d.maxMetaCount(), 0, max),
                s.getInt("max_meta_overall_size", d.maxMetaOverallSize(), 0, max),
                s.getInt("max_header_size", d.maxHeaderSize(), 0, max),
                s.getInt("max_object_name_length", d.maxObjectNameLength(), 0, max),
                s.getInt("container_listing_limit", d.containerListingLimit(), 0, max),
                s.getInt("account_listing_limit", d.accountListingLimit(), 0, max),
                s.getInt("max_account_name_length", d.maxAccountNameLength(), 0, max),
                s.getInt("max_container_name_length", d.maxContainerNameLength(), 0, max),
                s.getList("valid_api_versions", d.validApiVersions()),
                s.getInt("extra_header_count", d.extraHeaderCount(), Integer.MIN_VALUE, max),
                s.getString("auto_create_account_prefix", d.autoCreateAccountPrefix()));
    }

    /** The whole file, e.g. for the ring module's {@code [storage-policy:N]} sections. */
    public IniFile ini() {
        return ini;
    }

    /** {@code hash_path} salted with this cluster's prefix and suffix. */
    public HashPath hashPath() {
        return hashPath;
    }

    /** The effective constraints: {@code [swift-constraints]} over Swift's defaults. */
    public Constraints constraints() {
        return constraints;
    }
}
