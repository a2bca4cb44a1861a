package io.cairn.container.listing;

import io.cairn.common.listing.ListingParams;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Swift 2.30.1's {@code ContainerBroker.list_objects_iter} for undeleted rows of one storage policy,
 * streamed to an {@link ObjectRowHandler} instead of collected.
 *
 * <p>Design note: Swift rebuilds its SQL text and re-runs a query after every {@code subdir} it emits. Here
 * the statement shapes a listing can need (upper bound or none × {@code >}, {@code >=} or no lower bound)
 * are prepared at most once per listing and re-bound: on a {@code subdir} the scan seeks past the whole
 * sub-directory on the {@code (deleted, name)} index (a skip-scan) with the same prepared statement, so a
 * delimiter listing costs one index seek per entry, never a query compile. The row-by-row decisions follow
 * Swift's loop exactly, including its quirks (a subdir equal to the marker is skipped; in {@code path} mode
 * deeper names are skipped without a subdir; the bound roles swap when reversed).
 *
 * <p>Not thread-safe: runs on the device executor that owns {@code connection}.
 */
public final class ObjectListingQuery {
    private static final String RESERVED_BOUND = "\u0001";

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    public ObjectListingQuery(Connection connection) {
        this.connection = connection;
    }

    /**
     * Runs one listing.
     *
     * @param params the listing parameters (limit already constrained)
     * @param policyIndex the storage policy whose rows are listed
     * @param allowReserved whether names starting with the reserved NUL byte are listed
     * @param handler receives rows and subdirs in listing order
     * @return the number of entries handed to {@code handler}
     */
    public int run(ListingParams params, int policyIndex, boolean allowReserved, ObjectRowHandler handler)
            throws SQLException {
        try {
            return new Scan(params, policyIndex, allowReserved, handler).run();
        } finally {
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
            statements.clear();
        }
    }

    private PreparedStatement statement(boolean upper, String lowerOp, boolean reserved, boolean reverse)
            throws SQLException {
        String key = upper + lowerOp + reserved + reverse;
        PreparedStatement ps = statements.get(key);
        if (ps == null) {
            StringBuilder sql =
                    new StringBuilder("SELECT name, created_at, size, content_type, etag FROM object WHERE deleted = 0"
                            + " AND storage_policy_index = ?");
            if (upper) {
                sql.append(" AND name < ?");
            }
            if (!lowerOp.isEmpty()) {
                sql.append(" AND name ").append(lowerOp).append(" ?");
            }
            if (reserved) {
                sql.append(" AND name >= ?");
            }
            sql.append(" ORDER BY name").append(reverse ? " DESC" : "").append(" LIMIT ?");
            ps = connection.prepareStatement(sql.toString());
            statements.put(key, ps);
        }
        return ps;
    }

    /** The state of one run of Swift's loop. */
    private final class Scan {
        private final int limit;
        private final int policyIndex;
        private final boolean allowReserved;
        private final boolean reverse;
        private final ObjectRowHandler handler;
        private final @Nullable String prefix;
        private final @Nullable String endPrefix;
        private final @Nullable String delimiter;
        private final @Nullable String path;
        private final @Nullable String origMarker;
        private @Nullable String marker;
        private @Nullable String endMarker;
        private boolean delimForceGte;
        private int results;

        Scan(ListingParams p, int policyIndex, boolean allowReserved, ObjectRowHandler handler) {
            this.limit = p.limit();
            this.policyIndex = policyIndex;
            this.allowReserved = allowReserved;
            this.reverse = p.reverse();
            this.handler = handler;
            String m = p.reverse() ? p.endMarker() : p.marker();
            String em = p.reverse() ? p.marker() : p.endMarker();
            String pre = p.prefix();
            String delim = p.delimiter();
            String pth = p.path();
            if (pth != null) {
                pre = pth;
                if (!pth.isEmpty()) {
                    pre = stripTrailingSlashes(pth) + "/";
                    pth = pre;
                }
                delim = "/";
            } else if (delim != null && !delim.isEmpty() && (pre == null || pre.isEmpty())) {
                pre = "";
            }
            this.prefix = pre;
            this.path = pth;
            this.delimiter = delim;
            this.endPrefix = pre != null && !pre.isEmpty() ? CodePoints.incrementLast(pre) : null;
            this.marker = m;
            this.endMarker = em;
            this.origMarker = m;
        }

        int run() throws SQLException {
            while (results < limit) {
                PreparedStatement ps = bind();
                int rowcount = 0;
                boolean delimited = prefix != null && delimiter != null && !delimiter.isEmpty();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rowcount++;
                        if (!delimited) {
                            emit(rs);
                            continue;
                        }
                        if (onDelimitedRow(rs)) {
                            break;
                        }
                    }
                }
                if (!delimited || rowcount == 0) {
                    break;
                }
            }
            return results;
        }

        /** Swift's per-row body with a delimiter; true when the query must restart (or the page is full). */
        private boolean onDelimitedRow(ResultSet rs) throws SQLException {
            String name = rs.getString(1);
            if (reverse) {
                endMarker = name;
            } else {
                marker = name;
            }
            if (results >= limit) {
                return true;
            }
            String pre = prefix == null ? "" : prefix;
            String delim = delimiter == null ? "" : delimiter;
            int end = name.indexOf(delim, pre.length());
            if (path != null) {
                if (name.equals(path)) {
                    return false;
                }
                if (end >= 0 && name.length() > end + delim.length()) {
                    skipPast(name, end, delim);
                    return true;
                }
            } else if (end >= 0) {
                skipPast(name, end, delim);
                if (!reverse) {
                    delimForceGte = true;
                }
                String dirName = name.substring(0, end + delim.length());
                if (!dirName.equals(origMarker)) {
                    results++;
                    handler.subdir(dirName);
                }
                return true;
            }
            emit(rs);
            return false;
        }

        private void skipPast(String name, int end, String delim) {
            if (reverse) {
                endMarker = name.substring(0, end + delim.length());
            } else {
                marker = name.substring(0, end) + CodePoints.incrementLast(delim);
            }
        }

        private void emit(ResultSet rs) throws SQLException {
            results++;
            String contentType = rs.getString(4);
            if (contentType == null) {
                // Swift's update_data_record treats a row without content type as a subdir
                handler.subdir(rs.getString(1));
                return;
            }
            handler.row(rs.getString(1), rs.getString(2), rs.getLong(3), contentType, nullToEmpty(rs.getString(5)));
        }

        private PreparedStatement bind() throws SQLException {
            String upper = null;
            String em = endMarker;
            String m = marker;
            if (em != null && !em.isEmpty() && (!isSet(prefix) || CodePoints.compare(em, endPrefixOrEmpty()) < 0)) {
                upper = em;
            } else if (isSet(prefix)) {
                upper = endPrefix;
            }
            String lowerOp = "";
            String lower = null;
            if (delimForceGte) {
                lowerOp = ">=";
                lower = marker;
                delimForceGte = false;
            } else if (m != null && !m.isEmpty() && (!isSet(prefix) || CodePoints.compare(m, prefixOrEmpty()) >= 0)) {
                lowerOp = ">";
                lower = m;
            } else if (isSet(prefix)) {
                lowerOp = ">=";
                lower = prefix;
            }
            PreparedStatement ps = statement(upper != null, lowerOp, !allowReserved, reverse);
            int i = 1;
            ps.setInt(i++, policyIndex);
            if (upper != null) {
                ps.setString(i++, upper);
            }
            if (lower != null) {
                ps.setString(i++, lower);
            }
            if (!allowReserved) {
                ps.setString(i++, RESERVED_BOUND);
            }
            ps.setInt(i, limit - results);
            return ps;
        }

        private String prefixOrEmpty() {
            return prefix == null ? "" : prefix;
        }

        private String endPrefixOrEmpty() {
            return endPrefix == null ? "" : endPrefix;
        }
    }

    private static boolean isSet(@Nullable String s) {
        return s != null && !s.isEmpty();
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static String stripTrailingSlashes(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(0, end);
    }
}
