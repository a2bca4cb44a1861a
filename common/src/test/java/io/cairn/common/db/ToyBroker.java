package io.cairn.common.db;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A minimal broker over the base: rows are names; the "pickle" of a pending entry is the UTF-8 name. */
final class ToyBroker extends DatabaseBroker<String> {
    ToyBroker(Path dbFile) {
        super(dbFile, "toy", "thing");
    }

    @Override
    protected void createTables(Connection c, String putTimestamp, int storagePolicyIndex) throws SQLException {
        SqlScript.parse("CREATE TABLE thing (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, deleted INTEGER"
                        + " DEFAULT 0);\n"
                        + "CREATE TABLE toy_stat (put_timestamp TEXT, delete_timestamp TEXT DEFAULT '0',"
                        + " created_at TEXT, status TEXT DEFAULT '', status_changed_at TEXT DEFAULT '0', id TEXT,"
                        + " hash TEXT DEFAULT '00000000000000000000000000000000', thing_count INTEGER DEFAULT 0,"
                        + " metadata TEXT DEFAULT '');\n"
                        + "CREATE TRIGGER thing_insert AFTER INSERT ON thing BEGIN UPDATE toy_stat SET"
                        + " thing_count = thing_count + 1, hash = chexor(hash, new.name, 'x'); END;")
                .execute(c);
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO toy_stat (put_timestamp, created_at, id) VALUES (?, ?, ?)")) {
            ps.setString(1, putTimestamp);
            ps.setString(2, putTimestamp);
            ps.setString(3, newDbId());
            ps.executeUpdate();
        }
    }

    @Override
    protected @Nullable String decodePendingEntry(byte[] pickle) {
        return new String(pickle, StandardCharsets.UTF_8);
    }

    @Override
    protected byte[] encodePendingEntry(String record) {
        return record.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void mergeItems(Connection c, List<String> items) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO thing (name) VALUES (?)")) {
            for (String name : items) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
        }
    }

    @Override
    protected String recordFromReplication(Map<String, @Nullable Object> row) {
        return String.valueOf(row.get("name"));
    }

    @Override
    protected Map<String, @Nullable Object> info(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT created_at, put_timestamp, delete_timestamp, thing_count,"
                        + " hash, id FROM toy_stat")) {
            return rows(rs).get(0);
        }
    }

    @Override
    protected boolean isDeleted(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT status FROM toy_stat")) {
            return rs.next() && "DELETED".equals(rs.getString(1));
        }
    }
}
