package io.cairn.compute.compute;

import io.cairn.compute.system.SqlArgs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Flavors, their extra specs and project access. Blocking. */
@Repository
public class FlavorRepository {
    private static final String COLUMNS =
            "id, name, ram, vcpus, disk, ephemeral, swap, rxtx_factor, is_public, disabled FROM flavors";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public FlavorRepository(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public Optional<Flavor> find(String id) {
        return all().stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** Every flavor with its extra specs, ordered by Nova's default ({@code flavorid} as text... by id here). */
    public List<Flavor> all() {
        Map<String, Map<String, String>> specs = new LinkedHashMap<>();
        jdbc.sql("SELECT flavor_id, spec_key, value FROM flavor_extra_specs").query(rs -> {
            specs.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
        });
        return new ArrayList<>(jdbc.sql("SELECT " + COLUMNS + " ORDER BY created_at, id")
                .query((rs, n) -> new Flavor(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getDouble(8),
                        rs.getBoolean(9),
                        rs.getBoolean(10),
                        specs.getOrDefault(rs.getString(1), Map.of())))
                .list());
    }

    /** Projects given access to a private flavor. */
    public List<String> projects(String flavorId) {
        return jdbc.sql("SELECT project_id FROM flavor_projects WHERE flavor_id = ? ORDER BY project_id")
                .param(flavorId)
                .query(String.class)
                .list();
    }

    public boolean canUse(Flavor f, @Nullable String projectId) {
        return f.isPublic() || (projectId != null && projects(f.id()).contains(projectId));
    }

    public boolean exists(String id, String name) {
        return jdbc.sql("SELECT COUNT(*) FROM flavors WHERE id = ? OR name = ?")
                        .params(SqlArgs.of(id, name))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public void insert(Flavor f, long now) {
        jdbc.sql("INSERT INTO flavors (id, name, ram, vcpus, disk, ephemeral, swap, rxtx_factor, is_public, disabled,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(SqlArgs.of(
                        f.id(),
                        f.name(),
                        f.ram(),
                        f.vcpus(),
                        f.disk(),
                        f.ephemeral(),
                        f.swap(),
                        f.rxtxFactor(),
                        f.isPublic(),
                        f.disabled(),
                        now))
                .update();
    }

    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM flavors WHERE id = ?").param(id).update() == 1;
    }

    public void putSpecs(String flavorId, Map<String, String> specs) {
        tx.executeWithoutResult(s -> {
            for (Map.Entry<String, String> e : specs.entrySet()) {
                jdbc.sql("DELETE FROM flavor_extra_specs WHERE flavor_id = ? AND spec_key = ?")
                        .params(SqlArgs.of(flavorId, e.getKey()))
                        .update();
                jdbc.sql("INSERT INTO flavor_extra_specs (flavor_id, spec_key, value) VALUES (?, ?, ?)")
                        .params(SqlArgs.of(flavorId, e.getKey(), e.getValue()))
                        .update();
            }
        });
    }

    public boolean deleteSpec(String flavorId, String key) {
        return jdbc.sql("DELETE FROM flavor_extra_specs WHERE flavor_id = ? AND spec_key = ?")
                        .params(SqlArgs.of(flavorId, key))
                        .update()
                == 1;
    }

    public boolean addProject(String flavorId, String projectId) {
        if (projects(flavorId).contains(projectId)) {
            return false;
        }
        jdbc.sql("INSERT INTO flavor_projects (flavor_id, project_id) VALUES (?, ?)")
                .params(SqlArgs.of(flavorId, projectId))
                .update();
        return true;
    }

    public boolean removeProject(String flavorId, String projectId) {
        return jdbc.sql("DELETE FROM flavor_projects WHERE flavor_id = ? AND project_id = ?")
                        .params(SqlArgs.of(flavorId, projectId))
                        .update()
                == 1;
    }
}
