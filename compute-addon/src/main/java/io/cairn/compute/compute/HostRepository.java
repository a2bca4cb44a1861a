package io.cairn.compute.compute;

import io.cairn.compute.system.SqlArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Compute hosts as their agents report them. */
@Repository
public class HostRepository {
    private static final String COLUMNS = "host, id, hypervisor_type, hypervisor_version, availability_zone, vcpus,"
            + " memory_mb, local_gb, cpu_info, host_ip, disabled, disabled_reason, heartbeat_at";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public HostRepository(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** An agent's report: inserted the first time (with the next integer id), else its resources and heartbeat. */
    public void report(ComputeHost h, long now) {
        tx.executeWithoutResult(s -> {
            int updated = jdbc.sql("UPDATE compute_hosts SET hypervisor_type = ?, hypervisor_version = ?,"
                            + " availability_zone = ?, vcpus = ?, memory_mb = ?, local_gb = ?, cpu_info = ?,"
                            + " host_ip = ?, heartbeat_at = ? WHERE host = ?")
                    .params(withResources(SqlArgs.of(), h, now, h.host()))
                    .update();
            if (updated == 0) {
                int id = jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1 FROM compute_hosts")
                        .query(Integer.class)
                        .single();
                jdbc.sql("INSERT INTO compute_hosts (" + COLUMNS + ", created_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, NULL, ?, ?)")
                        .params(withResources(SqlArgs.of(h.host(), id), h, now, now))
                        .update();
            }
        });
    }

    /**
     * {@code before}, then what an agent reports of its host (hypervisor type and version, zone, vCPUs, memory,
     * disk, CPU info, address) in the table's column order, then {@code after}.
     */
    private static List<@Nullable Object> withResources(
            List<@Nullable Object> before, ComputeHost h, @Nullable Object... after) {
        List<@Nullable Object> args = new ArrayList<>(before);
        args.addAll(SqlArgs.of(
                h.hypervisorType(),
                h.hypervisorVersion(),
                h.availabilityZone(),
                h.vcpus(),
                h.memoryMb(),
                h.localGb(),
                h.cpuInfo(),
                h.hostIp()));
        args.addAll(SqlArgs.of(after));
        return args;
    }

    public List<ComputeHost> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM compute_hosts ORDER BY id")
                .query((rs, n) -> new ComputeHost(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getBoolean(11),
                        rs.getString(12),
                        rs.getLong(13)))
                .list();
    }

    public Optional<ComputeHost> find(String host) {
        return all().stream().filter(h -> h.host().equals(host)).findFirst();
    }

    /** Marks an agent silent by moving its heartbeat back (tests and operators; the watchdog then acts). */
    public void setHeartbeat(String host, long at) {
        jdbc.sql("UPDATE compute_hosts SET heartbeat_at = ? WHERE host = ?")
                .params(SqlArgs.of(at, host))
                .update();
    }

    public void setDisabled(String host, boolean disabled, String reason) {
        jdbc.sql("UPDATE compute_hosts SET disabled = ?, disabled_reason = ? WHERE host = ?")
                .params(SqlArgs.of(disabled, disabled ? reason : null, host))
                .update();
    }
}
