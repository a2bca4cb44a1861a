package io.cairn.compute.compute.api;

import io.cairn.compute.compute.Server;
import io.cairn.compute.compute.VmState;
import io.cairn.compute.system.ApiException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * {@code GET /servers[/detail]} filters, sort and pages: {@code name} (a regular expression, searched as Nova
 * does), {@code status}, {@code image}, {@code flavor}, {@code changes-since}, {@code reservation_id},
 * {@code key_name}, and for admins {@code host} and {@code availability_zone}; {@code sort_key}/{@code sort_dir};
 * {@code limit}/{@code marker}. Unknown parameters are ignored, as Nova ignores them at these versions.
 */
final class ServerQuery {
    static final int MAX_LIMIT = 1000;

    /** One page and whether more follow. */
    record Page(List<Server> servers, boolean more) {}

    private ServerQuery() {}

    static Page apply(List<Server> all, MultiValueMap<String, String> q, boolean admin) {
        List<Server> matched = new ArrayList<>();
        for (Server s : all) {
            if (matches(s, q, admin)) {
                matched.add(s);
            }
        }
        matched.sort(order(q));
        int limit = limit(q);
        int start = 0;
        String marker = q.getFirst("marker");
        if (marker != null) {
            start = -1;
            for (int i = 0; i < matched.size(); i++) {
                if (matched.get(i).id.equals(marker)) {
                    start = i + 1;
                }
            }
            if (start < 0) {
                throw ApiException.badRequest("marker [" + marker + "] not found");
            }
        }
        int end = Math.min(matched.size(), start + limit);
        List<Server> page = matched.subList(Math.min(start, end), end);
        return new Page(List.copyOf(page), page.size() == limit && limit > 0);
    }

    private static boolean matches(Server s, MultiValueMap<String, String> q, boolean admin) {
        String name = q.getFirst("name");
        if (name != null && !nameMatches(name, s.name)) {
            return false;
        }
        String status = q.getFirst("status");
        if (status != null && !statusMatches(status, s)) {
            return false;
        }
        if (!equalIfGiven(q.getFirst("image"), s.imageId)
                || !equalIfGiven(q.getFirst("flavor"), s.flavorId)
                || !equalIfGiven(q.getFirst("reservation_id"), s.reservationId)
                || !equalIfGiven(q.getFirst("key_name"), s.keyName)) {
            return false;
        }
        if (admin
                && (!equalIfGiven(q.getFirst("host"), s.host)
                        || !equalIfGiven(q.getFirst("availability_zone"), s.availabilityZone))) {
            return false;
        }
        String since = q.getFirst("changes-since");
        if (since != null) {
            Long t = NovaTime.parse(since);
            if (t == null) {
                throw Bodies.invalid("changes-since", since, "'" + since + "' is not a 'date-time'");
            }
            return s.updatedAt >= t;
        }
        return q.getFirst("ip") == null && q.getFirst("ip6") == null; // servers here have no addresses
    }

    private static boolean nameMatches(String regex, String name) {
        try {
            return Pattern.compile(regex).matcher(name).find();
        } catch (PatternSyntaxException e) {
            return name.contains(regex);
        }
    }

    private static boolean statusMatches(String status, Server s) {
        String wanted = status.toUpperCase(Locale.ROOT);
        List<String> states = VmState.STATES_BY_STATUS.get(wanted);
        return states != null && states.contains(s.vmState) && s.status().equals(wanted);
    }

    private static boolean equalIfGiven(@Nullable String wanted, @Nullable String actual) {
        if (wanted == null) {
            return true;
        }
        return actual != null
                && (wanted.equals(actual) || Bodies.lastSegment(wanted).equals(actual));
    }

    private static int limit(MultiValueMap<String, String> q) {
        String l = q.getFirst("limit");
        if (l == null) {
            return MAX_LIMIT;
        }
        try {
            int n = Integer.parseInt(l);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Math.min(n, MAX_LIMIT);
        } catch (NumberFormatException e) {
            throw Bodies.invalid("limit", l, "'" + l + "' does not match '^[0-9]*$'");
        }
    }

    private static Comparator<Server> order(MultiValueMap<String, String> q) {
        String key = q.getFirst("sort_key");
        Comparator<Server> c = switch (key == null ? "created_at" : key) {
            case "created_at" -> Comparator.comparingLong(s -> s.createdAt);
            case "updated_at" -> Comparator.comparingLong(s -> s.updatedAt);
            case "display_name" -> Comparator.comparing(s -> s.name);
            case "uuid" -> Comparator.comparing(s -> s.id);
            case "vm_state" -> Comparator.comparing(s -> s.vmState);
            case "launched_at" -> Comparator.comparingLong(s -> s.launchedAt == null ? 0 : s.launchedAt);
            default -> throw ApiException.badRequest("Invalid sort_key " + key);
        };
        c = c.thenComparing(s -> s.id);
        String dir = q.getFirst("sort_dir");
        if (dir != null && !dir.equals("asc") && !dir.equals("desc")) {
            throw Bodies.invalid("sort_dir", dir, "'" + dir + "' is not one of ['asc', 'desc']");
        }
        return "asc".equals(dir) ? c : c.reversed();
    }
}
