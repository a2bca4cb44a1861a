package io.cairn.compute.compute;

import io.cairn.compute.system.SqlArgs;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Server rows with their metadata. Blocking: call off the event loop. Thread-safe (stateless but for a cache). */
@Repository
public class ServerRepository {
    private static final String COLUMNS = "id, name, project_id, user_id, image_id, flavor_id, flavor_ram,"
            + " flavor_vcpus, flavor_disk, vm_state, task_state, power_state, host, availability_zone, key_name,"
            + " key_data, user_data, access_ipv4, access_ipv6, description, disk_config, locked, reservation_id,"
            + " launch_index, networks, fault_code, fault_message, fault_details, fault_at, created_at, updated_at,"
            + " launched_at, terminated_at, deleted";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final DataSource dataSource;
    private volatile @Nullable Boolean postgres;

    public ServerRepository(JdbcClient jdbc, TransactionTemplate tx, DataSource dataSource) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.dataSource = dataSource;
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

    /**
     * The power-state sync's write: a server still in {@code expectedVmState} with no task gets {@code vmState} and
     * {@code powerState} (so an action the API claimed meanwhile is never overwritten).
     *
     * @return whether the row was changed
     */
    public boolean syncPowerState(String id, String expectedVmState, String vmState, int powerState, long now) {
        return jdbc.sql("UPDATE servers SET vm_state = ?, power_state = ?, updated_at = ? WHERE id = ?"
                                + " AND deleted = FALSE AND vm_state = ? AND task_state IS NULL")
                        .params(SqlArgs.of(vmState, powerState, now, id, expectedVmState))
                        .update()
                == 1;
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

    /**
     * What a server listing asks for; {@code ServerQuery} parses it from {@code GET /servers}. A reference filter
     * ({@code image}, {@code flavor}, ...) matches a server whose column equals the value or its last path segment
     * (a URL reference). Null filters are not applied.
     *
     * @param projectId the project whose servers are listed; null: every project's
     * @param status Nova's status (upper case): the vm_state and task_state pairs that show as it
     * @param changesSince servers updated at or after this epoch millisecond
     * @param sortKey the column order ({@link SortKey}), ties broken by id in the same direction
     * @param limit at most this many servers
     * @param marker the page starts after this server, which must itself be listed by these filters
     * @param nothing a filter no server can match (Nova's {@code ip}: servers here have no addresses)
     */
    public record Listing(
            @Nullable String projectId,
            @Nullable String status,
            @Nullable String image,
            @Nullable String flavor,
            @Nullable String reservationId,
            @Nullable String keyName,
            @Nullable String host,
            @Nullable String availabilityZone,
            @Nullable Long changesSince,
            SortKey sortKey,
            boolean ascending,
            int limit,
            @Nullable String marker,
            boolean nothing) {}

    /** Nova's {@code sort_key}s and the column each orders by ({@code launched_at}: null first, as 0). */
    public enum SortKey {
        CREATED_AT("created_at", false),
        UPDATED_AT("updated_at", false),
        DISPLAY_NAME("name", true),
        UUID("id", true),
        VM_STATE("vm_state", true),
        LAUNCHED_AT("COALESCE(launched_at, 0)", false);

        final String column;
        final boolean text;

        SortKey(String column, boolean text) {
            this.column = column;
            this.text = text;
        }
    }

    /** The marker of a listing is not one of the servers it lists. */
    public static final class MarkerNotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MarkerNotFound(String marker) {
            super("marker [" + marker + "] not found");
        }
    }

    /**
     * One page of live servers (with their metadata) per {@code listing}, in SQL: every filter, the order, the
     * marker (a keyset: the rows after the marker's sort value and id) and the limit. {@code nameMatches} (the name
     * regular expression, which SQLite cannot evaluate and PostgreSQL would evaluate in another dialect than Java's)
     * is applied to the rows as they come, read in keyset batches until the page is full or the rows run out.
     *
     * @throws MarkerNotFound when the marker is not a server this listing lists
     */
    public List<Server> page(Listing listing, @Nullable Predicate<Server> nameMatches) {
        StringBuilder where = new StringBuilder(" WHERE deleted = FALSE");
        List<@Nullable Object> args = new ArrayList<>();
        filters(listing, where, args);
        String collate = collation();
        String key = listing.sortKey().column + (listing.sortKey().text ? collate : "");
        String id = "id" + collate;
        String dir = listing.ascending() ? " ASC" : " DESC";
        String select = "SELECT " + COLUMNS + " FROM servers" + where;
        Server after = listing.marker() == null ? null : marker(select, args, listing.marker(), nameMatches);
        String cmp = listing.ascending() ? " > ?" : " < ?";
        String keyset = " AND (" + key + cmp + " OR (" + key + " = ? AND " + id + cmp + "))";
        String order = " ORDER BY " + key + dir + ", " + id + dir + " LIMIT ?";
        List<Server> page = new ArrayList<>();
        int batch = nameMatches == null ? listing.limit() : Math.max(listing.limit(), NAME_FILTER_BATCH);
        while (page.size() < listing.limit()) {
            List<@Nullable Object> batchArgs = new ArrayList<>(args);
            if (after != null) {
                Object value = sortValue(listing.sortKey(), after);
                batchArgs.addAll(List.of(value, value, after.id));
            }
            batchArgs.add(batch);
            List<Server> rows = jdbc.sql(select + (after != null ? keyset : "") + order)
                    .params(batchArgs)
                    .query(ServerRepository::row)
                    .list();
            for (Server s : rows) {
                if (page.size() < listing.limit() && (nameMatches == null || nameMatches.test(s))) {
                    page.add(s);
                }
            }
            if (rows.size() < batch) {
                break;
            }
            after = rows.get(rows.size() - 1);
        }
        loadMetadata(page);
        return page;
    }

    /** The marker's row, which the listing must list itself. */
    private Server marker(
            String select, List<@Nullable Object> args, String marker, @Nullable Predicate<Server> nameMatches) {
        List<@Nullable Object> markerArgs = new ArrayList<>(args);
        markerArgs.add(marker);
        List<Server> found = jdbc.sql(select + " AND id = ?")
                .params(markerArgs)
                .query(ServerRepository::row)
                .list();
        if (found.isEmpty() || (nameMatches != null && !nameMatches.test(found.get(0)))) {
            throw new MarkerNotFound(marker);
        }
        return found.get(0);
    }

    /** Rows read per query while a name filter (applied here, not in SQL) thins them out. */
    private static final int NAME_FILTER_BATCH = 200;

    private static void filters(Listing l, StringBuilder where, List<@Nullable Object> args) {
        if (l.nothing()) {
            where.append(" AND 1 = 0");
        }
        if (l.projectId() != null) {
            where.append(" AND project_id = ?");
            args.add(l.projectId());
        }
        if (l.status() != null) {
            status(l.status(), where, args);
        }
        reference("image_id", l.image(), where, args);
        reference("flavor_id", l.flavor(), where, args);
        reference("reservation_id", l.reservationId(), where, args);
        reference("key_name", l.keyName(), where, args);
        reference("host", l.host(), where, args);
        reference("availability_zone", l.availabilityZone(), where, args);
        if (l.changesSince() != null) {
            where.append(" AND updated_at >= ?");
            args.add(l.changesSince());
        }
    }

    private static void reference(
            String column, @Nullable String wanted, StringBuilder where, List<@Nullable Object> args) {
        if (wanted == null) {
            return;
        }
        String r = wanted.endsWith("/") ? wanted.substring(0, wanted.length() - 1) : wanted;
        where.append(" AND (").append(column).append(" = ? OR ").append(column).append(" = ?)");
        args.add(wanted);
        args.add(r.substring(r.lastIndexOf('/') + 1));
    }

    /**
     * The (vm_state, task_state) pairs that {@link VmState#status} shows as {@code wanted}, derived from it: per
     * vm_state the status filters mean, either "no task, or any task but those showing otherwise" or "one of the tasks
     * showing as wanted". A task state not in {@link VmState#TASK_STATES} shows as no task does.
     */
    private static void status(String wanted, StringBuilder where, List<@Nullable Object> args) {
        List<String> vmStates = VmState.STATES_BY_STATUS.getOrDefault(wanted, List.of());
        List<String> alternatives = new ArrayList<>();
        for (String vm : vmStates) {
            List<String> showing = new ArrayList<>();
            List<String> notShowing = new ArrayList<>();
            for (String task : VmState.TASK_STATES) {
                (VmState.status(vm, task).equals(wanted) ? showing : notShowing).add(task);
            }
            boolean taskless = VmState.status(vm, null).equals(wanted);
            List<String> listed = taskless ? notShowing : showing;
            if (!taskless && listed.isEmpty()) {
                continue;
            }
            StringBuilder alt = new StringBuilder("(vm_state = ?");
            args.add(vm);
            if (taskless) {
                alt.append(" AND (task_state IS NULL");
                if (!listed.isEmpty()) {
                    alt.append(" OR task_state NOT IN (")
                            .append(marks(listed.size()))
                            .append(')');
                }
                alt.append(')');
            } else {
                alt.append(" AND task_state IN (").append(marks(listed.size())).append(')');
            }
            args.addAll(listed);
            alternatives.add(alt.append(')').toString());
        }
        where.append(alternatives.isEmpty() ? " AND 1 = 0" : " AND (" + String.join(" OR ", alternatives) + ")");
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static Object sortValue(SortKey key, Server s) {
        return switch (key) {
            case CREATED_AT -> s.createdAt;
            case UPDATED_AT -> s.updatedAt;
            case DISPLAY_NAME -> s.name;
            case UUID -> s.id;
            case VM_STATE -> s.vmState;
            case LAUNCHED_AT -> s.launchedAt == null ? 0L : s.launchedAt;
        };
    }

    /**
     * Text is ordered by code point on both databases, as Java orders names (PostgreSQL would otherwise use the
     * database's locale, where e.g. hyphens in ids are ignored at the first level).
     */
    private String collation() {
        Boolean pg = postgres;
        if (pg == null) {
            String product;
            try {
                product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            } catch (MetaDataAccessException e) {
                throw new IllegalStateException("cannot tell the database product", e);
            }
            pg = product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
            postgres = pg;
        }
        return pg ? " COLLATE \"C\"" : "";
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
        jdbc.sql("SELECT server_id, meta_key, value FROM server_metadata WHERE server_id IN (" + marks(byId.size())
                        + ")")
                .params(new ArrayList<Object>(byId.keySet()))
                .query(rs -> {
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
