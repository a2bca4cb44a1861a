package io.cairn.compute.compute;

import io.cairn.compute.system.SqlArgs;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** os-instance-actions: what was asked of a server, by whom, and how each step ended. */
@Repository
public class ActionRepository {
    /** One action. */
    public record Action(
            String serverId,
            String requestId,
            String action,
            String projectId,
            String userId,
            @Nullable String message,
            long startTime) {}

    /** One step of an action. */
    public record Event(
            String event,
            long startTime,
            @Nullable Long finishTime,
            @Nullable String result,
            @Nullable String traceback) {}

    private final JdbcClient jdbc;

    public ActionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void start(String serverId, String requestId, String action, String projectId, String userId, long now) {
        jdbc.sql("INSERT INTO instance_actions (server_id, request_id, action, project_id, user_id, start_time)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(SqlArgs.of(serverId, requestId, action, projectId, userId, now))
                .update();
    }

    /** Records a step (once per action and event name). */
    public void event(
            String serverId, String requestId, String event, long start, long finish, @Nullable String error) {
        jdbc.sql("DELETE FROM instance_action_events WHERE server_id = ? AND request_id = ? AND event = ?")
                .params(SqlArgs.of(serverId, requestId, event))
                .update();
        jdbc.sql("INSERT INTO instance_action_events (server_id, request_id, event, start_time, finish_time, result,"
                        + " traceback) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(SqlArgs.of(
                        serverId, requestId, event, start, finish, error == null ? "Success" : "Error", error))
                .update();
        if (error != null) {
            jdbc.sql("UPDATE instance_actions SET message = 'Error' WHERE server_id = ? AND request_id = ?")
                    .params(SqlArgs.of(serverId, requestId))
                    .update();
        }
    }

    public List<Action> list(String serverId) {
        return jdbc.sql("SELECT server_id, request_id, action, project_id, user_id, message, start_time"
                        + " FROM instance_actions WHERE server_id = ? ORDER BY start_time DESC, request_id")
                .param(serverId)
                .query((rs, n) -> new Action(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7)))
                .list();
    }

    public List<Event> events(String serverId, String requestId) {
        return jdbc.sql("SELECT event, start_time, finish_time, result, traceback FROM instance_action_events"
                        + " WHERE server_id = ? AND request_id = ? ORDER BY start_time, event")
                .params(SqlArgs.of(serverId, requestId))
                .query((rs, n) -> {
                    long finish = rs.getLong(3);
                    Long f = rs.wasNull() ? null : finish;
                    return new Event(rs.getString(1), rs.getLong(2), f, rs.getString(4), rs.getString(5));
                })
                .list();
    }

    /** Whether any action is recorded for a server id (deleted servers keep theirs, as in Nova ≥ 2.21). */
    public boolean known(String serverId) {
        return jdbc.sql("SELECT COUNT(*) FROM instance_actions WHERE server_id = ?")
                        .param(serverId)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
