package io.cairn.proxy.tempurl;

import io.cairn.common.config.ConfigDefinition;
import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.ConfigValues;
import io.cairn.common.config.Setting;
import java.util.List;

/**
 * {@code [filter:tempurl]} with Swift 2.30's defaults, declared once in {@link #DEFINITION}.
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
    private static final Setting<List<String>> METHODS =
            Setting.words("methods", "GET HEAD PUT POST DELETE").doc("Methods a temporary URL may be used for.");
    private static final Setting<List<String>> INCOMING_REMOVE_HEADERS = Setting.words(
                    "incoming_remove_headers", "x-timestamp")
            .doc("Request headers removed (a trailing `*` matches a prefix).");
    private static final Setting<List<String>> INCOMING_ALLOW_HEADERS =
            Setting.words("incoming_allow_headers", "").doc("Exceptions to `incoming_remove_headers`.");
    private static final Setting<List<String>> OUTGOING_REMOVE_HEADERS =
            Setting.words("outgoing_remove_headers", "x-object-meta-*").doc("Response headers removed.");
    private static final Setting<List<String>> OUTGOING_ALLOW_HEADERS = Setting.words(
                    "outgoing_allow_headers", "x-object-meta-public-*")
            .doc("Exceptions to `outgoing_remove_headers`.");
    private static final Setting<String> ALLOWED_DIGESTS = Setting.string("allowed_digests", "")
            .defaultDescribed("sha1 sha256 sha512")
            .doc(
                    "Signature digests accepted; unsupported ones are dropped with a warning, none left refuses to start.");

    /** Every setting of {@code [filter:tempurl]}. */
    public static final ConfigDefinition DEFINITION = ConfigDefinition.of(
            "tempurl",
            List.of(
                    METHODS,
                    INCOMING_REMOVE_HEADERS,
                    INCOMING_ALLOW_HEADERS,
                    OUTGOING_REMOVE_HEADERS,
                    OUTGOING_ALLOW_HEADERS,
                    ALLOWED_DIGESTS),
            List.of());

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
        ConfigValues v = DEFINITION.parse(s);
        AllowedDigests digests = AllowedDigests.from(v.get(ALLOWED_DIGESTS), s.name(), warnings);
        return new TempUrlConfig(
                v.get(METHODS),
                v.get(INCOMING_REMOVE_HEADERS),
                v.get(INCOMING_ALLOW_HEADERS),
                v.get(OUTGOING_REMOVE_HEADERS),
                v.get(OUTGOING_ALLOW_HEADERS),
                digests.allowed(),
                digests.deprecated(),
                v.unknownKeys());
    }
}
