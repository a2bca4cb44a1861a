package io.cairn.proxy.versioning;

import io.cairn.common.time.Timestamp;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The legacy versioned writes' archive names (Swift's {@code legacy.py}): {@code %03x<object>/<timestamp>}, the
 * hex length counting the name's UTF-8 bytes (Swift formats the WSGI string), so every version of one object
 * shares the prefix {@code %03x<object>/} and sorts by time.
 *
 * <p>Thread-safety: stateless.
 */
final class LegacyNames {
    static final String SYSMETA_LOCATION = "X-Container-Sysmeta-Versions-Location";
    static final String SYSMETA_MODE = "X-Container-Sysmeta-Versions-Mode";
    static final String VERSIONS_LOCATION = "X-Versions-Location";
    static final String HISTORY_LOCATION = "X-History-Location";

    private LegacyNames() {}

    /** {@code _build_versions_object_prefix}. */
    static String prefix(String object) {
        return String.format(Locale.ROOT, "%03x", object.getBytes(StandardCharsets.UTF_8).length) + object + "/";
    }

    /** {@code _build_versions_object_name}. */
    static String name(String object, Timestamp ts) {
        return prefix(object) + ts.internal();
    }
}
