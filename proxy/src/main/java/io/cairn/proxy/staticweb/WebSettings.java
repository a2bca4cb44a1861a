package io.cairn.proxy.staticweb;

import io.cairn.common.config.ConfigSection;
import io.cairn.proxy.info.ContainerInfo;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A container's {@code X-Container-Meta-Web-*} settings, stripped, empty when unset or when the container is not
 * there (Swift's {@code _get_container_info}).
 *
 * <p>Immutable.
 */
record WebSettings(
        String index, String error, String listings, String listingsLabel, String listingsCss, String directoryType) {
    static WebSettings of(@Nullable ContainerInfo info) {
        if (info == null || !info.exists()) {
            return new WebSettings("", "", "", "", "", "");
        }
        Map<String, String> m = info.meta();
        return new WebSettings(
                get(m, "web-index"),
                get(m, "web-error"),
                get(m, "web-listings"),
                get(m, "web-listings-label"),
                get(m, "web-listings-css"),
                get(m, "web-directory-type"));
    }

    private static String get(Map<String, String> meta, String key) {
        String v = meta.get(key);
        return v == null ? "" : v.strip();
    }

    /** Swift's {@code config_true_value(listings)}. */
    boolean listingsOn() {
        return ConfigSection.isTrue(listings);
    }

    /** Whether the container is a web site at all: an index or listings set (even to false). */
    boolean any() {
        return !index.isEmpty() || !listings.isEmpty();
    }
}
