package io.cairn.compute.compute;

import io.cairn.compute.config.ComputeProperties;
import io.cairn.compute.system.SqlArgs;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Quota limits: the configured defaults, overridden per project. */
@Repository
public class QuotaRepository {
    public static final String INSTANCES = "instances";
    public static final String CORES = "cores";
    public static final String RAM = "ram";
    public static final String KEY_PAIRS = "key_pairs";
    public static final String METADATA_ITEMS = "metadata_items";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Map<String, Integer> defaults;

    public QuotaRepository(JdbcClient jdbc, TransactionTemplate tx, ComputeProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        Map<String, Integer> d = new LinkedHashMap<>();
        d.put(INSTANCES, properties.quotaInstances());
        d.put(CORES, properties.quotaCores());
        d.put(RAM, properties.quotaRam());
        d.put(KEY_PAIRS, properties.quotaKeyPairs());
        d.put(METADATA_ITEMS, properties.quotaMetadataItems());
        this.defaults = Map.copyOf(d);
    }

    public Map<String, Integer> defaults() {
        return defaults;
    }

    /** The limits of a project: every enforced resource, -1 meaning unlimited. */
    public Map<String, Integer> limits(String projectId) {
        Map<String, Integer> limits = new LinkedHashMap<>(defaults);
        jdbc.sql("SELECT resource, hard_limit FROM quotas WHERE project_id = ?")
                .param(projectId)
                .query(rs -> {
                    limits.put(rs.getString(1), rs.getInt(2));
                });
        return limits;
    }

    /** One resource's limit for a project (-1: unlimited). */
    public int limit(String projectId, String resource) {
        return limits(projectId).getOrDefault(resource, -1);
    }

    public void set(String projectId, Map<String, Integer> values) {
        tx.executeWithoutResult(s -> {
            for (Map.Entry<String, Integer> e : values.entrySet()) {
                jdbc.sql("DELETE FROM quotas WHERE project_id = ? AND resource = ?")
                        .params(SqlArgs.of(projectId, e.getKey()))
                        .update();
                jdbc.sql("INSERT INTO quotas (project_id, resource, hard_limit) VALUES (?, ?, ?)")
                        .params(SqlArgs.of(projectId, e.getKey(), e.getValue()))
                        .update();
            }
        });
    }

    /**
     * Serializes quota-checked writes of one project until the surrounding transaction ends: call first in a
     * transaction that reads the project's usage and then adds to it. Concurrent callers for the same project wait here
     * (PostgreSQL's row lock; SQLite's transactions are IMMEDIATE, so one at a time anyway) and then read the usage
     * the earlier ones committed.
     */
    public void lockProject(String projectId) {
        jdbc.sql("INSERT INTO project_locks (project_id, version) VALUES (?, 0) ON CONFLICT (project_id) DO NOTHING")
                .param(projectId)
                .update();
        jdbc.sql("UPDATE project_locks SET version = version + 1 WHERE project_id = ?")
                .param(projectId)
                .update();
    }

    public void reset(String projectId) {
        jdbc.sql("DELETE FROM quotas WHERE project_id = ?").param(projectId).update();
    }
}
