package io.cairn.replicator.db;

import io.cairn.common.codec.Json;
import io.cairn.common.db.DatabaseBroker;
import io.cairn.common.db.DbMetadata;
import io.cairn.common.time.Timestamp;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Removal on the replicator's side: Swift's {@code DatabaseBroker.reclaim} (deleted rows and sync rows past
 * their age, emptied metadata past reclaim age) and {@code Replicator.delete_db} (the hash directory, then
 * the suffix and partition directories when empty).
 *
 * <p>Stateless; thread-safe.
 */
final class DbRemover {
    private DbRemover() {}

    /**
     * Swift's {@code _reclaim(broker, now)}: commits the pending file, then deletes rows with
     * {@code deleted = 1} whose reclaim column is older than {@code now - reclaimAge}, sync rows not
     * updated for twice that, and metadata keys emptied before {@code now - reclaimAge}; one transaction.
     *
     * <p>Swift interpolates its float cut-off into the SQL, where SQLite compares it as text with the TEXT
     * column; Cairn binds the same text (Python's float repr), so the rows chosen are the same.
     */
    static void reclaim(DatabaseBroker<?> broker, String reclaimColumn, double nowSeconds, double reclaimAgeSeconds)
            throws SQLException {
        broker.commitPendingQuietly();
        double age = nowSeconds - reclaimAgeSeconds;
        double syncAge = nowSeconds - reclaimAgeSeconds * 2;
        String ageText = Json.pythonFloatRepr(age);
        String syncText = Json.pythonFloatRepr(syncAge);
        Timestamp ageLimit = Timestamp.ofEpochMillis((long) Math.floor(age * 1000));
        String table = broker.containsType();
        String statTable = broker.dbType() + "_stat";
        broker.write(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM " + table + " WHERE deleted = 1 AND " + reclaimColumn + " < ?")) {
                ps.setString(1, ageText);
                ps.executeUpdate();
            }
            for (String sync : List.of("outgoing_sync", "incoming_sync")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + sync + " WHERE updated_at < ?")) {
                    ps.setString(1, syncText);
                    ps.executeUpdate();
                }
            }
            String raw;
            try (Statement st = c.createStatement();
                    var rs = st.executeQuery("SELECT metadata FROM " + statTable)) {
                raw = rs.next() ? rs.getString(1) : null;
            }
            DbMetadata md = DbMetadata.parse(raw);
            if (md.reclaim(ts -> olderThan(ts, ageLimit))) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + statTable + " SET metadata = ?")) {
                    ps.setString(1, md.toJson());
                    ps.executeUpdate();
                }
            }
            return Boolean.TRUE;
        });
    }

    private static boolean olderThan(@Nullable String timestamp, Timestamp limit) {
        try {
            return timestamp != null && Timestamp.parse(timestamp).compareTo(limit) < 0;
        } catch (IllegalArgumentException bad) {
            return false;
        }
    }

    /**
     * Swift's {@code delete_db}: removes the DB's hash directory (the DB, its pending file, its lock), then
     * the suffix and the partition directory if they became empty. Returns false when the removal failed.
     */
    static boolean deleteDb(DatabaseBroker<?> broker) {
        broker.close();
        Path hashDir = broker.dbFile().getParent();
        if (hashDir == null) {
            return false;
        }
        try (Stream<Path> tree = Files.walk(hashDir)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException gone) {
            // removed meanwhile: the outcome wanted
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
        Path dir = hashDir.getParent();
        for (int i = 0; i < 2 && dir != null; i++, dir = dir.getParent()) {
            try {
                Files.deleteIfExists(dir);
            } catch (DirectoryNotEmptyException busy) {
                break;
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
