package io.cairn.compute.compute.api;

import io.cairn.compute.compute.Server;
import io.cairn.compute.compute.ServerRepository;
import io.cairn.compute.system.ApiException;
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
 * {@code limit}/{@code marker}. Unknown parameters are ignored, as Nova ignores them at these versions. Parsed here
 * into a {@link ServerRepository.Listing}, run in SQL; only the name expression is evaluated in Java, over the rows
 * SQL returns: SQLite has no regular expressions without a function registered on every pooled connection, and
 * PostgreSQL's {@code ~} speaks another dialect than Java's (Nova's own filter differs by database too), so one
 * dialect for both databases keeps listings identical on them.
 */
final class ServerQuery {
    static final int MAX_LIMIT = 1000;

    /** One page and whether more follow. */
    record Page(List<Server> servers, boolean more) {}

    private ServerQuery() {}

    /** A page of the servers of {@code projectId} (null: every project's) that {@code q} asks for. */
    static Page page(
            ServerRepository servers, @Nullable String projectId, MultiValueMap<String, String> q, boolean admin) {
        String since = q.getFirst("changes-since");
        Long sinceMillis = null;
        if (since != null) {
            sinceMillis = NovaTime.parse(since);
            if (sinceMillis == null) {
                throw Bodies.invalid("changes-since", since, "'" + since + "' is not a 'date-time'");
            }
        }
        String status = q.getFirst("status");
        int limit = limit(q);
        ServerRepository.Listing listing = new ServerRepository.Listing(
                projectId,
                status == null ? null : status.toUpperCase(Locale.ROOT),
                q.getFirst("image"),
                q.getFirst("flavor"),
                q.getFirst("reservation_id"),
                q.getFirst("key_name"),
                admin ? q.getFirst("host") : null,
                admin ? q.getFirst("availability_zone") : null,
                sinceMillis,
                sortKey(q),
                ascending(q),
                limit,
                q.getFirst("marker"),
                q.getFirst("ip") != null || q.getFirst("ip6") != null); // servers here have no addresses
        String name = q.getFirst("name");
        List<Server> page;
        try {
            page = servers.page(listing, name == null ? null : s -> nameMatches(name, s.name));
        } catch (ServerRepository.MarkerNotFound e) {
            throw ApiException.badRequest(String.valueOf(e.getMessage()));
        }
        return new Page(page, page.size() == limit && limit > 0);
    }

    private static boolean nameMatches(String regex, String name) {
        try {
            return Pattern.compile(regex).matcher(name).find();
        } catch (PatternSyntaxException e) {
            return name.contains(regex);
        }
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

    private static ServerRepository.SortKey sortKey(MultiValueMap<String, String> q) {
        String key = q.getFirst("sort_key");
        return switch (key == null ? "created_at" : key) {
            case "created_at" -> ServerRepository.SortKey.CREATED_AT;
            case "updated_at" -> ServerRepository.SortKey.UPDATED_AT;
            case "display_name" -> ServerRepository.SortKey.DISPLAY_NAME;
            case "uuid" -> ServerRepository.SortKey.UUID;
            case "vm_state" -> ServerRepository.SortKey.VM_STATE;
            case "launched_at" -> ServerRepository.SortKey.LAUNCHED_AT;
            default -> throw ApiException.badRequest("Invalid sort_key " + key);
        };
    }

    private static boolean ascending(MultiValueMap<String, String> q) {
        String dir = q.getFirst("sort_dir");
        if (dir != null && !dir.equals("asc") && !dir.equals("desc")) {
            throw Bodies.invalid("sort_dir", dir, "'" + dir + "' is not one of ['asc', 'desc']");
        }
        return "asc".equals(dir);
    }
}
