package io.cairn.common.db;

import io.cairn.common.codec.Json;
import io.cairn.common.io.DeviceRoot;
import io.cairn.common.io.DurableFiles;
import io.cairn.common.time.Timestamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The receiving side of DB replication, Swift's {@code db_replicator.ReplicatorRpc} (2.30.1):
 * {@code REPLICATE /<dev>/<part>/<hash>} with a JSON body {@code [op, args...]}, ops {@code sync},
 * {@code merge_items}, {@code merge_syncs}, {@code complete_rsync} and {@code rsync_then_merge}.
 * Answers as Swift does: 507 when the device is unusable, 404 when the DB (or the rsynced temp file) is
 * missing, 200 with the JSON info for {@code sync}, 202 for merges, 204 after an rsync completed.
 *
 * <p>Thread-safe if the broker factory is; every call blocks on the disk, so run it on the device's
 * executor.
 *
 * @param <B> the broker type of this server
 */
public final class ReplicatorRpc<B extends DatabaseBroker<?>> {
    /** An RPC answer: status and body (JSON for {@code sync}, a message otherwise). */
    public record Result(int status, String body) {}

    private final DeviceRoot root;
    private final String datadir;
    private final Function<Path, B> brokers;
    private final Clock clock;

    /**
     * @param root the devices directory and mount_check
     * @param datadir {@link DbPaths#ACCOUNTS} or {@link DbPaths#CONTAINERS}
     * @param brokers the broker for a DB file (may return a cached broker; temp files get fresh ones)
     * @param clock for {@code status_changed_at} when a merge flips the deleted state
     */
    public ReplicatorRpc(DeviceRoot root, String datadir, Function<Path, B> brokers, Clock clock) {
        this.root = root;
        this.datadir = datadir;
        this.brokers = brokers;
        this.clock = clock;
    }

    /** Dispatches one RPC; {@code body} is the parsed JSON. */
    public Result dispatch(String drive, String partition, String hash, @Nullable Object body)
            throws SQLException, IOException {
        if (!(body instanceof List<?> args) || args.isEmpty()) {
            return new Result(400, "Invalid object type");
        }
        Path device = root.resolve(drive);
        if (device == null) {
            return new Result(507, drive + " is not mounted");
        }
        String op = String.valueOf(args.get(0));
        List<?> rest = args.subList(1, args.size());
        Path dbFile = DbPaths.dbFile(device, datadir, partition, hash);
        if (op.equals("rsync_then_merge")) {
            return rsyncThenMerge(device, dbFile, rest);
        }
        if (op.equals("complete_rsync")) {
            return completeRsync(device, dbFile, rest);
        }
        Files.createDirectories(DbPaths.tmpDir(device));
        if (!Files.exists(dbFile)) {
            return new Result(404, "");
        }
        B broker = brokers.apply(dbFile);
        return switch (op) {
            case "sync" -> sync(broker, rest);
            case "merge_items" -> mergeItems(broker, rest);
            case "merge_syncs" -> mergeSyncs(broker, rest);
            default -> new Result(400, "Unknown op " + op);
        };
    }

    private Result sync(B broker, List<?> args) throws SQLException {
        if (args.size() < 7) {
            return new Result(400, "sync needs 7 arguments");
        }
        long remotePoint = ((Number) nonNull(args.get(0))).longValue();
        String remoteHash = String.valueOf(args.get(1));
        String remoteId = String.valueOf(args.get(2));
        String createdAt = String.valueOf(args.get(3));
        String put = String.valueOf(args.get(4));
        String delete = String.valueOf(args.get(5));
        Object metadata = args.get(6);
        broker.commitPendingQuietly();
        Map<String, @Nullable Object> info = broker.replicationInfo();
        if (metadata instanceof String md && !md.isEmpty()) {
            try {
                broker.updateMetadata(DbMetadata.parse(md));
            } catch (IllegalArgumentException badJson) {
                // Swift logs "Unable to decode remote metadata" and goes on
            }
        }
        if (!createdAt.equals(String.valueOf(info.get("created_at")))
                || !put.equals(String.valueOf(info.get("put_timestamp")))
                || !delete.equals(String.valueOf(info.get("delete_timestamp")))) {
            broker.mergeTimestamps(createdAt, put, delete, Timestamp.now(clock).internal());
        }
        long point = broker.sync(remoteId, true);
        if (remoteHash.equals(info.get("hash")) && point < remotePoint) {
            broker.mergeSyncs(List.of(Map.of("remote_id", remoteId, "sync_point", remotePoint)), true);
            point = remotePoint;
        }
        info.put("point", point);
        return new Result(200, Json.write(info));
    }

    @SuppressWarnings("unchecked")
    private Result mergeItems(B broker, List<?> args) throws SQLException {
        if (args.isEmpty() || !(args.get(0) instanceof List<?>)) {
            return new Result(400, "merge_items needs a list of rows");
        }
        Object source = args.size() > 1 ? args.get(1) : null;
        broker.mergeReplicatedRows(
                (List<Map<String, @Nullable Object>>) args.get(0), source == null ? null : source.toString());
        return new Result(202, "");
    }

    @SuppressWarnings("unchecked")
    private Result mergeSyncs(B broker, List<?> args) throws SQLException {
        if (args.isEmpty() || !(args.get(0) instanceof List<?>)) {
            return new Result(400, "merge_syncs needs a list of sync points");
        }
        broker.mergeSyncs((List<Map<String, @Nullable Object>>) args.get(0), true);
        return new Result(202, "");
    }

    private Result completeRsync(Path device, Path dbFile, List<?> args) throws SQLException, IOException {
        if (args.isEmpty()) {
            return new Result(400, "complete_rsync needs the remote id");
        }
        String remoteId = String.valueOf(args.get(0));
        Path tmp = DbPaths.tmpDir(device).resolve(remoteId);
        Path target = args.size() > 1 ? dbFile.resolveSibling(String.valueOf(args.get(1))) : dbFile;
        if (Files.exists(target) || !Files.exists(tmp)) {
            return new Result(404, "");
        }
        try (B received = brokers.apply(tmp)) {
            received.newId(remoteId);
        }
        DurableFiles.renameInto(tmp, target);
        return new Result(204, "");
    }

    private Result rsyncThenMerge(Path device, Path dbFile, List<?> args) throws SQLException, IOException {
        if (args.isEmpty()) {
            return new Result(400, "rsync_then_merge needs the remote id");
        }
        String remoteId = String.valueOf(args.get(0));
        Path tmp = DbPaths.tmpDir(device).resolve(remoteId);
        if (!Files.exists(dbFile) || !Files.exists(tmp)) {
            return new Result(404, "");
        }
        B existing = brokers.apply(dbFile);
        try (B received = brokers.apply(tmp)) {
            long point = -1;
            List<Map<String, @Nullable Object>> rows = existing.itemsSince(point, 1000);
            while (!rows.isEmpty()) {
                received.mergeReplicatedRows(rows, null);
                Object last = rows.get(rows.size() - 1).get("ROWID");
                point = last instanceof Number n ? n.longValue() : Long.MAX_VALUE;
                rows = existing.itemsSince(point, 1000);
            }
            received.mergeSyncs(existing.syncs(true), true);
            received.newId(remoteId);
            received.updateMetadata(existing.metadata());
        }
        if (!Files.exists(dbFile) || !Files.exists(tmp)) {
            return new Result(404, "");
        }
        existing.close();
        DurableFiles.renameInto(tmp, dbFile);
        return new Result(204, "");
    }

    private static Object nonNull(@Nullable Object o) {
        if (o == null) {
            throw new IllegalArgumentException("null where a value is required");
        }
        return o;
    }
}
