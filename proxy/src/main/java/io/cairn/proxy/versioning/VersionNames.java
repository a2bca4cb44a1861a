package io.cairn.proxy.versioning;

import io.cairn.common.time.Timestamp;
import org.jspecify.annotations.Nullable;

/**
 * Object versioning's names and markers as Swift 2.30.1's {@code object_versioning} stores them: the hidden
 * container {@code \0versions\0<container>}, each version {@code \0<object>\0<inverted timestamp>} (so the
 * newest version lists first), delete markers by their content type, and the sysmeta that ties a container
 * to its versions container.
 *
 * <p>Thread-safety: stateless.
 */
final class VersionNames {
    /** Swift's {@code RESERVED_STR}. */
    static final String RESERVED = "\u0000";

    static final String DELETE_MARKER_CONTENT_TYPE = "application/x-deleted;swift_versions_deleted=1";
    static final String CLIENT_VERSIONS_ENABLED = "X-Versions-Enabled";
    static final String SYSMETA_VERSIONS_ENABLED = "X-Container-Sysmeta-Versions-Enabled";
    static final String SYSMETA_VERSIONS_CONT = "X-Container-Sysmeta-Versions-Container";
    static final String SYSMETA_VERSIONS_SYMLINK = "X-Object-Sysmeta-Versions-Symlink";
    static final String ALLOW_RESERVED = "X-Backend-Allow-Reserved-Names";
    static final String VERSION_ID = "X-Object-Version-Id";

    /** Swift's {@code ~Timestamp}: {@code 999999999999999 - raw}, so later versions sort first. */
    private static final long INVERT_FROM = 999_999_999_999_999L;

    private VersionNames() {}

    /** {@code get_reserved_name(*parts)}: NUL before each part. */
    static String reserved(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p.contains(RESERVED)) {
                throw new IllegalArgumentException("Invalid reserved part in components");
            }
            sb.append(RESERVED).append(p);
        }
        return sb.toString();
    }

    /** {@code _build_versions_container_name}. */
    static String versionsContainer(String container) {
        return reserved("versions", container);
    }

    /** {@code _build_versions_object_name}: {@code \0<object>\0<~ts>}. */
    static String versionObject(String object, Timestamp ts) {
        return reserved(object, invert(ts).internal());
    }

    /** {@code _build_versions_object_prefix}: {@code \0<object>\0}. */
    static String versionPrefix(String object) {
        return reserved(object, "");
    }

    /**
     * {@code ~Timestamp(ts)}.
     *
     * @throws IllegalArgumentException for a timestamp with an offset (Swift: "Cannot invert timestamps with
     *     offsets")
     */
    static Timestamp invert(Timestamp ts) {
        if (ts.offset() != 0) {
            throw new IllegalArgumentException("Cannot invert timestamps with offsets");
        }
        return Timestamp.ofRaw(INVERT_FROM - ts.raw(), 0);
    }

    /**
     * {@code _split_version_from_name}: {@code [object, version id]} of a version's name; null when it is not
     * one (no reserved name of two parts whose second is a timestamp).
     */
    static String @Nullable [] splitVersion(String versionedName) {
        if (!versionedName.startsWith(RESERVED)) {
            return null;
        }
        String[] parts = versionedName.substring(1).split(RESERVED, -1);
        if (parts.length != 2) {
            return null;
        }
        Timestamp inv = parseTimestamp(parts[1]);
        if (inv == null || inv.offset() != 0 || inv.raw() > INVERT_FROM) {
            return null;
        }
        return new String[] {parts[0], invert(inv).internal()};
    }

    /** {@code _split_versions_container_name}: the user's container of a versions container, else the name. */
    static String containerOfVersions(String versionsContainer) {
        if (!versionsContainer.startsWith(RESERVED)) {
            return versionsContainer;
        }
        String[] parts = versionsContainer.substring(1).split(RESERVED, -1);
        return parts.length >= 2 && parts[0].equals("versions") ? parts[1] : versionsContainer;
    }

    /** Swift's {@code Timestamp(text)}; null when it raises {@code ValueError}. */
    static @Nullable Timestamp parseTimestamp(String text) {
        try {
            return Timestamp.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
