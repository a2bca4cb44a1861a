package io.cairn.proxy.tempurl;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Swift's {@code get_allowed_digests} ({@code common/digest.py}), shared by {@code tempurl} and {@code formpost}: the
 * signature digests a filter accepts and those of them Swift deprecates.
 *
 * <p>Immutable.
 *
 * @param allowed the digests accepted, sorted
 * @param deprecated the accepted digests Swift deprecates ({@code sha1}), sorted
 */
public record AllowedDigests(List<String> allowed, List<String> deprecated) {
    /** Swift's {@code SUPPORTED_DIGESTS}. */
    static final Set<String> SUPPORTED = Set.of("sha1", "sha256", "sha512");

    private static final Set<String> DEPRECATED = Set.of("sha1");

    public AllowedDigests {
        allowed = List.copyOf(allowed);
        deprecated = List.copyOf(deprecated);
    }

    /**
     * The section's {@code allowed_digests} (default: all supported); digests Swift does not support are dropped
     * with a warning.
     *
     * @throws ConfigException when no supported digest is left (Swift refuses to start)
     */
    public static AllowedDigests from(ConfigSection s, List<String> warnings) {
        return from(s.getString("allowed_digests", ""), s.name(), warnings);
    }

    /**
     * {@code allowed_digests} as configured (empty: all supported) in section {@code sectionName}.
     *
     * @throws ConfigException when no supported digest is left (Swift refuses to start)
     */
    public static AllowedDigests from(String allowedDigests, String sectionName, List<String> warnings) {
        TreeSet<String> digests = new TreeSet<>();
        String configured = allowedDigests.strip();
        if (!configured.isEmpty()) {
            for (String d : configured.split("\\s+")) {
                digests.add(d.toLowerCase(Locale.ROOT));
            }
        }
        if (digests.isEmpty()) {
            digests.addAll(SUPPORTED);
        }
        List<String> unsupported = new ArrayList<>();
        for (String d : digests) {
            if (!SUPPORTED.contains(d)) {
                unsupported.add(d);
            }
        }
        if (!unsupported.isEmpty()) {
            warnings.add("[" + sectionName + "] the following digest algorithms are configured but not supported: "
                    + String.join(", ", unsupported));
            unsupported.forEach(digests::remove);
        }
        if (digests.isEmpty()) {
            throw new ConfigException(sectionName, "allowed_digests: no valid digest algorithms are configured");
        }
        TreeSet<String> deprecated = new TreeSet<>(digests);
        deprecated.retainAll(DEPRECATED);
        return new AllowedDigests(List.copyOf(digests), List.copyOf(deprecated));
    }
}
