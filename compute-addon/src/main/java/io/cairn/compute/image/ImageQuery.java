package io.cairn.compute.image;

import io.cairn.compute.system.ApiException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * {@code GET /v2/images} parameters: filters (name, status, visibility, container_format, disk_format, size_min,
 * size_max, owner, tag, protected, os_hidden, any user property), sort ({@code sort=name:asc,created_at} or
 * {@code sort_key}/{@code sort_dir}), and pages ({@code limit}, {@code marker}, a {@code next} link).
 */
final class ImageQuery {
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 1000;
    private static final List<String> SORT_KEYS = List.of(
            "name",
            "status",
            "container_format",
            "disk_format",
            "size",
            "id",
            "created_at",
            "updated_at",
            "visibility",
            "owner",
            "min_ram",
            "min_disk");
    private static final List<String> NOT_FILTERS =
            List.of("limit", "marker", "sort", "sort_key", "sort_dir", "member_status");

    /** One page and the query string of the next one (null on the last page). */
    record Page(List<Image> images, @Nullable String next) {}

    private final MultiValueMap<String, String> params;
    private final Comparator<Image> order;
    private final int limit;
    private final @Nullable String marker;

    ImageQuery(MultiValueMap<String, String> params) {
        this.params = params;
        this.limit = limit(params.getFirst("limit"));
        this.marker = params.getFirst("marker");
        this.order = order(params);
    }

    /**
     * One page of {@code visible}; {@code memberships} maps the ids of images shared with the caller's project to
     * its answer (pending, accepted, rejected): listed by default only once accepted, as in Glance.
     */
    Page page(List<Image> visible, boolean admin, @Nullable String project, Map<String, String> memberships) {
        List<Image> matching = new ArrayList<>();
        Predicate<Image> filter = filter(admin, project, memberships);
        for (Image i : visible) {
            if (filter.test(i)) {
                matching.add(i);
            }
        }
        matching.sort(order);
        int start = 0;
        if (marker != null) {
            start = -1;
            for (int k = 0; k < matching.size(); k++) {
                if (matching.get(k).id.equals(marker)) {
                    start = k + 1;
                    break;
                }
            }
            if (start < 0) {
                throw ApiException.badRequest("Invalid marker. Image " + marker + " could not be found.");
            }
        }
        int end = Math.min(matching.size(), start + limit);
        List<Image> page = matching.subList(start, end);
        String next = null;
        if (end < matching.size() && !page.isEmpty()) {
            next = nextQuery(page.get(page.size() - 1).id);
        }
        return new Page(List.copyOf(page), next);
    }

    private Predicate<Image> filter(boolean admin, @Nullable String project, Map<String, String> memberships) {
        Predicate<Image> p = visibilityFilter(admin, project, memberships);
        String hidden = params.getFirst("os_hidden");
        p = p.and(i -> i.osHidden == "true".equals(hidden));
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            String key = e.getKey();
            if (NOT_FILTERS.contains(key) || key.equals("visibility") || key.equals("os_hidden")) {
                continue;
            }
            for (String value : e.getValue()) {
                p = p.and(filterOn(key, value));
            }
        }
        return p;
    }

    /** Which images a listing shows by visibility, as Glance does for the caller's project. */
    private Predicate<Image> visibilityFilter(
            boolean admin, @Nullable String project, Map<String, String> memberships) {
        String visibility = params.getFirst("visibility");
        String memberStatus = params.getFirst("member_status");
        String wanted = memberStatus == null ? "accepted" : memberStatus;
        Predicate<Image> sharedWithMe =
                i -> memberships.containsKey(i.id) && (wanted.equals("all") || wanted.equals(memberships.get(i.id)));
        if (visibility == null) {
            // community images are listed only on request, as in Glance; an admin sees every other image
            Predicate<Image> notCommunity = i -> !i.visibility.equals("community") || Objects.equals(i.owner, project);
            return notCommunity.and(i ->
                    admin || Objects.equals(i.owner, project) || i.visibility.equals("public") || sharedWithMe.test(i));
        }
        if (visibility.equals("all")) {
            return i -> true;
        }
        Predicate<Image> p = i -> i.visibility.equals(visibility);
        if (visibility.equals("shared") && !admin) {
            p = p.and(i -> Objects.equals(i.owner, project) || sharedWithMe.test(i));
        }
        return p;
    }

    private static Predicate<Image> filterOn(String key, String value) {
        return switch (key) {
            case "name" -> i -> value.equals(i.name);
            case "status" -> i -> i.status.wire().equals(value);
            case "container_format" -> i -> value.equals(i.containerFormat);
            case "disk_format" -> i -> value.equals(i.diskFormat);
            case "owner" -> i -> value.equals(i.owner);
            case "protected" -> i -> String.valueOf(i.isProtected).equals(value);
            case "tag" -> i -> i.tags.contains(value);
            case "size_min" -> i -> i.size != null && i.size >= number(key, value);
            case "size_max" -> i -> i.size != null && i.size <= number(key, value);
            case "id" -> i -> i.id.equals(value);
            default -> i -> value.equals(i.properties.get(key));
        };
    }

    private static long number(String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + key + "' must be an integer, got '" + value + "'.");
        }
    }

    private static int limit(@Nullable String s) {
        if (s == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(s);
            if (n < 0) {
                throw ApiException.badRequest("limit param must be positive");
            }
            return Math.min(n, MAX_LIMIT);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit param must be an integer");
        }
    }

    private static Comparator<Image> order(MultiValueMap<String, String> params) {
        List<String[]> keys = new ArrayList<>();
        String sort = params.getFirst("sort");
        if (sort != null) {
            for (String part : sort.split(",")) {
                String[] kd = part.strip().split(":");
                keys.add(new String[] {kd[0], kd.length > 1 ? kd[1] : "desc"});
            }
        } else {
            List<String> sortKeys = params.getOrDefault("sort_key", List.of("created_at"));
            List<String> dirs = params.getOrDefault("sort_dir", List.of());
            for (int k = 0; k < sortKeys.size(); k++) {
                keys.add(new String[] {
                    sortKeys.get(k), k < dirs.size() ? dirs.get(k) : dirs.isEmpty() ? "desc" : dirs.get(dirs.size() - 1)
                });
            }
        }
        Comparator<Image> c = null;
        for (String[] kd : keys) {
            if (!SORT_KEYS.contains(kd[0])) {
                throw ApiException.badRequest("Invalid sort key: " + kd[0] + ". It should be one of " + SORT_KEYS);
            }
            if (!kd[1].equals("asc") && !kd[1].equals("desc")) {
                throw ApiException.badRequest("Invalid sort direction: " + kd[1]);
            }
            Comparator<Image> one = byKey(kd[0]);
            if (kd[1].equals("desc")) {
                one = one.reversed();
            }
            c = c == null ? one : c.thenComparing(one);
        }
        // id last: a stable order makes markers reliable
        Comparator<Image> byId = Comparator.comparing((Image i) -> i.id).reversed();
        return c == null ? byId : c.thenComparing(byId);
    }

    private static Comparator<Image> byKey(String key) {
        return switch (key) {
            case "name" -> text(i -> i.name);
            case "status" -> text(i -> i.status.wire());
            case "container_format" -> text(i -> i.containerFormat);
            case "disk_format" -> text(i -> i.diskFormat);
            case "size" -> Comparator.comparing((Image i) -> i.size, Comparator.nullsFirst(Comparator.naturalOrder()));
            case "id" -> text(i -> i.id);
            case "updated_at" -> Comparator.comparingLong((Image i) -> i.updatedAt);
            case "visibility" -> text(i -> i.visibility);
            case "owner" -> text(i -> i.owner);
            case "min_ram" -> Comparator.comparingInt((Image i) -> i.minRam);
            case "min_disk" -> Comparator.comparingInt((Image i) -> i.minDisk);
            default -> Comparator.comparingLong((Image i) -> i.createdAt);
        };
    }

    private static Comparator<Image> text(java.util.function.Function<Image, @Nullable String> f) {
        return Comparator.comparing(f, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    private String nextQuery(String lastId) {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (e.getKey().equals("marker")) {
                continue;
            }
            for (String v : e.getValue()) {
                q.append(q.isEmpty() ? "" : "&")
                        .append(enc(e.getKey()))
                        .append('=')
                        .append(enc(v));
            }
        }
        q.append(q.isEmpty() ? "" : "&").append("marker=").append(enc(lastId));
        return q.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
