package io.cairn.account.db;

import io.cairn.common.codec.PickleException;
import io.cairn.common.codec.PickleReader;
import io.cairn.common.codec.PickleWriter;
import io.cairn.common.codec.PyBytes;
import io.cairn.common.codec.PyTuple;
import io.cairn.common.db.DatabaseBroker;
import io.cairn.common.db.SqlScript;
import io.cairn.common.listing.ListingParams;
import io.cairn.common.time.Timestamp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code swift/account/backend.py: AccountBroker} on the shared broker base: the account schema
 * (byte-identical DDL, triggers keeping {@code account_stat} and {@code policy_stat} totals and the
 * {@code chexor} hash), {@code merge_items} of container rows (newest put and delete timestamps kept
 * independently, counts from the incoming report), the deleted rules and
 * {@link #listContainers list_containers_iter}.
 *
 * <p>Thread-safe as its base: every operation holds the broker's monitor. Run it on the DB's device
 * executor.
 */
public final class AccountBroker extends DatabaseBroker<ContainerRecord> {
    private static final SqlScript TABLES = SqlScript.resource(AccountBroker.class, "account-tables.sql");
    private static final SqlScript POLICY_STAT = SqlScript.resource(AccountBroker.class, "policy-stat-table.sql");

    private final String account;
    private final Clock clock;

    /**
     * @param dbFile the DB file ({@code DbPaths.dbFile(dev, ACCOUNTS, part, hash)})
     * @param account the account name (needed to create the DB)
     * @param clock the clock of {@code created_at} and {@code status_changed_at}
     */
    public AccountBroker(Path dbFile, String account, Clock clock) {
        super(dbFile, "account", "container");
        this.account = account;
        this.clock = clock;
    }

    /** The account name this broker creates its DB with ('' when opened by replication). */
    public String account() {
        return account;
    }

    @Override
    protected void createTables(Connection c, String putTimestamp, int storagePolicyIndex) throws SQLException {
        if (account.isEmpty()) {
            throw new IllegalStateException("Attempting to create a new database with no account set");
        }
        TABLES.execute(c);
        try (PreparedStatement ps = c.prepareStatement("UPDATE account_stat SET account = ?, created_at = ?, id = ?,"
                + " put_timestamp = ?, status_changed_at = ?")) {
            ps.setString(1, account);
            ps.setString(2, Timestamp.now(clock).internal());
            ps.setString(3, newDbId());
            ps.setString(4, putTimestamp);
            ps.setString(5, putTimestamp);
            ps.executeUpdate();
        }
        POLICY_STAT.execute(c);
    }

    // ---------------------------------------------------------------- rows

    /** Swift's {@code _commit_puts_load}: {@code (name, put, delete, objects, bytes, deleted[, policy])}. */
    @Override
    protected @Nullable ContainerRecord decodePendingEntry(byte[] pickle) {
        try {
            Object loaded = PickleReader.load(pickle);
            if (!(loaded instanceof List<?> t) || t.size() < 6) {
                return null;
            }
            return new ContainerRecord(
                    text(t.get(0)),
                    text(t.get(1)),
                    text(t.get(2)),
                    number(t.get(3)),
                    number(t.get(4)),
                    (int) number(t.get(5)),
                    t.size() > 6 ? (int) number(t.get(6)) : 0);
        } catch (PickleException | IllegalArgumentException e) {
            return null; // Swift logs "Invalid pending entry" and skips it
        }
    }

    /**
     * Swift's account server {@code put_container} tuple: {@code (name, put_timestamp, delete_timestamp,
     * object_count, bytes_used, deleted, storage_policy_index)}. Swift's server passes the request's header
     * strings for the timestamps, counts and policy index (only {@code deleted} is an int), so they are
     * pickled as str here too: the decimal form of the parsed value, identical to the header for what
     * container servers send. (Where the policy header is absent Swift pickles int 0 and Cairn str '0';
     * both fold the same.)
     */
    @Override
    protected byte[] encodePendingEntry(ContainerRecord r) {
        return PickleWriter.dumpProtocol2(PyTuple.of(
                r.name(),
                r.putTimestamp(),
                r.deleteTimestamp(),
                Long.toString(r.objectCount()),
                Long.toString(r.bytesUsed()),
                r.deleted(),
                Integer.toString(r.storagePolicyIndex())));
    }

    private static String text(@Nullable Object o) {
        if (o instanceof PyBytes b) {
            return b.asUtf8();
        }
        if (o == null) {
            throw new IllegalArgumentException("None where text is required");
        }
        return o.toString();
    }

    private static long number(@Nullable Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return Long.parseLong(text(o).trim());
    }

    @Override
    protected ContainerRecord recordFromReplication(Map<String, @Nullable Object> row) {
        Object policy = row.get("storage_policy_index");
        return new ContainerRecord(
                text(row.get("name")),
                text(row.get("put_timestamp")),
                text(row.get("delete_timestamp")),
                number(row.get("object_count")),
                number(row.get("bytes_used")),
                (int) number(row.get("deleted")),
                policy == null ? 0 : (int) number(policy));
    }

    /** Swift's {@code merge_items} body: per name, DELETE the old row and INSERT the merged one. */
    @Override
    protected void mergeItems(Connection c, List<ContainerRecord> items) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT name, put_timestamp, delete_timestamp,"
                        + " object_count, bytes_used, deleted, storage_policy_index FROM container WHERE name = ?"
                        + " AND deleted IN (0, 1)");
                PreparedStatement delete =
                        c.prepareStatement("DELETE FROM container WHERE name = ? AND" + " deleted IN (0, 1)");
                PreparedStatement insert = c.prepareStatement("INSERT INTO container (name, put_timestamp,"
                        + " delete_timestamp, object_count, bytes_used, deleted, storage_policy_index)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (ContainerRecord rec : items) {
                ContainerRecord merged = rec;
                select.setString(1, rec.name());
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        merged = mergeWithExisting(rec, rs.getString(2), rs.getString(3));
                    }
                }
                delete.setString(1, merged.name());
                delete.executeUpdate();
                insert.setString(1, merged.name());
                insert.setString(2, merged.putTimestamp());
                insert.setString(3, merged.deleteTimestamp());
                insert.setLong(4, merged.objectCount());
                insert.setLong(5, merged.bytesUsed());
                insert.setInt(6, merged.deleted());
                insert.setInt(7, merged.storagePolicyIndex());
                insert.executeUpdate();
            }
        }
    }

    private static ContainerRecord mergeWithExisting(
            ContainerRecord rec, @Nullable String oldPut, @Nullable String oldDelete) {
        String put = rec.putTimestamp();
        String del = rec.deleteTimestamp();
        if (oldPut != null && Timestamp.parse(oldPut).compareTo(Timestamp.parse(put)) > 0) {
            put = oldPut;
        }
        if (oldDelete != null && Timestamp.parse(oldDelete).compareTo(Timestamp.parse(del)) > 0) {
            del = oldDelete;
        }
        boolean deleted = Timestamp.parse(del).compareTo(Timestamp.parse(put)) > 0 && rec.objectCount() == 0;
        return new ContainerRecord(
                rec.name(), put, del, rec.objectCount(), rec.bytesUsed(), deleted ? 1 : 0, rec.storagePolicyIndex());
    }

    // ---------------------------------------------------------------- info

    @Override
    protected Map<String, @Nullable Object> info(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT account, created_at, put_timestamp, delete_timestamp,"
                        + " status_changed_at, container_count, object_count, bytes_used, hash, id"
                        + " FROM account_stat")) {
            List<Map<String, @Nullable Object>> rows = rows(rs);
            if (rows.isEmpty()) {
                throw quarantine("missing row in account_stat table", null);
            }
            return rows.get(0);
        }
    }

    @Override
    protected boolean isDeleted(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT put_timestamp, delete_timestamp, container_count, status FROM account_stat")) {
            if (!rs.next()) {
                throw quarantine("missing row in account_stat table", null);
            }
            return "DELETED".equals(rs.getString(4)) || (rs.getLong(3) == 0 && newer(rs.getString(2), rs.getString(1)));
        }
    }

    /** Swift's {@code is_status_deleted}: status DELETED, or delete newer than put (as strings). */
    public boolean isStatusDeleted() throws SQLException {
        return read(c -> {
            try (Statement st = c.createStatement();
                    ResultSet rs =
                            st.executeQuery("SELECT put_timestamp, delete_timestamp, status FROM account_stat")) {
                if (!rs.next()) {
                    return false;
                }
                String put = String.valueOf(rs.getString(1));
                String del = String.valueOf(rs.getString(2));
                return "DELETED".equals(rs.getString(3)) || del.compareTo(put) > 0;
            }
        });
    }

    private static boolean newer(@Nullable String a, @Nullable String b) {
        return Timestamp.parse(a == null ? "0" : a).compareTo(Timestamp.parse(b == null ? "0" : b)) > 0;
    }

    /** Whether the account has no live containers (Swift's {@code empty}). */
    public boolean isEmpty() throws SQLException {
        return read(c -> {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT container_count FROM account_stat")) {
                return !rs.next() || rs.getLong(1) == 0;
            }
        });
    }

    /** Swift's {@code get_policy_stats}: per policy index {@code container_count, object_count, bytes_used}. */
    public Map<Integer, long[]> policyStats() throws SQLException {
        return read(c -> {
            Map<Integer, long[]> out = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT storage_policy_index, container_count, object_count,"
                            + " bytes_used FROM policy_stat")) {
                while (rs.next()) {
                    out.put(rs.getInt(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                }
            } catch (SQLException e) {
                if (!String.valueOf(e.getMessage()).contains("no such table: policy_stat")) {
                    throw e;
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- listing

    /**
     * Swift's {@code list_containers_iter}, query for query: names in UTF-8 byte order from the
     * {@code (deleted, name)} index, bounded by marker/end_marker/prefix; with a delimiter, each name
     * containing it after the prefix becomes one subdir and the same statement shape resumes just past
     * that subdir (no query per name). Uses prefix, delimiter, marker, end_marker, reverse and limit.
     *
     * @param allowReserved list names in the reserved (NUL) namespace too
     */
    public List<ContainerListingRow> listContainers(ListingParams params, boolean allowReserved) throws SQLException {
        return read(c -> new ContainerListingQuery(c, params, allowReserved, dbVersion(c)).run());
    }

    private static int dbVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT name FROM sqlite_master WHERE name = 'ix_container_deleted_name'")) {
            return rs.next() ? 1 : 0;
        }
    }

    /** Every container row with ROWID above {@code start} (tests and replication). */
    public List<ContainerRecord> containersSince(long start, int count) throws SQLException {
        List<ContainerRecord> out = new ArrayList<>();
        for (Map<String, @Nullable Object> row : itemsSince(start, count)) {
            out.add(recordFromReplication(row));
        }
        return out;
    }
}
