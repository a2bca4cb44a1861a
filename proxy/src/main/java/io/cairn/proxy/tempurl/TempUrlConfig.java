package io.cairn.proxy.tempurl;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigSection;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code [filter:tempurl]} with Swift 2.30's defaults.
 *
 * <p>Immutable.
 *
 * @param methods the methods a temporary URL may be used for
 * @param incomingRemoveHeaders request headers removed (a trailing {@code *} matches a prefix)
 * @param incomingAllowHeaders exceptions to {@code incomingRemoveHeaders}
 * @param outgoingRemoveHeaders response headers removed
 * @param outgoingAllowHeaders exceptions to {@code outgoingRemoveHeaders}
 * @param allowedDigests the signature digests accepted, sorted
 * @param deprecatedDigests the accepted digests Swift deprecates ({@code sha1}), sorted
 * @param unknownKeys keys of the section Cairn does not know
 */
public record TempUrlConfig(
        List<String> methods,
        List<String> incomingRemoveHeaders,
        List<String> incomingAllowHeaders,
        List<String> outgoingRemoveHeaders,
        List<String> outgoingAllowHeaders,
        List<String> allowedDigests,
        List<String> deprecatedDigests,
        List<String> unknownKeys) {
    private static final Set<String> KNOWN = Set.of(
            "use",
            "methods",
            "incoming_remove_headers",
            "incoming_allow_headers",
            "outgoing_remove_headers",
            "outgoing_allow_headers",
            "allowed_digests");

    public TempUrlConfig {
        methods = List.copyOf(methods);
        incomingRemoveHeaders = List.copyOf(incomingRemoveHeaders);
        incomingAllowHeaders = List.copyOf(incomingAllowHeaders);
        outgoingRemoveHeaders = List.copyOf(outgoingRemoveHeaders);
        outgoingAllowHeaders = List.copyOf(outgoingAllowHeaders);
        allowedDigests = List.copyOf(allowedDigests);
        deprecatedDigests = List.copyOf(deprecatedDigests);
        unknownKeys = List.copyOf(unknownKeys);
    }

    /**
     * Reads the section as Swift's {@code filter_factory} does ({@link AllowedDigests#from}).
     *
     * @throws ConfigException when no supported digest is left (Swift refuses to start)
     */
    public static TempUrlConfig from(ConfigSection s, List<String> warnings) {
        AllowedDigests digests = AllowedDigests.from(s, warnings);
        return new TempUrlConfig(
                words(s.getString("methods", "GET HEAD PUT POST DELETE")),
                words(s.getString("incoming_remove_headers", "x-timestamp")),
                words(s.getString("incoming_allow_headers", "")),
                words(s.getString("outgoing_remove_headers", "x-object-meta-*")),
                words(s.getString("outgoing_allow_headers", "x-object-meta-public-*")),
                digests.allowed(),
                digests.deprecated(),
                s.unknownKeys(KNOWN));
    }

    private static List<String> words(String value) {
        String v = value.strip();
        return v.isEmpty() ? List.of() : Arrays.asList(v.split("\\s+"));
    }
}
