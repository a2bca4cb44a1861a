package io.cairn.compute.compute;

import io.cairn.compute.system.SqlArgs;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** A user's key pairs (public halves only; a generated private key is returned once and never stored). */
@Repository
public class KeypairRepository {
    /** One stored key pair. */
    public record Keypair(
            String userId, String name, int id, String publicKey, String fingerprint, String type, long createdAt) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public KeypairRepository(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public List<Keypair> list(String userId) {
        return jdbc.sql("SELECT user_id, name, id, public_key, fingerprint, key_type, created_at FROM keypairs"
                        + " WHERE user_id = ? ORDER BY name")
                .param(userId)
                .query((rs, n) -> new Keypair(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7)))
                .list();
    }

    public Optional<Keypair> find(String userId, String name) {
        return list(userId).stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /**
     * Inserts if the user has no key pair of that name and fewer than {@code limit}; the outcome says which check
     * failed. One transaction, so two concurrent creates cannot both pass.
     */
    public Outcome insert(
            String userId, String name, String publicKey, String fingerprint, String type, int limit, long now) {
        Outcome result = tx.execute(s -> {
            List<Keypair> existing = list(userId);
            if (existing.stream().anyMatch(k -> k.name().equals(name))) {
                return Outcome.EXISTS;
            }
            if (limit >= 0 && existing.size() >= limit) {
                return Outcome.OVER_QUOTA;
            }
            int id = jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1 FROM keypairs")
                    .query(Integer.class)
                    .single();
            jdbc.sql("INSERT INTO keypairs (user_id, name, id, public_key, fingerprint, key_type, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(SqlArgs.of(userId, name, id, publicKey, fingerprint, type, now))
                    .update();
            return Outcome.CREATED;
        });
        return result == null ? Outcome.EXISTS : result;
    }

    /** What {@link #insert} did. */
    public enum Outcome {
        CREATED,
        EXISTS,
        OVER_QUOTA
    }

    public boolean delete(String userId, String name) {
        return jdbc.sql("DELETE FROM keypairs WHERE user_id = ? AND name = ?")
                        .params(SqlArgs.of(userId, name))
                        .update()
                == 1;
    }
}
