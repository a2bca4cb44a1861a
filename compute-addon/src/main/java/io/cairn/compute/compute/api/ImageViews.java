package io.cairn.compute.compute.api;

import io.cairn.compute.system.ApiEndpoints;
import io.cairn.compute.system.ApiException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

/**
 * Nova's image view over the image API's documents ({@code nova/api/openstack/compute/views/images.py}), and the
 * proxy's filters and pages ({@code nova/api/openstack/compute/images.py}).
 */
final class ImageViews {
    /**
     * Glance's own attributes (its schema's base properties); everything else in an image document is an extra
     * property: Nova's {@code metadata}.
     */
    static final Set<String> BASE = Set.of(
            "id",
            "name",
            "status",
            "visibility",
            "protected",
            "os_hidden",
            "checksum",
            "os_hash_algo",
            "os_hash_value",
            "owner",
            "size",
            "virtual_size",
            "min_ram",
            "min_disk",
            "container_format",
            "disk_format",
            "created_at",
            "updated_at",
            "tags",
            "direct_url",
            "locations",
            "stores",
            "self",
            "file",
            "schema");

    /** Nova's {@code osapi_max_limit}. */
    static final int MAX_LIMIT = 1000;

    private final ApiEndpoints endpoints;

    ImageViews(ApiEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** Glance's status as Nova shows it ({@code _get_status}): anything else (deactivated, importing) is UNKNOWN. */
    static String status(String glance) {
        return switch (glance) {
            case "active" -> "ACTIVE";
            case "queued", "saving" -> "SAVING";
            case "deleted", "pending_delete" -> "DELETED";
            case "killed" -> "ERROR";
            default -> "UNKNOWN";
        };
    }

    static int progress(String glance) {
        return switch (glance) {
            case "queued" -> 25;
            case "saving" -> 50;
            case "active" -> 100;
            default -> 0;
        };
    }

    /** The image's extra properties, in the document's order. */
    static Map<String, Object> metadata(JsonNode image) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : image.properties()) {
            if (!BASE.contains(e.getKey())) {
                JsonNode v = e.getValue();
                out.put(e.getKey(), v.isString() ? v.asString() : v);
            }
        }
        return out;
    }

    Map<String, Object> basic(JsonNode image) {
        String id = image.path("id").asString("");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", text(image, "name"));
        m.put("links", links(id));
        return m;
    }

    Map<String, Object> detail(JsonNode image) {
        String id = image.path("id").asString("");
        String status = image.path("status").asString("");
        Map<String, Object> metadata = metadata(image);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", text(image, "name"));
        m.put("minRam", image.path("min_ram").asLong(0));
        m.put("minDisk", image.path("min_disk").asLong(0));
        m.put("metadata", metadata);
        m.put("created", date(image, "created_at"));
        m.put("updated", date(image, "updated_at"));
        m.put("status", status(status));
        m.put("progress", progress(status));
        m.put("OS-EXT-IMG-SIZE:size", image.path("size").asLong(0));
        m.put("links", links(id));
        if (metadata.get("instance_uuid") instanceof String server) {
            m.put(
                    "server",
                    Map.of(
                            "id",
                            server,
                            "links",
                            List.of(
                                    Map.of("rel", "self", "href", endpoints.computeUrl() + "/servers/" + server),
                                    Map.of(
                                            "rel",
                                            "bookmark",
                                            "href",
                                            endpoints.computeRoot() + "/servers/" + server))));
        }
        if (metadata.get("auto_disk_config") instanceof String auto) {
            m.put("OS-DCF:diskConfig", truthy(auto) ? "AUTO" : "MANUAL");
        }
        return m;
    }

    private List<Map<String, Object>> links(String id) {
        return List.of(
                Map.of("rel", "self", "href", endpoints.computeUrl() + "/images/" + id),
                Map.of("rel", "bookmark", "href", endpoints.computeRoot() + "/images/" + id),
                Map.of(
                        "rel",
                        "alternate",
                        "type",
                        "application/vnd.openstack.image",
                        "href",
                        endpoints.imageUrl() + "/images/" + id));
    }

    /** oslo's {@code bool_from_string}. */
    private static boolean truthy(String s) {
        return Set.of("1", "t", "true", "on", "y", "yes").contains(s.strip().toLowerCase(Locale.ROOT));
    }

    private static @Nullable String text(JsonNode image, String field) {
        JsonNode v = image.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static @Nullable String date(JsonNode image, String field) {
        String v = text(image, field);
        if (v == null) {
            return null;
        }
        try {
            return NovaTime.iso(Instant.parse(v).toEpochMilli());
        } catch (DateTimeParseException e) {
            return v;
        }
    }

    /** One page of a listing and whether it was cut at the limit (then Nova adds a {@code next} link). */
    record Page(List<JsonNode> images, boolean full) {}

    /**
     * Nova's filters ({@code name}, {@code status} (Glance's, case-insensitive), {@code changes-since}, {@code
     * server} (an id or a server URL; snapshots of it), {@code type} ({@code image_type}: snapshot, backup), {@code
     * minRam}, {@code minDisk}, {@code property-<key>}) over the images in the image API's order (newest first), then
     * {@code marker} and {@code limit}. As Nova over Glance v2, {@code minRam}/{@code minDisk} match the value
     * exactly.
     */
    static Page select(List<JsonNode> images, MultiValueMap<String, String> params) {
        List<Predicate<JsonNode>> filters = new ArrayList<>();
        for (String key : params.keySet()) {
            String value = params.getFirst(key);
            if (value == null) {
                continue;
            }
            switch (key) {
                case "name" -> filters.add(i -> value.equals(text(i, "name")));
                case "status" -> {
                    String s = value.toLowerCase(Locale.ROOT);
                    filters.add(i -> s.equals(text(i, "status")));
                }
                case "changes-since" -> {
                    Long since = NovaTime.parse(value);
                    if (since == null) {
                        throw ApiException.badRequest("Invalid changes-since value");
                    }
                    filters.add(i -> {
                        String u = text(i, "updated_at");
                        return u != null && Instant.parse(u).toEpochMilli() >= since;
                    });
                }
                case "server" -> filters.add(property("instance_uuid", Bodies.lastSegment(value)));
                case "type" -> filters.add(property("image_type", value));
                case "minRam" -> filters.add(number("min_ram", "minRam", value));
                case "minDisk" -> filters.add(number("min_disk", "minDisk", value));
                default -> {
                    if (key.startsWith("property-")) {
                        filters.add(property(key.substring("property-".length()), value));
                    }
                }
            }
        }
        List<JsonNode> matching = images.stream()
                .filter(i -> filters.stream().allMatch(f -> f.test(i)))
                .toList();
        int start = 0;
        String marker = params.getFirst("marker");
        if (marker != null) {
            start = -1;
            for (int k = 0; k < matching.size(); k++) {
                if (marker.equals(text(matching.get(k), "id"))) {
                    start = k + 1;
                    break;
                }
            }
            if (start < 0) {
                throw ApiException.badRequest("Invalid marker. Image " + marker + " could not be found.");
            }
        }
        Integer limit = limit(params.getFirst("limit"));
        int end = limit == null ? matching.size() : Math.min(matching.size(), start + limit);
        List<JsonNode> page = matching.subList(start, end);
        return new Page(List.copyOf(page), limit != null && limit > 0 && page.size() == limit);
    }

    /** Nova's {@code next} link: the request's parameters, sorted, with {@code marker} set to the page's last id. */
    String next(String collection, MultiValueMap<String, String> params, String lastId) {
        Map<String, String> sorted = new TreeMap<>();
        params.forEach((k, v) -> sorted.put(k, v.isEmpty() ? "" : v.get(0)));
        sorted.put("marker", lastId);
        StringBuilder q = new StringBuilder();
        sorted.forEach((k, v) -> q.append(q.isEmpty() ? "" : "&")
                .append(UriUtils.encodeQueryParam(k, java.nio.charset.StandardCharsets.UTF_8))
                .append('=')
                .append(UriUtils.encodeQueryParam(v, java.nio.charset.StandardCharsets.UTF_8)));
        return endpoints.computeUrl() + "/" + collection + "?" + q;
    }

    private static Predicate<JsonNode> property(String key, String value) {
        return i -> {
            JsonNode v = i.get(key);
            return !BASE.contains(key) && v != null && !v.isNull() && value.equals(v.asString());
        };
    }

    private static Predicate<JsonNode> number(String field, String param, String value) {
        long n;
        try {
            n = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid " + param + " filter '" + value + "': not an integer");
        }
        return i -> i.path(field).asLong(0) == n;
    }

    /** Nova's {@code limit}: a non-negative integer, capped at {@code osapi_max_limit}; null when absent. */
    private static @Nullable Integer limit(@Nullable String s) {
        if (s == null) {
            return null;
        }
        int n;
        try {
            n = Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit param must be an integer");
        }
        if (n < 0) {
            throw ApiException.badRequest("limit param must be positive");
        }
        return Math.min(n, MAX_LIMIT);
    }
}
