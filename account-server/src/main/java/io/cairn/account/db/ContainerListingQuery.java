package io.cairn.account.db;

import io.cairn.common.listing.ListingParams;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One run of Swift's {@code AccountBroker.list_containers_iter} (2.30.1), kept statement for statement
 * so results match Swift's exactly, including its corner cases (a subdir equal to the marker is skipped;
 * with {@code reverse} marker and end_marker swap roles). String comparisons are by code point, as
 * Python's and SQLite's (UTF-8 byte order) are.
 *
 * <p>Not thread-safe: used once, under the broker's lock.
 */
final class ContainerListingQuery {
    private static final String RESERVED_PLUS_ONE = "\u0001";

    private final Connection c;
    private final int limit;
    private final @Nullable String delimiter;
    private final boolean reverse;
    private final boolean allowReserved;
    private final int dbVersion;
    private final @Nullable String prefix;
    private final @Nullable String endPrefix;
    private final @Nullable String origMarker;
    private @Nullable String marker;
    private @Nullable String endMarker;
    private boolean delimForceGte;

    ContainerListingQuery(Connection c, ListingParams params, boolean allowReserved, int dbVersion) {
        this.c = c;
        this.limit = params.limit();
        String marker = params.marker() == null ? "" : params.marker();
        String endMarker = params.endMarker();
        String prefix = params.prefix();
        String delimiter = params.delimiter();
        boolean reverse = params.reverse();
        this.delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        this.reverse = reverse;
        this.allowReserved = allowReserved;
        this.dbVersion = dbVersion;
        if (reverse) {
            this.marker = endMarker;
            this.endMarker = marker;
        } else {
            this.marker = marker;
            this.endMarker = endMarker;
        }
        String p = prefix;
        if (this.delimiter != null && p == null) {
            p = "";
        }
        this.prefix = p;
        this.endPrefix = p == null || p.isEmpty() ? null : incrementLast(p);
        this.origMarker = this.marker;
    }

    /** {@code prefix[:-1] + chr(ord(prefix[-1]) + 1)} by code point. */
    static String incrementLast(String s) {
        int last = s.offsetByCodePoints(s.length(), -1);
        int cp = s.codePointAt(last);
        return s.substring(0, last) + new String(Character.toChars(cp + 1));
    }

    /** Python's str comparison (by code point), which is also SQLite's BINARY order on UTF-8. */
    static int compare(@Nullable String x, @Nullable String y) {
        String a = x == null ? "" : x;
        String b = y == null ? "" : y;
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static boolean truthy(@Nullable String s) {
        return s != null && !s.isEmpty();
    }

    List<ContainerListingRow> run() throws SQLException {
        List<ContainerListingRow> results = new ArrayList<>();
        while (results.size() < limit) {
            List<@Nullable String> args = new ArrayList<>();
            String sql = buildQuery(args);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(i + 1, args.get(i));
                }
                ps.setInt(args.size() + 1, limit - results.size());
                try (ResultSet rs = ps.executeQuery()) {
                    if (prefix == null || delimiter == null) {
                        while (rs.next()) {
                            results.add(row(rs));
                        }
                        return results;
                    }
                    if (!scanWithDelimiter(rs, results)) {
                        break;
                    }
                }
            }
        }
        return results;
    }

    private String buildQuery(List<@Nullable String> args) {
        StringBuilder q =
                new StringBuilder("SELECT name, object_count, bytes_used, put_timestamp, 0 FROM container WHERE");
        if (truthy(endMarker) && (!truthy(prefix) || compare(endMarker, endPrefix) < 0)) {
            q.append(" name < ? AND");
            args.add(endMarker);
        } else if (truthy(prefix)) {
            q.append(" name < ? AND");
            args.add(endPrefix);
        }
        if (delimForceGte) {
            q.append(" name >= ? AND");
            args.add(marker);
            delimForceGte = false;
        } else if (truthy(marker) && (!truthy(prefix) || compare(marker, prefix) >= 0)) {
            q.append(" name > ? AND");
            args.add(marker);
        } else if (truthy(prefix)) {
            q.append(" name >= ? AND");
            args.add(prefix);
        }
        if (!allowReserved) {
            q.append(" name >= ? AND");
            args.add(RESERVED_PLUS_ONE);
        }
        q.append(dbVersion < 1 ? " +deleted = 0" : " deleted = 0");
        q.append(" ORDER BY name ").append(reverse ? "DESC" : "").append(" LIMIT ?");
        return q.toString();
    }

    /**
     * Consumes rows until a name with the delimiter; returns false when the query yielded no rows
     * (the listing is complete), true when the caller must query again.
     */
    private boolean scanWithDelimiter(ResultSet rs, List<ContainerListingRow> results) throws SQLException {
        String p = prefix == null ? "" : prefix;
        String d = delimiter == null ? "" : delimiter;
        int rowcount = 0;
        while (rs.next()) {
            rowcount++;
            String name = String.valueOf(rs.getString(1));
            if (reverse) {
                endMarker = name;
            } else {
                marker = name;
            }
            if (results.size() >= limit) {
                return true;
            }
            int end = name.indexOf(d, p.length());
            if (end >= 0) {
                String dirName = name.substring(0, end + d.length());
                if (reverse) {
                    endMarker = dirName;
                } else {
                    marker = name.substring(0, end) + incrementLast(d);
                    delimForceGte = true;
                }
                if (!dirName.equals(origMarker)) {
                    results.add(new ContainerListingRow(dirName, 0, 0, "0", true));
                }
                return true;
            }
            results.add(row(rs));
        }
        return rowcount > 0;
    }

    private static ContainerListingRow row(ResultSet rs) throws SQLException {
        return new ContainerListingRow(
                String.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3), String.valueOf(rs.getString(4)), false);
    }
}
