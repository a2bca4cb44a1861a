package io.cairn.common.db;

import io.cairn.common.io.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The part of Swift's {@code swift/common/db.py: DatabaseBroker} both DB types share: creation in a
 * temp file renamed into place, one long-lived connection with Swift's settings, transactions, appending
 * rows to the {@code .pending} file and folding it in (Swift's {@code put_record}/{@code _commit_puts}),
 * the {@code metadata} column, the sync tables, timestamps
 * merged by replication, re-id after rsync, and quarantine of a corrupt file.
 *
 * <p>Subclasses ({@code AccountBroker}, {@code ContainerBroker}) add the schema and row semantics:
 * {@link #createTables}, {@link #mergeItems(Connection, List)}, {@link #decodePendingEntry},
 * {@link #encodePendingEntry},
 * {@link #isDeleted(Connection)}, {@link #info(Connection)}.
 *
 * <p>Thread-safe: every operation holds the broker's monitor, so one broker serialises all work on its
 * DB; callers run it on the DB's device executor (it blocks on the disk). Keep one broker per DB file
 * per process: two brokers on one file exclude each other only through SQLite's own file locks.
 *
 * @param <R> the row record this DB holds (a container row for accounts, an object row for containers)
 */
public abstract class DatabaseBroker<R> implements AutoCloseable {
    private final Path dbFile;
    private final String dbType;
    private final String containsType;
    private final AtomicLong transactions = new AtomicLong();
    private @Nullable Connection conn;

    /**
     * @param dbFile the {@code <hash>.db} file
     * @param dbType {@code account} or {@code container} (the {@code <type>_stat} table)
     * @param containsType {@code container} or {@code object} (the rows table)
     */
    protected DatabaseBroker(Path dbFile, String dbType, String containsType) {
        this.dbFile = dbFile.toAbsolutePath();
        this.dbType = dbType;
        this.containsType = containsType;
    }

    public final Path dbFile() {
        return dbFile;
    }

    public final Path pendingFile() {
        return PendingFile.of(dbFile);
    }

    /** {@code account} or {@code container}. */
    public final String dbType() {
        return dbType;
    }

    /** The rows table: {@code container} or {@code object}. */
    public final String containsType() {
        return containsType;
    }

    /** Whether the DB file exists (Swift: {@code os.path.exists(db_file)}). */
    public final boolean exists() {
        return Files.isRegularFile(dbFile);
    }

    /** SQLite transactions this broker committed (group-commit tests count them). */
    public final long transactionCount() {
        return transactions.get();
    }

    // ---------------------------------------------------------------- creation

    /**
     * Swift's {@code initialize}: builds the DB in a {@code .tmp} file in the hash directory with fast
     * settings, commits, fsyncs, then links it into place — failing with
     * {@link DatabaseAlreadyExistsException} when another creator won — and fsyncs the directory.
     */
    public final synchronized void initialize(String putTimestamp, int storagePolicyIndex)
            throws IOException, SQLException, DatabaseAlreadyExistsException {
        Path dir = dbFile.getParent();
        if (dir == null) {
            throw new IOException("no directory for " + dbFile);
        }
        DurableFiles.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "tmp", ".tmp");
        try {
            try (Connection c = DbConnections.openForCreate(tmp)) {
                c.setAutoCommit(false);
                SqlScript.resource(DatabaseBroker.class, "sync-tables.sql").execute(c);
                createTables(c, putTimestamp.isEmpty() ? "0000000000.00000" : putTimestamp, storagePolicyIndex);
                c.commit();
            }
            DurableFiles.fsync(tmp);
            try {
                // a hard link fails when the target exists: the atomic form of Swift's exists-check + rename
                Files.createLink(dbFile, tmp);
            } catch (FileAlreadyExistsException e) {
                throw new DatabaseAlreadyExistsException(dbFile);
            }
            DurableFiles.fsyncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
        closeConnection();
    }

    /**
     * Creates the type's tables, indexes and triggers and its {@code <type>_stat} row on a fresh DB
     * (the sync tables exist already), inside the creation transaction.
     */
    protected abstract void createTables(Connection c, String putTimestamp, int storagePolicyIndex) throws SQLException;

    /** Swift's {@code _new_db_id}: {@code uuid4 + "-" + device name}. */
    protected final String newDbId() {
        return UUID.randomUUID() + "-" + DbPaths.devicePath(dbFile).getFileName();
    }

    // ---------------------------------------------------------------- transactions

    /** Runs {@code work} on the connection in autocommit mode (each statement its own read transaction). */
    public final synchronized <T> T read(SqlWork<T> work) throws SQLException {
        Connection c = connection();
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw possiblyQuarantine(e);
        }
    }

    /**
     * Runs {@code work} in one write transaction ({@code BEGIN IMMEDIATE} … {@code COMMIT}); rolls back
     * on any failure, so nothing is half-written.
     */
    public final synchronized <T> T write(SqlWork<T> work) throws SQLException {
        Connection c = connection();
        try (Statement st = c.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            boolean committed = false;
            try {
                T result = work.run(c);
                st.execute("COMMIT");
                committed = true;
                transactions.incrementAndGet();
                return result;
            } finally {
                if (!committed) {
                    rollbackQuietly(st);
                }
            }
        } catch (SQLException e) {
            throw possiblyQuarantine(e);
        }
    }

    private static void rollbackQuietly(Statement st) {
        try {
            st.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction left to roll back (SQLite already aborted it)
        }
    }

    private Connection connection() throws SQLException {
        Connection c = conn;
        if (c == null) {
            try {
                c = DbConnections.open(dbFile);
            } catch (SQLException e) {
                throw possiblyQuarantine(e);
            }
            conn = c;
        }
        return c;
    }

    private synchronized void closeConnection() {
        Connection c = conn;
        conn = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a broken connection
            }
        }
    }

    @Override
    public final void close() {
        closeConnection();
    }

    // ---------------------------------------------------------------- quarantine

    /**
     * Swift's {@code possibly_quarantine}: a malformed, non-database or I/O-failing file is moved to
     * {@code <dev>/quarantined/<type>s/<hash>} and {@link DatabaseQuarantinedException} is thrown;
     * any other error is returned for the caller to throw.
     */
    private SQLException possiblyQuarantine(SQLException e) {
        String hint = quarantineHint(e);
        if (hint == null) {
            return e;
        }
        closeConnection();
        throw quarantine(hint, e);
    }

    static @Nullable String quarantineHint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("database disk image is malformed") || m.contains("malformed database schema")) {
                return "malformed database";
            }
            if (m.contains(" is not a database")) {
                return "corrupted database";
            }
            if (m.contains("disk I/O error")) {
                return "disk error while accessing database";
            }
        }
        return null;
    }

    /** Moves the hash directory to quarantine (a {@code -<uuid>} suffix when taken) and reports where. */
    public final synchronized DatabaseQuarantinedException quarantine(String reason, @Nullable Throwable cause) {
        closeConnection();
        Path dbDir = dbFile.getParent();
        if (dbDir == null) {
            throw new IllegalStateException("no directory for " + dbFile);
        }
        Path quarantineDir = DbPaths.devicePath(dbFile).resolve("quarantined").resolve(dbType + "s");
        Path target = quarantineDir.resolve(dbDir.getFileName());
        try {
            Files.createDirectories(quarantineDir);
            if (Files.exists(target)) {
                target = quarantineDir.resolve(
                        dbDir.getFileName() + "-" + UUID.randomUUID().toString().replace("-", ""));
            }
            Files.move(dbDir, target);
        } catch (IOException io) {
            throw new UncheckedIOException("cannot quarantine " + dbDir, io);
        }
        String detail = "Quarantined " + dbDir + " to " + target + " due to " + reason;
        return new DatabaseQuarantinedException(detail, target, cause == null ? new SQLException(reason) : cause);
    }

    // ---------------------------------------------------------------- pending file and rows

    /**
     * The outcome of {@link #appendPending}: the pending file's size in bytes before and after it ({@code
     * sizeAfter == 0} when the rows were folded straight into the DB because the file was over {@link
     * PendingFile#PENDING_CAP}). Immutable.
     */
    public record PendingAppend(long sizeBefore, long sizeAfter) {
        /** Whether this append made an empty pending file non-empty (a deferred fold is due). */
        public boolean startedPendingFile() {
            return sizeBefore == 0 && sizeAfter > 0;
        }

        /** Whether the pending file is now over {@link PendingFile#PENDING_CAP} (it should be folded). */
        public boolean overCap() {
            return sizeAfter > PendingFile.PENDING_CAP;
        }
    }

    /**
     * Swift's {@code put_record} for a batch: appends every record to {@code .pending} with ONE write (no
     * fsync) — or, when the file is already over {@link PendingFile#PENDING_CAP}, folds it together with
     * {@code records} in one transaction instead, as Swift's {@code _commit_puts(item_list)} does.
     *
     * <p>Durability: once this returns the rows are in the page cache: a process crash loses nothing; an OS
     * crash or power loss may lose rows not yet folded into SQLite (exactly Swift's guarantee). A row still in
     * {@code .pending} is visible to every reader, because readers fold first ({@link #commitPending}).
     *
     * @throws NoSuchFileException when the DB does not exist (Swift: {@code DatabaseConnectionError "DB doesn't
     *     exist"})
     * @throws IOException when the pending file cannot be locked or written (nothing is acknowledged)
     */
    public final synchronized PendingAppend appendPending(List<R> records) throws SQLException, IOException {
        if (!exists()) {
            throw new NoSuchFileException(dbFile.toString(), null, "DB doesn't exist");
        }
        List<byte[]> pickles = new ArrayList<>(records.size());
        for (R r : records) {
            pickles.add(encodePendingEntry(r));
        }
        Path pending = pendingFile();
        PendingLock lock = PendingLock.acquire(hashDir());
        try {
            long before = PendingFile.size(pending);
            if (before > PendingFile.PENDING_CAP) {
                foldLocked(pending, records);
                return new PendingAppend(before, 0);
            }
            try {
                return new PendingAppend(before, PendingFile.append(pending, pickles));
            } catch (IOException e) {
                throw new IOException("cannot append " + records.size() + " row(s) to " + pending + ": " + e, e);
            }
        } finally {
            lock.release();
        }
    }

    /**
     * Folds the {@code .pending} file into the DB in one transaction, then truncates it (Swift's {@code
     * _commit_puts}): the rows Cairn appended ({@link #appendPending}) and any a Swift process left.
     * Undecodable entries are skipped as Swift skips them. Returns the number of records merged. Every reader
     * calls this first, so an acknowledged row is visible to the next read.
     *
     * <p>Locking: within the process the broker's monitor serialises it with every other operation of this
     * broker, and {@code PendingLock} ({@code fcntl} on {@code <hashdir>/.lock}, plus a JVM-wide stripe) with
     * every append and fold of any Cairn broker or process on the same DB. Swift serialises the same work with
     * {@code flock(LOCK_EX)} on that file ({@code lock_parent_directory}); on Linux {@code fcntl} and {@code
     * flock} do not exclude each other, so if a Swift process appends to the same {@code .pending} between
     * this read and the truncate, that entry is lost. Do not run Swift's and Cairn's servers on one DB
     * concurrently in production (the interop tests do, with requests that never overlap on one DB).
     */
    public final synchronized int commitPending() throws SQLException, IOException {
        Path pending = pendingFile();
        if (PendingFile.size(pending) == 0) {
            return 0;
        }
        PendingLock lock = PendingLock.acquire(hashDir());
        try {
            return foldLocked(pending, List.of());
        } finally {
            lock.release();
        }
    }

    /** {@code _commit_puts(extra)} under the pending lock: {@code extra} first, then the file's entries. */
    private int foldLocked(Path pending, List<R> extra) throws SQLException, IOException {
        List<R> records = new ArrayList<>(extra);
        for (byte[] pickle : PendingFile.readEntries(pending)) {
            R record = decodePendingEntry(pickle);
            if (record != null) {
                records.add(record);
            }
        }
        if (!records.isEmpty()) {
            write(c -> {
                mergeItems(c, records);
                return Boolean.TRUE;
            });
        }
        PendingFile.truncate(pending);
        return records.size();
    }

    private Path hashDir() throws IOException {
        Path dir = dbFile.getParent();
        if (dir == null) {
            throw new IOException("no directory for " + dbFile);
        }
        return dir;
    }

    /**
     * {@link #commitPending} for readers that tolerate stale data (Swift's {@code _commit_puts_stale_ok}):
     * an unreadable pending file is left for the next writer instead of failing the read.
     */
    public final void commitPendingQuietly() throws SQLException {
        try {
            commitPending();
        } catch (IOException e) {
            // stale reads are fine here: the next commit retries the pending file
        }
    }

    /** Decodes one pickled pending tuple (legacy shorter tuples included), or null when it is not one. */
    protected abstract @Nullable R decodePendingEntry(byte[] pickle);

    /**
     * {@code pickle.dumps(make_tuple_for_pickle(record), protocol=2)} byte for byte as Swift's server writes
     * it for the same record; {@link #decodePendingEntry} reads it back.
     */
    protected abstract byte[] encodePendingEntry(R record);

    /**
     * Merges rows in one transaction (Swift's {@code merge_items}); when {@code source} is a remote DB id,
     * records {@code incoming_sync[source] = max(sourceMaxRow, current)} in the same transaction.
     */
    public final void mergeItems(List<R> items, @Nullable String source, long sourceMaxRow) throws SQLException {
        write(c -> {
            mergeItems(c, items);
            if (source != null) {
                upsertSync(c, "incoming_sync", source, sourceMaxRow);
            }
            return Boolean.TRUE;
        });
    }

    /**
     * Merges rows as a {@code merge_items} RPC delivers them (JSON objects with the table's columns and
     * {@code ROWID}); with {@code source}, records the highest ROWID as that peer's incoming sync point.
     */
    public final void mergeReplicatedRows(List<Map<String, @Nullable Object>> rows, @Nullable String source)
            throws SQLException {
        List<R> items = new ArrayList<>(rows.size());
        long maxRow = -1;
        for (Map<String, @Nullable Object> row : rows) {
            items.add(recordFromReplication(row));
            if (row.get("ROWID") instanceof Number n) {
                maxRow = Math.max(maxRow, n.longValue());
            }
        }
        mergeItems(items, source, maxRow);
    }

    /** Applies rows inside the caller's transaction with the type's merge rules. */
    protected abstract void mergeItems(Connection c, List<R> items) throws SQLException;

    /** Converts a row of a {@code merge_items} RPC (a JSON object with the table's columns) to a record. */
    protected abstract R recordFromReplication(Map<String, @Nullable Object> row);

    /** Swift's {@code get_items_since}: whole rows with ROWID above {@code start}, as column→value maps. */
    public final List<Map<String, @Nullable Object>> itemsSince(long start, int count) throws SQLException {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM " + containsType + " WHERE ROWID > ? ORDER BY ROWID ASC LIMIT ?")) {
                ps.setLong(1, start);
                ps.setInt(2, count);
                try (ResultSet rs = ps.executeQuery()) {
                    return rows(rs);
                }
            }
        });
    }

    /** Every row of a result set as an ordered column→value map. */
    protected static List<Map<String, @Nullable Object>> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<Map<String, @Nullable Object>> out = new ArrayList<>();
        while (rs.next()) {
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                row.put(md.getColumnLabel(i), rs.getObject(i));
            }
            out.add(row);
        }
        return out;
    }

    /** Swift's {@code get_max_row}: {@code sqlite_sequence.seq} of the rows table, or -1. */
    public final long maxRow() throws SQLException {
        return maxRow(containsType);
    }

    /** Swift's {@code get_max_row(table)}: {@code sqlite_sequence.seq} of {@code table}, or -1. */
    public final long maxRow(String table) throws SQLException {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM sqlite_sequence WHERE name = ? LIMIT 1")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : -1L;
                }
            }
        });
    }

    // ---------------------------------------------------------------- stat row

    /** The type's info dict in Swift's key order ({@code get_info}), read on {@code c}. */
    protected abstract Map<String, @Nullable Object> info(Connection c) throws SQLException;

    /** Swift's {@code _is_deleted(conn)}. */
    protected abstract boolean isDeleted(Connection c) throws SQLException;

    /** Swift's {@code get_info}. */
    public final Map<String, @Nullable Object> info() throws SQLException {
        return read(this::info);
    }

    /** Swift's {@code is_deleted}: a missing file is deleted. */
    public final boolean isDeleted() throws SQLException {
        return !exists() || read(this::isDeleted);
    }

    /**
     * Swift's {@code get_replication_info}: info with {@code count}, raw {@code metadata}, {@code max_row}
     * (in Swift's key order). Types whose Swift broker adds keys override it.
     */
    public Map<String, @Nullable Object> replicationInfo() throws SQLException {
        Map<String, @Nullable Object> info = info();
        info.put("count", info.remove(containsType + "_count"));
        info.put("metadata", rawMetadata());
        info.put("max_row", maxRow());
        return info;
    }

    /** The raw {@code metadata} column ('' when absent, as on old DBs). */
    public final String rawMetadata() throws SQLException {
        return read(this::rawMetadata);
    }

    private String rawMetadata(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT metadata FROM " + dbType + "_stat")) {
            if (!rs.next()) {
                throw quarantine("missing row in " + dbType + "_stat table", null);
            }
            String md = rs.getString(1);
            return md == null ? "" : md;
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("no such column: metadata")) {
                return "";
            }
            throw e;
        }
    }

    /** The parsed metadata column. */
    public final DbMetadata metadata() throws SQLException {
        return DbMetadata.parse(rawMetadata());
    }

    /**
     * Swift's {@code update_metadata}: merges {@code updates} (newer timestamp wins per key) in one
     * transaction. With limits, validates the accumulated result first and returns Swift's 400 message
     * without writing when over; returns null on success (or when nothing would change).
     */
    public final @Nullable String updateMetadata(DbMetadata updates, int maxCount, int maxOverallSize)
            throws SQLException {
        try {
            write(c -> applyMetadata(c, updates, maxCount, maxOverallSize));
            return null;
        } catch (MetadataRejected rejected) {
            return rejected.getMessage();
        }
    }

    private Boolean applyMetadata(Connection c, DbMetadata updates, int maxCount, int maxOverallSize)
            throws SQLException {
        DbMetadata md = DbMetadata.parse(rawMetadata(c));
        if (!md.wouldChange(updates)) {
            return Boolean.TRUE;
        }
        md.merge(updates);
        if (maxCount >= 0) {
            String violation = md.violation(maxCount, maxOverallSize);
            if (violation != null) {
                throw new MetadataRejected(violation);
            }
        }
        setMetadata(c, md);
        return Boolean.TRUE;
    }

    /** Merges metadata without limits (replication and delete). */
    public final void updateMetadata(DbMetadata updates) throws SQLException {
        updateMetadata(updates, -1, -1);
    }

    private void setMetadata(Connection c, DbMetadata md) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + dbType + "_stat SET metadata = ?")) {
            ps.setString(1, md.toJson());
            ps.executeUpdate();
        }
    }

    /**
     * Swift's {@code delete_db}: clears every metadata key (except {@code keepLowerCase}) at
     * {@code timestamp}, then marks the DB deleted when {@code timestamp} is newer than its delete
     * timestamp — all in one transaction.
     */
    public final void deleteDb(String timestamp, List<String> keepLowerCase) throws SQLException {
        write(c -> {
            DbMetadata md = DbMetadata.parse(rawMetadata(c));
            DbMetadata cleared = md.clearedAt(timestamp, keepLowerCase);
            if (md.wouldChange(cleared)) {
                md.merge(cleared);
                setMetadata(c, md);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + dbType
                    + "_stat SET delete_timestamp = ?, status = 'DELETED', status_changed_at = ?"
                    + " WHERE delete_timestamp < ?")) {
                ps.setString(1, timestamp);
                ps.setString(2, timestamp);
                ps.setString(3, timestamp);
                ps.executeUpdate();
            }
            return Boolean.TRUE;
        });
    }

    /** Swift's {@code update_put_timestamp}: raises put_timestamp only. */
    public final void updatePutTimestamp(String timestamp) throws SQLException {
        write(c -> updateIfOlder(c, "put_timestamp", timestamp));
    }

    /** Swift's {@code update_status_changed_at}: raises status_changed_at only. */
    public final void updateStatusChangedAt(String timestamp) throws SQLException {
        write(c -> updateIfOlder(c, "status_changed_at", timestamp));
    }

    /** {@code UPDATE <type>_stat SET col = ? WHERE col < ?} inside the caller's transaction. */
    protected final Integer updateIfOlder(Connection c, String column, String timestamp) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE " + dbType + "_stat SET " + column + " = ? WHERE " + column + " < ?")) {
            ps.setString(1, timestamp);
            ps.setString(2, timestamp);
            return ps.executeUpdate();
        }
    }

    /**
     * Swift's {@code merge_timestamps} (replication): {@code created_at = MIN}, {@code put/delete = MAX};
     * when that flips the deleted state, {@code status_changed_at} becomes {@code nowInternal}.
     */
    public final void mergeTimestamps(String createdAt, String putTimestamp, String deleteTimestamp, String nowInternal)
            throws SQLException {
        write(c -> {
            boolean oldStatus = isDeleted(c);
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE " + dbType + "_stat SET created_at=MIN(?, created_at),"
                            + " put_timestamp=MAX(?, put_timestamp), delete_timestamp=MAX(?, delete_timestamp)")) {
                ps.setString(1, createdAt);
                ps.setString(2, putTimestamp);
                ps.setString(3, deleteTimestamp);
                ps.executeUpdate();
            }
            if (oldStatus != isDeleted(c)) {
                updateIfOlder(c, "status_changed_at", nowInternal);
            }
            return Boolean.TRUE;
        });
    }

    // ---------------------------------------------------------------- sync tables

    /** Swift's {@code get_sync}: the sync point recorded for {@code remoteId}, or -1. */
    public final long sync(String remoteId, boolean incoming) throws SQLException {
        return read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT sync_point FROM " + syncTable(incoming) + " WHERE remote_id=?")) {
                ps.setString(1, remoteId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : -1L;
                }
            }
        });
    }

    /** Swift's {@code get_syncs}: {@code [{"remote_id": …, "sync_point": …}]}. */
    public final List<Map<String, @Nullable Object>> syncs(boolean incoming) throws SQLException {
        return read(c -> {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT remote_id, sync_point FROM " + syncTable(incoming))) {
                return rows(rs);
            }
        });
    }

    /** Swift's {@code merge_syncs}: per remote id, {@code sync_point = max(new, old)}; one transaction. */
    public final void mergeSyncs(List<Map<String, @Nullable Object>> syncPoints, boolean incoming) throws SQLException {
        write(c -> {
            for (Map<String, @Nullable Object> rec : syncPoints) {
                Object point = rec.get("sync_point");
                Object id = rec.get("remote_id");
                if (!(point instanceof Number n) || id == null) {
                    throw new IllegalArgumentException("bad sync point: " + rec);
                }
                upsertSync(c, syncTable(incoming), String.valueOf(id), n.longValue());
            }
            return Boolean.TRUE;
        });
    }

    private static String syncTable(boolean incoming) {
        return incoming ? "incoming_sync" : "outgoing_sync";
    }

    private static void upsertSync(Connection c, String table, String remoteId, long point) throws SQLException {
        try (PreparedStatement up =
                c.prepareStatement("UPDATE " + table + " SET sync_point=max(?, sync_point) WHERE remote_id=?")) {
            up.setLong(1, point);
            up.setString(2, remoteId);
            if (up.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ins =
                c.prepareStatement("INSERT INTO " + table + " (sync_point, remote_id) VALUES (?, ?)")) {
            ins.setLong(1, point);
            ins.setString(2, remoteId);
            ins.executeUpdate();
        }
    }

    /**
     * Swift's {@code newid} after an rsync: a fresh {@code id}, and {@code incoming_sync[remoteId]} = the
     * highest ROWID present (the sender has everything up to it), plus {@link #onNewId}.
     */
    public final void newId(String remoteId) throws SQLException {
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + dbType + "_stat SET id=?")) {
                ps.setString(1, newDbId());
                ps.executeUpdate();
            }
            long point = -1;
            try (Statement st = c.createStatement();
                    ResultSet rs =
                            st.executeQuery("SELECT ROWID FROM " + containsType + " ORDER BY ROWID DESC LIMIT 1")) {
                if (rs.next()) {
                    point = rs.getLong(1);
                }
            }
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT OR REPLACE INTO incoming_sync (sync_point, remote_id) VALUES (?, ?)")) {
                ps.setLong(1, point);
                ps.setString(2, remoteId);
                ps.executeUpdate();
            }
            onNewId(c);
            return Boolean.TRUE;
        });
    }

    /** Extra work when a DB arrives by rsync (containers zero their reported_* columns). */
    protected void onNewId(Connection c) throws SQLException {}

    @Override
    public String toString() {
        return dbType.toUpperCase(Locale.ROOT).charAt(0) + dbType.substring(1) + "Broker(" + dbFile + ")";
    }

    /** A metadata update over Swift's limits: carries the 400 message; nothing was written. */
    private static final class MetadataRejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MetadataRejected(String message) {
            super(message);
        }
    }
}
