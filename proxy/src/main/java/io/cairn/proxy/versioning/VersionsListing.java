package io.cairn.proxy.versioning;

import io.cairn.common.codec.CodePoints;
import io.cairn.common.codec.Json;
import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.swift.SwiftPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The listing side of object versioning (Swift's {@code ContainerContext.handle_request} and {@code
 * _list_versions}): links to versions list with their version's bytes and ETag, and {@code ?versions} merges
 * the container's listing with its versions container's into one name-ordered list with {@code version_id} and
 * {@code is_latest}. Pure functions over parsed JSON listings (keys kept in Swift's order).
 *
 * <p>Thread-safety: stateless.
 */
final class VersionsListing {
    /** Swift's {@code CONTAINER_LISTING_LIMIT}. */
    static final int LISTING_LIMIT = 10_000;

    private VersionsListing() {}

    /** A JSON listing as a list of entries; null when it is not one. */
    @SuppressWarnings("unchecked")
    static @Nullable List<Map<String, Object>> parse(String json) {
        try {
            Object doc = Json.parse(json);
            if (!(doc instanceof List<?> items)) {
                return null;
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (Object o : items) {
                if (!(o instanceof Map<?, ?>)) {
                    return null;
                }
                out.add((Map<String, Object>) o);
            }
            return out;
        } catch (Json.JsonException e) {
            return null;
        }
    }

    /**
     * Entries that are links into {@code location} (the versions container) show the version's bytes and ETag
     * and {@code version_symlink: true}; unless the listing is a {@code ?versions} one, their {@code symlink_path}
     * names the version by {@code ?version-id=}.
     */
    static void showVersions(
            List<Map<String, Object>> listing, String container, String location, boolean versionsListing) {
        for (Map<String, Object> item : listing) {
            if (!(item.get("symlink_path") instanceof String sp)
                    || !item.containsKey("symlink_etag")
                    || !item.containsKey("symlink_bytes")) {
                continue;
            }
            String[] parts = PercentCoding.unquote(sp).split("/", 5);
            if (parts.length != 5 || !parts[3].equals(location)) {
                continue;
            }
            String hash = String.valueOf(item.get("hash"));
            int semi = hash.indexOf(';');
            String params = semi < 0 ? "" : paramsOf(hash.substring(semi));
            Object bytes = item.remove("symlink_bytes");
            item.put(
                    "bytes",
                    bytes instanceof Number n
                            ? n.longValue()
                            : Long.parseLong(String.valueOf(bytes).trim()));
            item.put("version_symlink", true);
            item.put("hash", item.remove("symlink_etag") + params);
            String[] split = VersionNames.splitVersion(parts[4]);
            if (split != null && !versionsListing) {
                item.put(
                        "symlink_path",
                        SwiftPath.quote("/" + parts[1] + "/" + parts[2] + "/" + container + "/" + split[0])
                                + "?version-id=" + split[1]);
            }
        }
    }

    /** {@code cgi.parse_header}'s parameters written back as {@code '; k=v'}. */
    private static String paramsOf(String rest) {
        StringBuilder sb = new StringBuilder();
        for (String p : rest.split(";")) {
            String s = p.strip();
            int eq = s.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String v = s.substring(eq + 1).strip();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                v = v.substring(1, v.length() - 1).replace("\\\\", "\\").replace("\\\"", "\"");
            }
            sb.append("; ")
                    .append(s.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT))
                    .append('=')
                    .append(v);
        }
        return sb.toString();
    }

    /** The primary listing split as {@code _list_versions} reads it. */
    record Primary(
            List<Map<String, Object>> nulls,
            Set<String> subdirs,
            Map<String, Map<String, Object>> current,
            Set<String> latest) {}

    /** Splits the (rewritten) primary listing into unversioned objects, subdirs and current version links. */
    static Primary primary(List<Map<String, Object>> listing) {
        Primary out = new Primary(
                new ArrayList<>(), new java.util.LinkedHashSet<>(), new LinkedHashMap<>(), new java.util.HashSet<>());
        for (Map<String, Object> item : listing) {
            if (!item.containsKey("name")) {
                out.subdirs().add(String.valueOf(item.get("subdir")));
            } else if (Boolean.TRUE.equals(item.get("version_symlink"))) {
                out.current().put(PercentCoding.unquote(String.valueOf(item.get("symlink_path"))), item);
            } else {
                Map<String, Object> n = new LinkedHashMap<>(item);
                n.put("version_id", "null");
                n.put("is_latest", true);
                out.nulls().add(n);
                out.latest().add(String.valueOf(item.get("name")));
            }
        }
        return out;
    }

    /** The versions container's listing with each version's name, id and whether it is the latest. */
    static List<Map<String, Object>> versions(
            List<Map<String, Object>> listing, Primary primary, String account, String location) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> item : listing) {
            if (!item.containsKey("name")) {
                String subdir = String.valueOf(item.get("subdir"));
                String[] parts = subdir.startsWith(VersionNames.RESERVED)
                        ? subdir.substring(1).split(VersionNames.RESERVED, -1)
                        : new String[] {subdir};
                primary.subdirs().add(parts[0]);
                continue;
            }
            String raw = String.valueOf(item.get("name"));
            String[] split = VersionNames.splitVersion(raw);
            if (split == null) {
                continue;
            }
            String path = "/v1/" + account + "/" + location + "/" + raw;
            if (primary.current().containsKey(path)) {
                item.put("is_latest", true);
                primary.latest().add(split[0]);
                primary.current().remove(path);
            } else if (VersionNames.DELETE_MARKER_CONTENT_TYPE.equals(item.get("content_type"))
                    && !primary.latest().contains(split[0])) {
                item.put("is_latest", true);
                primary.latest().add(split[0]);
            } else {
                item.put("is_latest", false);
            }
            item.put("name", split[0]);
            item.put("version_id", split[1]);
            out.add(item);
        }
        return out;
    }

    /**
     * The links whose versions the versions listing did not show, when the versions container is missing
     * (Swift lists them from the links alone; with a versions listing, its lookup never matches and lists none).
     */
    static List<Map<String, Object>> broken(Primary primary) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> item : primary.current().values()) {
            String[] parts = PercentCoding.unquote(String.valueOf(item.get("symlink_path")))
                    .split("/", 5);
            String[] split = parts.length == 5 ? VersionNames.splitVersion(parts[4]) : null;
            if (split == null) {
                continue;
            }
            boolean latest = primary.latest().add(split[0]);
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("name", split[0]);
            b.put("is_latest", latest);
            b.put("version_id", split[1]);
            b.put("content_type", item.get("content_type"));
            b.put("bytes", item.get("bytes"));
            b.put("hash", item.get("hash"));
            b.put("last_modified", item.get("last_modified"));
            out.add(b);
        }
        return out;
    }

    /** {@code build_listing}: the parts chained, stably sorted by name (or subdir), cut to {@code limit}. */
    @SafeVarargs
    static String build(boolean reverse, int limit, List<Map<String, Object>>... parts) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (List<Map<String, Object>> p : parts) {
            all.addAll(p);
        }
        Comparator<Map<String, Object>> byKey = (a, b) -> CodePoints.compare(key(a), key(b));
        all.sort(reverse ? byKey.reversed() : byKey);
        return Json.write(all.subList(0, Math.min(limit, all.size())));
    }

    static List<Map<String, Object>> subdirs(Set<String> subdirs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String s : subdirs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("subdir", s);
            out.add(m);
        }
        return out;
    }

    private static String key(Map<String, Object> item) {
        return String.valueOf(item.containsKey("subdir") ? item.get("subdir") : item.get("name"));
    }
}
