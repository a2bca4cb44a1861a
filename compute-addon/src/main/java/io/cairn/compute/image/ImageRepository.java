package io.cairn.compute.image;

import io.cairn.compute.system.SqlArgs;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Image rows with their properties and tags. Blocking: call off the event loop. */
@Repository
public class ImageRepository {
    private static final String COLUMNS = "id, name, status, visibility, protected, os_hidden, owner, checksum,"
            + " os_hash_algo, os_hash_value, size, virtual_size, container_format, disk_format, min_ram, min_disk,"
            + " store_layout, created_at, updated_at";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public ImageRepository(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public Optional<Image> find(String id) {
        List<Image> found = jdbc.sql("SELECT " + COLUMNS + " FROM images WHERE id = ?")
                .param(id)
                .query(ImageRepository::row)
                .list();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Image image = found.get(0);
        loadDetails(Map.of(image.id, image));
        return Optional.of(image);
    }

    /**
     * Images a project may list: its own, public and community ones and those shared with it; every image for
     * {@code null} (admin).
     * Filtering, sorting and paging are then done by {@link ImageQuery} in memory.
     */
    public List<Image> visibleTo(@Nullable String project) {
        List<Image> images = jdbc.sql("SELECT " + COLUMNS + " FROM images WHERE CAST(? AS TEXT) IS NULL OR owner = ?"
                        + " OR visibility IN ('public', 'community')"
                        + " OR id IN (SELECT image_id FROM image_members WHERE member_id = ?)")
                .params(SqlArgs.of(project, project, project))
                .query(ImageRepository::row)
                .list();
        Map<String, Image> byId = new LinkedHashMap<>();
        for (Image i : images) {
            byId.put(i.id, i);
        }
        loadDetails(byId);
        return new ArrayList<>(byId.values());
    }

    private void loadDetails(Map<String, Image> byId) {
        if (byId.isEmpty()) {
            return;
        }
        if (byId.size() == 1) {
            Image image = byId.values().iterator().next();
            String id = image.id;
            jdbc.sql("SELECT image_id, name, value FROM image_properties WHERE image_id = ?")
                    .param(id)
                    .query(rs -> {
                        image.properties.put(rs.getString(2), rs.getString(3));
                    });
            jdbc.sql("SELECT image_id, tag FROM image_tags WHERE image_id = ?")
                    .param(id)
                    .query(rs -> {
                        image.tags.add(rs.getString(2));
                    });
            return;
        }
        jdbc.sql("SELECT image_id, name, value FROM image_properties").query(rs -> {
            Image image = byId.get(rs.getString(1));
            if (image != null) {
                image.properties.put(rs.getString(2), rs.getString(3));
            }
        });
        jdbc.sql("SELECT image_id, tag FROM image_tags").query(rs -> {
            Image image = byId.get(rs.getString(1));
            if (image != null) {
                image.tags.add(rs.getString(2));
            }
        });
    }

    public void insert(Image i) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("INSERT INTO images (" + COLUMNS
                            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(values(i))
                    .update();
            writeDetails(i);
        });
    }

    /** Writes every column, property and tag of {@code i} (a PATCH or a tag change). */
    public void update(Image i) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("UPDATE images SET name = ?, status = ?, visibility = ?, protected = ?, os_hidden = ?, owner = ?,"
                            + " checksum = ?, os_hash_algo = ?, os_hash_value = ?, size = ?, virtual_size = ?,"
                            + " container_format = ?, disk_format = ?, min_ram = ?, min_disk = ?, store_layout = ?,"
                            + " created_at = ?, updated_at = ? WHERE id = ?")
                    .params(rotate(values(i)))
                    .update();
            jdbc.sql("DELETE FROM image_properties WHERE image_id = ?")
                    .param(i.id)
                    .update();
            jdbc.sql("DELETE FROM image_tags WHERE image_id = ?").param(i.id).update();
            writeDetails(i);
        });
    }

    /**
     * Moves the image from one status to another only if it is still in {@code from}: two uploads racing for one
     * queued image cannot both win. False when it was not.
     */
    public boolean compareAndSetStatus(String id, ImageStatus from, ImageStatus to, long now) {
        return jdbc.sql("UPDATE images SET status = ?, updated_at = ? WHERE id = ? AND status = ?")
                        .params(SqlArgs.of(to.wire(), now, id, from.wire()))
                        .update()
                > 0;
    }

    /**
     * Records received data (hashes, sizes, where it is stored) and moves the image {@code from → to}, if it is still
     * {@code from} (not deleted meanwhile): {@code saving → active} for an upload, {@code uploading → uploading} for
     * a stage.
     */
    public boolean recordData(Image i, ImageStatus from, ImageStatus to, long now) {
        return jdbc.sql("UPDATE images SET status = ?, checksum = ?, os_hash_algo = ?, os_hash_value = ?,"
                                + " size = ?, virtual_size = ?, store_layout = ?, updated_at = ?"
                                + " WHERE id = ? AND status = ?")
                        .params(SqlArgs.of(
                                to.wire(),
                                i.checksum,
                                i.osHashAlgo,
                                i.osHashValue,
                                i.size,
                                i.virtualSize,
                                i.storeLayout == null ? null : i.storeLayout.wire(),
                                now,
                                i.id,
                                from.wire()))
                        .update()
                > 0;
    }

    public int delete(String id) {
        Integer n = tx.execute(s -> {
            jdbc.sql("DELETE FROM image_properties WHERE image_id = ?")
                    .param(id)
                    .update();
            jdbc.sql("DELETE FROM image_tags WHERE image_id = ?").param(id).update();
            jdbc.sql("DELETE FROM image_members WHERE image_id = ?").param(id).update();
            return jdbc.sql("DELETE FROM images WHERE id = ?").param(id).update();
        });
        return n == null ? 0 : n;
    }

    private void writeDetails(Image i) {
        for (Map.Entry<String, String> p : i.properties.entrySet()) {
            jdbc.sql("INSERT INTO image_properties (image_id, name, value) VALUES (?, ?, ?)")
                    .params(SqlArgs.of(i.id, p.getKey(), p.getValue()))
                    .update();
        }
        for (String tag : i.tags) {
            jdbc.sql("INSERT INTO image_tags (image_id, tag) VALUES (?, ?)")
                    .params(SqlArgs.of(i.id, tag))
                    .update();
        }
    }

    private static List<@Nullable Object> values(Image i) {
        return SqlArgs.of(
                i.id,
                i.name,
                i.status.wire(),
                i.visibility,
                i.isProtected,
                i.osHidden,
                i.owner,
                i.checksum,
                i.osHashAlgo,
                i.osHashValue,
                i.size,
                i.virtualSize,
                i.containerFormat,
                i.diskFormat,
                i.minRam,
                i.minDisk,
                i.storeLayout == null ? null : i.storeLayout.wire(),
                i.createdAt,
                i.updatedAt);
    }

    /** The insert order with the id moved last, for the UPDATE's WHERE. */
    private static List<@Nullable Object> rotate(List<@Nullable Object> values) {
        List<@Nullable Object> r = new ArrayList<>(values.subList(1, values.size()));
        r.add(values.get(0));
        return r;
    }

    private static Image row(ResultSet rs, int n) throws SQLException {
        Image i = new Image(rs.getString(1));
        i.name = rs.getString(2);
        i.status = ImageStatus.fromWire(rs.getString(3));
        i.visibility = rs.getString(4);
        i.isProtected = rs.getBoolean(5);
        i.osHidden = rs.getBoolean(6);
        i.owner = rs.getString(7);
        i.checksum = rs.getString(8);
        i.osHashAlgo = rs.getString(9);
        i.osHashValue = rs.getString(10);
        i.size = longOrNull(rs, 11);
        i.virtualSize = longOrNull(rs, 12);
        i.containerFormat = rs.getString(13);
        i.diskFormat = rs.getString(14);
        i.minRam = rs.getInt(15);
        i.minDisk = rs.getInt(16);
        String layout = rs.getString(17);
        i.storeLayout = layout == null ? null : StoredLayout.fromWire(layout);
        i.createdAt = rs.getLong(18);
        i.updatedAt = rs.getLong(19);
        return i;
    }

    private static @Nullable Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
