package io.cairn.container.db;

import io.cairn.common.codec.PickleException;
import io.cairn.common.codec.PickleReader;
import io.cairn.common.codec.PickleWriter;
import io.cairn.common.codec.PyTuple;
import io.cairn.common.codec.SwiftBytes;
import io.cairn.common.db.DatabaseBroker;
import io.cairn.common.db.DbMetadata;
import io.cairn.common.db.SqlScript;
import io.cairn.common.time.DecodedTimestamps;
import io.cairn.common.time.Timestamp;
import io.cairn.common.time.TimestampCodec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Swift 2.30.1's {@code ContainerBroker} on one {@code <hash>.db}: the exact schema (verbatim DDL in
 * {@code container-schema.sql}), object-row merge with combined data/content-type/meta timestamps
 * ({@code merge_items} + {@code update_new_item_from_existing}), {@code .pending} records, stats and the
 * deleted/empty rules.
 *
 * <p>Thread-safe as its base: every operation holds the broker's monitor; run it on the DB's device
 * executor.
 */
public final class ContainerBroker extends DatabaseBroker<ObjectRecord> {
    private static final SqlScript SCHEMA = SqlScript.resource(ContainerBroker.class, "container-schema.sql");
    private static final String SELECT_EXISTING = "SELECT name, created_at, size, content_type, etag, deleted,"
            + " storage_policy_index FROM object WHERE deleted IN (0, 1) AND name = ?";

    private final String account;
    private final String container;
    private final Clock clock;

    /**
     * @param dbFile {@code <dev>/containers/<part>/<suffix>/<hash>/<hash>.db}
     * @param account account name (stored on creation)
     * @param container container name (stored on creation)
     * @param clock source of {@code created_at}
     */
    public ContainerBroker(Path dbFile, String account, String container, Clock clock) {
        super(dbFile, "container", "object");
        this.account = account;
        this.container = container;
        this.clock = clock;
    }

    /** Whether this broker knows its account and container names (a REPLICATE-opened one does not). */
    public boolean hasNames() {
        return !account.isEmpty() || !container.isEmpty();
    }

    @Override
    protected void createTables(Connection c, String putTimestamp, int storagePolicyIndex) throws SQLException {
        SCHEMA.execute(c);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO policy_stat (storage_policy_index) VALUES (?)")) {
            ps.setInt(1, storagePolicyIndex);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO container_info (account, container, created_at,"
                + " id, put_timestamp, status_changed_at, storage_policy_index) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, account);
            ps.setString(2, container);
            ps.setString(3, Timestamp.now(clock).internal());
            ps.setString(4, newDbId());
            ps.setString(5, putTimestamp);
            ps.setString(6, putTimestamp);
            ps.setInt(7, storagePolicyIndex);
            ps.executeUpdate();
        }
    }

    @Override
    protected @Nullable ObjectRecord decodePendingEntry(byte[] pickle) {
        try {
            if (!(PickleReader.load(pickle) instanceof List<?> t) || t.size() < 6) {
                return null;
            }
            return new ObjectRecord(
                            String.valueOf(t.get(0)),
                            String.valueOf(t.get(1)),
                            ((Number) nonNull(t.get(2))).longValue(),
                            String.valueOf(t.get(3)),
                            String.valueOf(t.get(4)),
                            ((Number) nonNull(t.get(5))).intValue(),
                            t.size() > 6 ? ((Number) nonNull(t.get(6))).intValue() : 0)
                    .withTimestamps(
                            t.size() > 7 && t.get(7) != null ? String.valueOf(t.get(7)) : null,
                            t.size() > 8 && t.get(8) != null ? String.valueOf(t.get(8)) : null);
        } catch (PickleException | ClassCastException e) {
            return null; // Swift logs "Invalid pending entry" and skips it
        }
    }

    /**
     * Swift's container server {@code put_object}/{@code delete_object} tuple: {@code (name, created_at,
     * size, content_type, etag, deleted, storage_policy_index, ctype_timestamp, meta_timestamp)} with str
     * texts, int numbers and None for an absent timestamp, pickled at protocol 2.
     */
    @Override
    protected byte[] encodePendingEntry(ObjectRecord r) {
        return PickleWriter.dumpProtocol2(PyTuple.of(
                r.name(),
                r.createdAt(),
                r.size(),
                r.contentType(),
                r.etag(),
                r.deleted(),
                r.storagePolicyIndex(),
                r.ctypeTimestamp(),
                r.metaTimestamp()));
    }

    private static Object nonNull(@Nullable Object o) {
        if (o == null) {
            throw new ClassCastException("None in a numeric field");
        }
        return o;
    }

    @Override
    protected void mergeItems(Connection c, List<ObjectRecord> items) throws SQLException {
        Map<String, Row> existing = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT_EXISTING)) {
            for (ObjectRecord item : items) {
                ps.setString(1, item.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Row row = new Row(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getLong(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getInt(6),
                                rs.getInt(7));
                        existing.put(row.ident(), row);
                    }
                }
            }
        }
        Map<String, Row> toAdd = new LinkedHashMap<>();
        Map<String, Row> toDelete = new LinkedHashMap<>();
        for (ObjectRecord item : items) {
            String ident = Row.ident(item.name(), item.storagePolicyIndex());
            Row found = existing.get(ident);
            ObjectMerge merge = new ObjectMerge(item);
            if (merge.mergeWith(found)) {
                if (found != null) {
                    toDelete.put(ident, found);
                }
                Row earlier = toAdd.get(ident);
                if (earlier != null) {
                    merge.mergeWith(earlier);
                }
                toAdd.put(ident, merge.toRow());
            }
        }
        try (PreparedStatement del = c.prepareStatement(
                "DELETE FROM object WHERE deleted IN (0, 1) AND name=? AND storage_policy_index=?")) {
            for (Row r : toDelete.values()) {
                del.setString(1, r.name());
                del.setInt(2, r.policyIndex());
                del.executeUpdate();
            }
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO object (name, created_at, size, content_type,"
                + "etag, deleted, storage_policy_index) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Row r : toAdd.values()) {
                ins.setString(1, r.name());
                ins.setString(2, r.createdAt());
                ins.setLong(3, r.size());
                ins.setString(4, r.contentType());
                ins.setString(5, r.etag());
                ins.setInt(6, r.deleted());
                ins.setInt(7, r.policyIndex());
                ins.executeUpdate();
            }
        }
    }

    @Override
    protected ObjectRecord recordFromReplication(Map<String, @Nullable Object> row) {
        return new ObjectRecord(
                        String.valueOf(row.get("name")),
                        String.valueOf(row.get("created_at")),
                        ((Number) nonNull(row.get("size"))).longValue(),
                        String.valueOf(row.get("content_type")),
                        String.valueOf(row.get("etag")),
                        ((Number) nonNull(row.get("deleted"))).intValue(),
                        row.get("storage_policy_index") instanceof Number n ? n.intValue() : 0)
                .withTimestamps(
                        row.get("ctype_timestamp") instanceof String s ? s : null,
                        row.get("meta_timestamp") instanceof String s ? s : null);
    }

    @Override
    protected Map<String, @Nullable Object> info(Connection c) throws SQLException {
        String[] keys = {
            "account",
            "container",
            "created_at",
            "put_timestamp",
            "delete_timestamp",
            "status",
            "status_changed_at",
            "object_count",
            "bytes_used",
            "reported_put_timestamp",
            "reported_delete_timestamp",
            "reported_object_count",
            "reported_bytes_used",
            "hash",
            "id",
            "x_container_sync_point1",
            "x_container_sync_point2",
            "storage_policy_index"
        };
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + String.join(", ", keys) + " FROM container_stat")) {
            if (!rs.next()) {
                throw quarantine("missing row in container_stat table", null);
            }
            Map<String, @Nullable Object> info = new LinkedHashMap<>();
            for (int i = 0; i < keys.length; i++) {
                info.put(keys[i], rs.getObject(i + 1));
            }
            return info;
        }
    }

    @Override
    protected boolean isDeleted(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT object_count, put_timestamp, delete_timestamp FROM container_stat")) {
            if (!rs.next()) {
                return true;
            }
            return rs.getLong(1) == 0
                    && Timestamp.parse(rs.getString(3)).compareTo(Timestamp.parse(rs.getString(2))) > 0;
        }
    }

    /**
     * Swift's {@code reported}: records the stats last reported to the account servers (the container updater
     * compares them with the current ones to know whether to report again).
     */
    public void reported(String putTimestamp, String deleteTimestamp, long objectCount, long bytesUsed)
            throws SQLException {
        write(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE container_stat SET reported_put_timestamp = ?,"
                    + " reported_delete_timestamp = ?, reported_object_count = ?, reported_bytes_used = ?")) {
                st.setString(1, putTimestamp);
                st.setString(2, deleteTimestamp);
                st.setLong(3, objectCount);
                st.setLong(4, bytesUsed);
                return st.executeUpdate();
            }
        });
    }

    /** Swift's {@code empty()}: no undeleted object in any policy. */
    public boolean isEmpty() throws SQLException {
        return read(c -> {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT max(object_count) FROM policy_stat")) {
                return !rs.next() || rs.getLong(1) == 0;
            }
        });
    }

    /** Info, deleted state and metadata read together (Swift's {@code get_info_is_deleted} + {@code metadata}). */
    public record Snapshot(Map<String, @Nullable Object> info, boolean deleted, DbMetadata metadata) {
        /** A missing DB: empty info, deleted, no metadata. */
        public static Snapshot missing() {
            return new Snapshot(new LinkedHashMap<>(), true, DbMetadata.empty());
        }
    }

    /** Info, deleted state and metadata in one read; a missing file is {@link Snapshot#missing()}. */
    public Snapshot snapshot() throws SQLException {
        if (!exists()) {
            return Snapshot.missing();
        }
        return read(c -> new Snapshot(info(c), isDeleted(c), metadata()));
    }

    /** Swift's {@code storage_policy_index} property. */
    public int storagePolicyIndex() throws SQLException {
        return read(c -> {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT storage_policy_index FROM container_stat")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /**
     * Swift's {@code set_storage_policy_index}: adds the policy's stat row and moves the container to it,
     * raising {@code status_changed_at} to {@code timestamp} when the index changes.
     */
    public void setStoragePolicyIndex(int policyIndex, String timestamp) throws SQLException {
        write(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT OR IGNORE INTO policy_stat (storage_policy_index) VALUES (?)")) {
                ps.setInt(1, policyIndex);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE container_stat SET storage_policy_index = ?,"
                    + " status_changed_at = MAX(?, status_changed_at) WHERE storage_policy_index <> ?")) {
                ps.setInt(1, policyIndex);
                ps.setString(2, timestamp);
                ps.setInt(3, policyIndex);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Swift's container {@code get_replication_info}: the base info with {@code db_state} (always
     * {@code unsharded}: Cairn never shards) before {@code count}, and {@code shard_max_row} last.
     */
    @Override
    public Map<String, @Nullable Object> replicationInfo() throws SQLException {
        Map<String, @Nullable Object> base = super.replicationInfo();
        Map<String, @Nullable Object> info = new LinkedHashMap<>();
        for (Map.Entry<String, @Nullable Object> e : base.entrySet()) {
            if (e.getKey().equals("count")) {
                info.put("db_state", "unsharded");
            }
            info.put(e.getKey(), e.getValue());
        }
        info.put("shard_max_row", maxRow("shard_range"));
        return info;
    }

    /**
     * Swift's {@code ContainerReplicatorRpc._get_synced_replication_info}: when the caller's {@code sync}
     * arguments carry {@code status_changed_at}, {@code count} and {@code storage_policy_index} (more than
     * nine arguments) and the remote has the better claim ({@code incorrect_policy_index}), adopts the
     * remote policy index; returns the (new) replication info.
     */
    public Map<String, @Nullable Object> syncedReplicationInfo(List<?> syncArgs) throws SQLException {
        Map<String, @Nullable Object> info = replicationInfo();
        if (syncArgs.size() <= 9 || !(syncArgs.get(9) instanceof Number remotePolicy)) {
            return info;
        }
        Map<String, @Nullable Object> remote = new LinkedHashMap<>();
        remote.put("put_timestamp", String.valueOf(syncArgs.get(4)));
        remote.put("delete_timestamp", String.valueOf(syncArgs.get(5)));
        remote.put("status_changed_at", String.valueOf(syncArgs.get(7)));
        remote.put("count", syncArgs.get(8) instanceof Number n ? n.longValue() : 0L);
        Object local = info.get("storage_policy_index");
        int localPolicy = local instanceof Number n ? n.intValue() : 0;
        if (remotePolicy.intValue() != localPolicy && PolicyClaims.compare(info, remote) > 0) {
            setStoragePolicyIndex(remotePolicy.intValue(), Timestamp.now(clock).internal());
            return replicationInfo();
        }
        return info;
    }

    /** Swift's {@code set_x_container_sync_points(-1, -1)}: a new sync target starts from scratch. */
    public void resetSyncPoints() throws SQLException {
        write(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate(
                        "UPDATE container_stat SET x_container_sync_point1 = -1, x_container_sync_point2 = -1");
            }
        });
    }

    /** A stored object row. */
    record Row(
            String name, String createdAt, long size, String contentType, String etag, int deleted, int policyIndex) {
        String ident() {
            return ident(name, policyIndex);
        }

        static String ident(String name, int policyIndex) {
            return policyIndex + "/" + name;
        }
    }

    /** {@code update_new_item_from_existing} on one incoming item (mutable while merging). */
    private static final class ObjectMerge {
        private final ObjectRecord item;
        private long size;
        private String etag;
        private int deleted;
        private String contentType;
        private @Nullable String swiftBytes;
        private String createdAt;

        ObjectMerge(ObjectRecord item) {
            this.item = item;
            SwiftBytes.Extracted ct = SwiftBytes.extract(item.contentType());
            this.size = item.size();
            this.etag = item.etag();
            this.deleted = item.deleted();
            this.contentType = ct.contentType();
            this.swiftBytes = ct.swiftBytes();
            this.createdAt = item.createdAt();
        }

        /** True when the item carries anything newer than {@code existing} (always true without one). */
        boolean mergeWith(@Nullable Row existing) {
            DecodedTimestamps d = TimestampCodec.decode(item.createdAt(), false);
            Timestamp data = d.first();
            Timestamp ctype = d.second() == null ? data : d.second();
            Timestamp meta = d.third() == null ? ctype : d.third();
            String explicitCtype = item.ctypeTimestamp();
            String explicitMeta = item.metaTimestamp();
            if (explicitCtype != null && !explicitCtype.isEmpty()) {
                ctype = Timestamp.parse(explicitCtype);
                meta = ctype;
            }
            if (explicitMeta != null && !explicitMeta.isEmpty()) {
                meta = Timestamp.parse(explicitMeta);
            }
            if (existing == null) {
                createdAt = TimestampCodec.encode(data, ctype, meta, false);
                return true;
            }
            DecodedTimestamps r = TimestampCodec.decode(existing.createdAt(), false);
            Timestamp recData = r.first();
            Timestamp recCtype = r.second() == null ? recData : r.second();
            Timestamp recMeta = r.third() == null ? recCtype : r.third();
            SwiftBytes.Extracted rec = SwiftBytes.extract(existing.contentType());
            boolean newer = false;
            if (recData.compareTo(data) >= 0) {
                size = existing.size();
                etag = existing.etag();
                deleted = existing.deleted();
                swiftBytes = rec.swiftBytes();
                data = recData;
            } else {
                newer = true;
            }
            if (recCtype.compareTo(ctype) >= 0) {
                contentType = rec.contentType();
                ctype = recCtype;
            } else {
                newer = true;
            }
            if (recMeta.compareTo(meta) >= 0) {
                meta = recMeta;
            } else {
                newer = true;
            }
            createdAt = TimestampCodec.encode(data, ctype, meta, false);
            return newer;
        }

        Row toRow() {
            String ct = swiftBytes != null && !swiftBytes.isEmpty()
                    ? contentType + ";swift_bytes=" + swiftBytes
                    : contentType;
            return new Row(item.name(), createdAt, size, ct, etag, deleted, item.storagePolicyIndex());
        }
    }
}
