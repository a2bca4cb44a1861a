package io.cairn.compute.compute;

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

/** Server rows with their metadata. Blocking: call off the event loop. */
@Repository
public class ServerRepository {
    private static final String COLUMNS = "id, name, project_id, user_id, image_id, flavor_id, flavor_ram,"
            + " flavor_vcpus, flavor_disk, vm_state, task_state, power_state, host, availability_zone, key_name,"
            + " key_data, user_data, access_ipv4, access_ipv6, description, disk_config, locked, reservation_id,"
            + " launch_index, networks, fault_code, fault_message, fault_details, fault_at, created_at, updated_at,"
            + " launched_at, terminated_at, deleted";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public ServerRepository(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Inserts servers (one create request's, all or none). */
    public void insert(List<Server> servers) {
        tx.executeWithoutResult(s -> {
            for (Server v : servers) {
                jdbc.sql("INSERT INTO servers (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(values(v))
                        .update();
                writeMetadata(v.id, v.metadata);
            }
        });
    }

    private static List<@Nullable Object> values(Server v) {
        return SqlArgs.of(
                v.id,
                v.name,
                v.projectId,
                v.userId,
                v.imageId,
                v.flavorId,
                v.flavorRam,
                v.flavorVcpus,
                v.flavorDisk,
                v.vmState,
                v.taskState,
                v.powerState,
                v.host,
                v.availabilityZone,
                v.keyName,
                v.keyData,
                v.userData,
                v.accessIpv4,
                v.accessIpv6,
                v.description,
                v.diskConfig,
                v.locked,
                v.reservationId,
                v.launchIndex,
                v.networks,
                v.faultCode,
                v.faultMessage,
                v.faultDetails,
                v.faultAt,
                v.createdAt,
                v.updatedAt,
                v.launchedAt,
                v.terminatedAt,
                v.deleted);
    }

    /**
     * Writes a server's state columns (states, fault, times, deleted) and nothing else: agents, the scheduler and
     * the API each write only the columns they own, so a concurrent rename or placement is never overwritten.
     */
    public void updateState(Server v) {
        jdbc.sql("UPDATE servers SET vm_state = ?, task_state = ?, power_state = ?, fault_code = ?, fault_message = ?,"
                        + " fault_details = ?, fault_at = ?, launched_at = ?, terminated_at = ?, deleted = ?,"
                        + " updated_at = ? WHERE id = ?")
                .params(SqlArgs.of(
                        v.vmState,
                        v.taskState,
                        v.powerState,
                        v.faultCode,
                        v.faultMessage,
                        v.faultDetails,
                        v.faultAt,
                        v.launchedAt,
                        v.terminatedAt,
                        v.deleted,
                        v.updatedAt,
                        v.id))
                .update();
    }

    /** Where the scheduler put a server. */
    public void updatePlacement(String id, String host, String zone, long now) {
        jdbc.sql("UPDATE servers SET host = ?, availability_zone = ?, updated_at = ? WHERE id = ?")
                .params(SqlArgs.of(host, zone, now, id))
                .update();
    }

    /** What a user may change: name, image (rebuild), access addresses, description, disk config. */
    public void updateAttributes(Server v) {
        jdbc.sql("UPDATE servers SET name = ?, image_id = ?, access_ipv4 = ?, access_ipv6 = ?, description = ?,"
                        + " disk_config = ?, updated_at = ? WHERE id = ?")
                .params(SqlArgs.of(
                        v.name, v.imageId, v.accessIpv4, v.accessIpv6, v.description, v.diskConfig, v.updatedAt, v.id))
                .update();
    }

    /**
     * Moves a server into a task if it is still in one of {@code vmStates} with no task (or, with {@code
     * anyTask}, whatever its task): the state check and the claim are one statement, so two actions cannot both win.
     */
    public boolean startTask(String id, List<String> vmStates, boolean anyTask, String task, long now) {
        String in = String.join(",", vmStates.stream().map(x -> "?").toList());
        List<@Nullable Object> args = new ArrayList<>(SqlArgs.of(task, now, id));
        args.addAll(vmStates);
        return jdbc.sql("UPDATE servers SET task_state = ?, updated_at = ? WHERE id = ? AND deleted = FALSE"
                                + " AND vm_state IN (" + in + ")" + (anyTask ? "" : " AND task_state IS NULL"))
                        .params(args)
                        .update()
                == 1;
    }

    public Optional<Server> find(String id) {
        List<Server> found = jdbc.sql("SELECT " + COLUMNS + " FROM servers WHERE id = ? AND deleted = FALSE")
                .param(id)
                .query(ServerRepository::row)
                .list();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        loadMetadata(found);
        return Optional.of(found.get(0));
    }

    /** Live servers of a project (every project's for {@code null}), oldest first. */
    public List<Server> list(@Nullable String projectId) {
        List<Server> found = jdbc.sql("SELECT " + COLUMNS + " FROM servers WHERE deleted = FALSE"
                        + " AND (CAST(? AS TEXT) IS NULL OR project_id = ?) ORDER BY created_at, id")
                .params(SqlArgs.of(projectId, projectId))
                .query(ServerRepository::row)
                .list();
        loadMetadata(found);
        return found;
    }

    /** Live servers placed on a host. */
    public List<Server> onHost(String host) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM servers WHERE deleted = FALSE AND host = ?")
                .param(host)
                .query(ServerRepository::row)
                .list();
    }

    /** Servers still building on a host (the watchdog fails them when the host went silent). */
    public List<String> buildingOn(String host) {
        return jdbc.sql("SELECT id FROM servers WHERE deleted = FALSE AND vm_state = ? AND host = ?")
                .params(SqlArgs.of(VmState.BUILDING, host))
                .query(String.class)
                .list();
    }

    /** RAM (MB), vCPUs, disk (GB) and instance count in use per host, over live servers. */
    public Map<String, int[]> usageByHost() {
        Map<String, int[]> usage = new LinkedHashMap<>();
        jdbc.sql("SELECT host, SUM(flavor_ram), SUM(flavor_vcpus), SUM(flavor_disk), COUNT(*) FROM servers"
                        + " WHERE deleted = FALSE AND host IS NOT NULL GROUP BY host")
                .query(rs -> {
                    usage.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)});
                });
        return usage;
    }

    /** Instances, cores and RAM a project uses (quota counting). */
    public int[] projectUsage(String projectId) {
        int[] usage = new int[3];
        jdbc.sql("SELECT COUNT(*), COALESCE(SUM(flavor_vcpus), 0), COALESCE(SUM(flavor_ram), 0) FROM servers"
                        + " WHERE deleted = FALSE AND project_id = ?")
                .param(projectId)
                .query(rs -> {
                    usage[0] = rs.getInt(1);
                    usage[1] = rs.getInt(2);
                    usage[2] = rs.getInt(3);
                });
        return usage;
    }

    public void replaceMetadata(String id, Map<String, String> metadata) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("DELETE FROM server_metadata WHERE server_id = ?")
                    .param(id)
                    .update();
            writeMetadata(id, metadata);
        });
    }

    public void mergeMetadata(String id, Map<String, String> metadata) {
        tx.executeWithoutResult(s -> {
            for (String key : metadata.keySet()) {
                jdbc.sql("DELETE FROM server_metadata WHERE server_id = ? AND meta_key = ?")
                        .params(SqlArgs.of(id, key))
                        .update();
            }
            writeMetadata(id, metadata);
        });
    }

    public boolean deleteMetadata(String id, String key) {
        return jdbc.sql("DELETE FROM server_metadata WHERE server_id = ? AND meta_key = ?")
                        .params(SqlArgs.of(id, key))
                        .update()
                == 1;
    }

    private void writeMetadata(String id, Map<String, String> metadata) {
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            jdbc.sql("INSERT INTO server_metadata (server_id, meta_key, value) VALUES (?, ?, ?)")
                    .params(SqlArgs.of(id, e.getKey(), e.getValue()))
                    .update();
        }
    }

    private void loadMetadata(List<Server> servers) {
        if (servers.isEmpty()) {
            return;
        }
        Map<String, Server> byId = new LinkedHashMap<>();
        for (Server s : servers) {
            byId.put(s.id, s);
        }
        String sql = servers.size() == 1
                ? "SELECT server_id, meta_key, value FROM server_metadata WHERE server_id = ?"
                : "SELECT server_id, meta_key, value FROM server_metadata";
        var spec = jdbc.sql(sql);
        if (servers.size() == 1) {
            spec = spec.param(servers.get(0).id);
        }
        spec.query(rs -> {
            Server s = byId.get(rs.getString(1));
            if (s != null) {
                s.metadata.put(rs.getString(2), rs.getString(3));
            }
        });
    }

    private static Server row(ResultSet rs, int n) throws SQLException {
        Server v = new Server();
        v.id = rs.getString(1);
        v.name = rs.getString(2);
        v.projectId = rs.getString(3);
        v.userId = rs.getString(4);
        v.imageId = rs.getString(5);
        v.flavorId = rs.getString(6);
        v.flavorRam = rs.getInt(7);
        v.flavorVcpus = rs.getInt(8);
        v.flavorDisk = rs.getInt(9);
        v.vmState = rs.getString(10);
        v.taskState = rs.getString(11);
        v.powerState = rs.getInt(12);
        v.host = rs.getString(13);
        v.availabilityZone = rs.getString(14);
        v.keyName = rs.getString(15);
        v.keyData = rs.getString(16);
        v.userData = rs.getString(17);
        v.accessIpv4 = rs.getString(18);
        v.accessIpv6 = rs.getString(19);
        v.description = rs.getString(20);
        v.diskConfig = rs.getString(21);
        v.locked = rs.getBoolean(22);
        v.reservationId = rs.getString(23);
        v.launchIndex = rs.getInt(24);
        v.networks = rs.getString(25);
        v.faultCode = nullableInt(rs, 26);
        v.faultMessage = rs.getString(27);
        v.faultDetails = rs.getString(28);
        v.faultAt = nullableLong(rs, 29);
        v.createdAt = rs.getLong(30);
        v.updatedAt = rs.getLong(31);
        v.launchedAt = nullableLong(rs, 32);
        v.terminatedAt = nullableLong(rs, 33);
        v.deleted = rs.getBoolean(34);
        return v;
    }

    private static @Nullable Integer nullableInt(ResultSet rs, int col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    private static @Nullable Long nullableLong(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }
}
