package io.cairn.compute.image;

import io.cairn.compute.system.SqlArgs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Image members (sharing). Blocking: call off the event loop. */
@Repository
public class MemberRepository {
    private final JdbcClient jdbc;

    public MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One membership: a project an image is shared with, and its answer (pending, accepted, rejected). */
    public record Member(String imageId, String memberId, String status, long createdAt, long updatedAt) {}

    public List<Member> ofImage(String imageId) {
        return jdbc.sql("SELECT image_id, member_id, status, created_at, updated_at FROM image_members"
                        + " WHERE image_id = ? ORDER BY member_id")
                .param(imageId)
                .query((rs, n) ->
                        new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    public Optional<Member> find(String imageId, String memberId) {
        return ofImage(imageId).stream()
                .filter(m -> m.memberId().equals(memberId))
                .findFirst();
    }

    /** Image id → this project's membership status, for every image shared with it. */
    public Map<String, String> statusesOf(String memberId) {
        Map<String, String> statuses = new LinkedHashMap<>();
        jdbc.sql("SELECT image_id, status FROM image_members WHERE member_id = ?")
                .param(memberId)
                .query(rs -> {
                    statuses.put(rs.getString(1), rs.getString(2));
                });
        return statuses;
    }

    public void insert(Member m) {
        jdbc.sql("INSERT INTO image_members (image_id, member_id, status, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(SqlArgs.of(m.imageId(), m.memberId(), m.status(), m.createdAt(), m.updatedAt()))
                .update();
    }

    public void updateStatus(String imageId, String memberId, String status, long now) {
        jdbc.sql("UPDATE image_members SET status = ?, updated_at = ? WHERE image_id = ? AND member_id = ?")
                .params(SqlArgs.of(status, now, imageId, memberId))
                .update();
    }

    public int delete(String imageId, String memberId) {
        return jdbc.sql("DELETE FROM image_members WHERE image_id = ? AND member_id = ?")
                .params(SqlArgs.of(imageId, memberId))
                .update();
    }

    public void deleteAll(String imageId) {
        jdbc.sql("DELETE FROM image_members WHERE image_id = ?").param(imageId).update();
    }
}
