package io.cairn.replicator.db;

import io.cairn.account.db.AccountBroker;
import io.cairn.common.db.DatabaseBroker;
import io.cairn.common.db.DbPaths;
import io.cairn.common.time.Timestamp;
import io.cairn.container.db.ContainerBroker;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What differs between the container and the account replicator (Swift's {@code ContainerReplicator}
 * and {@code AccountReplicator} over {@code db_replicator.Replicator}): the data directory, the broker,
 * the sync arguments, the reclaim column and the rules for removing a deleted DB.
 *
 * <p>Immutable.
 */
public final class DbKind {
    private final boolean container;
    private final boolean multiplePolicies;

    private DbKind(boolean container, boolean multiplePolicies) {
        this.container = container;
        this.multiplePolicies = multiplePolicies;
    }

    /**
     * The container replicator.
     *
     * @param policyCount storage policies in {@code swift.conf}: with more than one, {@code sync} carries
     *     {@code status_changed_at}, {@code count} and {@code storage_policy_index} as Swift's does
     */
    public static DbKind container(int policyCount) {
        return new DbKind(true, policyCount > 1);
    }

    /** The account replicator. */
    public static DbKind account() {
        return new DbKind(false, false);
    }

    /** {@code container-replicator} or {@code account-replicator}. */
    public String daemonName() {
        return container ? "container-replicator" : "account-replicator";
    }

    /** {@code containers} or {@code accounts}. */
    public String datadir() {
        return container ? DbPaths.CONTAINERS : DbPaths.ACCOUNTS;
    }

    boolean isContainer() {
        return container;
    }

    /** A broker of its own on {@code dbFile} (names unknown: replication never creates a DB). */
    DatabaseBroker<?> open(Path dbFile, Clock clock) {
        return container ? new ContainerBroker(dbFile, "", "", clock) : new AccountBroker(dbFile, "", clock);
    }

    /** Swift's {@code db_reclaim_timestamp}: the column deleted rows age by. */
    String reclaimColumn() {
        return container ? "created_at" : "delete_timestamp";
    }

    /** Swift's {@code _gather_sync_args} (the container's adds three when several policies exist). */
    List<@Nullable Object> syncArgs(Map<String, @Nullable Object> info) {
        List<@Nullable Object> args = new ArrayList<>();
        args.add("sync");
        for (String key :
                List.of("max_row", "hash", "id", "created_at", "put_timestamp", "delete_timestamp", "metadata")) {
            args.add(info.get(key));
        }
        if (container && multiplePolicies) {
            args.add(info.get("status_changed_at"));
            args.add(info.get("count"));
            args.add(info.get("storage_policy_index"));
        }
        return args;
    }

    /**
     * Swift's {@code is_reclaimable}: deleted (delete timestamp newer than put) longer than
     * {@code reclaimAge} ago and empty (containers: no object in any policy; accounts: count 0).
     */
    boolean isReclaimable(DatabaseBroker<?> broker, Map<String, @Nullable Object> info, Timestamp ageLimit)
            throws SQLException {
        Timestamp delete = Timestamp.parse(String.valueOf(info.get("delete_timestamp")));
        Timestamp put = Timestamp.parse(String.valueOf(info.get("put_timestamp")));
        if (!(ageLimit.compareTo(delete) > 0 && delete.compareTo(put) > 0)) {
            return false;
        }
        if (broker instanceof ContainerBroker c) {
            return c.isEmpty();
        }
        return info.get("count") instanceof Number n && n.longValue() == 0;
    }

    /**
     * Swift's {@code report_up_to_date}: a container DB is removed only once the account has its final
     * stats (every {@code reported_*} equals its value); accounts report to nobody.
     */
    boolean reportUpToDate(Map<String, @Nullable Object> info) {
        if (!container) {
            return true;
        }
        return same(info, "reported_put_timestamp", "put_timestamp")
                && same(info, "reported_delete_timestamp", "delete_timestamp")
                && same(info, "reported_bytes_used", "bytes_used")
                && same(info, "reported_object_count", "count");
    }

    private static boolean same(Map<String, @Nullable Object> info, String reported, String value) {
        Object a = info.get(reported);
        Object b = info.get(value);
        if (a instanceof Number x && b instanceof Number y) {
            return x.longValue() == y.longValue();
        }
        return Objects.equals(String.valueOf(a), String.valueOf(b));
    }

    @Override
    public String toString() {
        return daemonName();
    }
}
