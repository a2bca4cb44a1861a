package io.cairn.replicator.db;

import io.cairn.common.codec.Json;
import io.cairn.common.daemon.PassReport;
import io.cairn.common.db.DatabaseBroker;
import io.cairn.common.db.DatabaseQuarantinedException;
import io.cairn.common.db.DbMetadata;
import io.cairn.common.db.DbPaths;
import io.cairn.common.http.BackendClient;
import io.cairn.common.http.BackendResponse;
import io.cairn.common.path.HashPath;
import io.cairn.common.time.Timestamp;
import io.cairn.ring.Device;
import io.cairn.ring.HandoffIterator;
import io.cairn.ring.Ring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One DB's replication, Swift's {@code Replicator._replicate_object} and what it calls: reclaim, the
 * partition check, the peers (primaries rotated after this device; every primary for a handoff; a 507
 * peer replaced by the next handoff), {@code _repl_to_node} per peer ({@code sync}, then in sync / usync
 * with {@code merge_items} + {@code merge_syncs} / whole-DB transfer + {@code complete_rsync} or
 * {@code rsync_then_merge}), and removal of a handoff DB once every push succeeded and no row arrived.
 *
 * <p>Thread-safe: holds only shared, thread-safe collaborators; each call works on its own broker.
 */
final class DbSync {
    private final DbKind kind;
    private final DbReplicatorConfig config;
    private final HashPath hashPath;
    private final BackendClient rpcClient;
    private final HttpClient fileClient;
    private final Clock clock;

    DbSync(
            DbKind kind,
            DbReplicatorConfig config,
            HashPath hashPath,
            BackendClient rpcClient,
            HttpClient fileClient,
            Clock clock) {
        this.kind = kind;
        this.config = config;
        this.hashPath = hashPath;
        this.rpcClient = rpcClient;
        this.fileClient = fileClient;
        this.clock = clock;
    }

    /** The remote device is unmounted or full (507): Swift's {@code DriveNotMounted}. */
    private static final class DriveNotMounted extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** Replicates {@code dbFile} found under {@code partition} of {@code local}. */
    void replicate(Ring ring, int partition, Path dbFile, Device local, PassReport.Builder report)
            throws InterruptedException {
        report.add(DbReplicator.DBS_CHECKED, 1);
        double now = clock.millis() / 1000.0;
        try (DatabaseBroker<?> broker = kind.open(dbFile, clock)) {
            Map<String, @Nullable Object> info;
            int part = partition;
            boolean shouldBeHere = true;
            try {
                DbRemover.reclaim(
                        broker, kind.reclaimColumn(), now, config.reclaimAge().toMillis() / 1000.0);
                info = broker.replicationInfo();
                String container = kind.isContainer() ? String.valueOf(info.get("container")) : null;
                int bpart = ring.partition(hashPath, String.valueOf(info.get("account")), container, null);
                if (bpart != part) {
                    part = bpart;
                    shouldBeHere = false;
                }
            } catch (DatabaseQuarantinedException q) {
                failure(report, "quarantined " + dbFile + ": " + q.getMessage());
                return;
            } catch (SQLException | RuntimeException e) {
                if (String.valueOf(e.getMessage()).contains("no such table")) {
                    broker.quarantine("no such table", e);
                }
                failure(report, "ERROR reading db " + dbFile + ": " + e);
                return;
            }
            Timestamp ageLimit =
                    Timestamp.ofEpochMillis(clock.millis() - config.reclaimAge().toMillis());
            if (isReclaimable(broker, info, ageLimit, report)) {
                if (kind.reportUpToDate(info) && DbRemover.deleteDb(broker)) {
                    report.add(DbReplicator.REMOVES, 1);
                }
                return;
            }
            pushToPeers(ring, part, shouldBeHere, broker, info, local, report);
        }
    }

    private boolean isReclaimable(
            DatabaseBroker<?> broker,
            Map<String, @Nullable Object> info,
            Timestamp ageLimit,
            PassReport.Builder report) {
        try {
            return kind.isReclaimable(broker, info, ageLimit);
        } catch (SQLException | RuntimeException e) {
            failure(report, "ERROR checking reclaim of " + broker.dbFile() + ": " + e);
            return false;
        }
    }

    private void pushToPeers(
            Ring ring,
            int part,
            boolean placed,
            DatabaseBroker<?> broker,
            Map<String, @Nullable Object> info,
            Device local,
            PassReport.Builder report)
            throws InterruptedException {
        List<Device> nodes = ring.primaries(part);
        boolean shouldBeHere = placed && nodes.stream().anyMatch(n -> n.id() == local.id());
        List<Device> replNodes = new ArrayList<>();
        if (nodes.size() > 1) {
            int i = 0;
            while (i < nodes.size() && nodes.get(i).id() != local.id()) {
                i++;
            }
            replNodes.addAll(nodes.subList(Math.min(i + 1, nodes.size()), nodes.size()));
            replNodes.addAll(nodes.subList(0, Math.min(i, nodes.size())));
        } else {
            replNodes.addAll(nodes);
        }
        HandoffIterator more = ring.handoffs(part);
        String hash = broker.dbFile().getParent() == null
                ? ""
                : String.valueOf(broker.dbFile().getParent().getFileName());
        List<Boolean> responses = new ArrayList<>();
        for (int i = 0; i < replNodes.size(); i++) {
            Device node = replNodes.get(i);
            boolean success = false;
            try {
                success = replToNode(
                        new ReplConnection(rpcClient, fileClient, node, part, hash, config.nodeTimeout()),
                        broker,
                        info,
                        report);
            } catch (DriveNotMounted unmounted) {
                if (more.hasNext()) {
                    replNodes.add(more.next());
                }
                report.error("remote drive not mounted " + node.address());
            } catch (SQLException | IOException | RuntimeException e) {
                report.error("ERROR syncing " + broker.dbFile() + " with " + node.address() + ": " + e);
            }
            if (success) {
                report.add(DbReplicator.SUCCESSES, 1);
            } else {
                failure(report, null);
            }
            responses.add(success);
        }
        if (!shouldBeHere) {
            cleanupHandoff(broker, info, responses, report);
        }
    }

    /** Swift's {@code cleanup_post_replicate}: removes a handoff DB pushed everywhere that gained no rows. */
    private void cleanupHandoff(
            DatabaseBroker<?> broker,
            Map<String, @Nullable Object> info,
            List<Boolean> responses,
            PassReport.Builder report) {
        long delta;
        try {
            delta = broker.maxRow() - number(info.get("max_row"));
        } catch (SQLException e) {
            failure(report, "ERROR reading max_row of " + broker.dbFile() + ": " + e);
            return;
        }
        if (delta != 0) {
            return; // new rows (or, negative, a replaced DB): keep it for the next pass
        }
        long successes = responses.stream().filter(b -> b).count();
        boolean delete = config.handoffDelete() > 0
                ? successes >= config.handoffDelete()
                : !responses.isEmpty() && successes == responses.size();
        if (!delete) {
            return;
        }
        if (DbRemover.deleteDb(broker)) {
            report.add(DbReplicator.REMOVES, 1);
            report.add(DbReplicator.HANDOFFS_REVERTED, 1);
        } else {
            failure(report, "failed to delete handoff db " + broker.dbFile());
        }
    }

    /** Swift's {@code _repl_to_node} + {@code _handle_sync_response}. */
    private boolean replToNode(
            ReplConnection http,
            DatabaseBroker<?> broker,
            Map<String, @Nullable Object> info,
            PassReport.Builder report)
            throws InterruptedException, DriveNotMounted, SQLException, IOException {
        BackendResponse response = http.replicate(kind.syncArgs(info));
        if (response == null) {
            return false;
        }
        if (response.status() == 404) {
            report.add(DbReplicator.RSYNC, 1);
            return transferDb(http, broker, info, "complete_rsync");
        }
        if (response.status() == 507) {
            throw new DriveNotMounted();
        }
        if (!response.isSuccess()) {
            return false;
        }
        Map<String, @Nullable Object> rinfo = remoteInfo(response);
        String remoteId = String.valueOf(rinfo.get("id"));
        long localSync = broker.sync(remoteId, false);
        Object remoteMetadata = rinfo.get("metadata");
        if (remoteMetadata instanceof String md && !md.isEmpty()) {
            broker.updateMetadata(DbMetadata.parse(md));
        }
        long maxRow = number(info.get("max_row"));
        long remotePoint = number(rinfo.get("point"));
        if (Math.max(remotePoint, localSync) >= maxRow) {
            report.add(DbReplicator.NO_CHANGE, 1);
            return true;
        }
        if (String.valueOf(rinfo.get("hash")).equals(String.valueOf(info.get("hash")))) {
            report.add(DbReplicator.HASHMATCH, 1);
            broker.mergeSyncs(List.of(Map.of("remote_id", remoteId, "sync_point", remotePoint)), false);
            return true;
        }
        long remoteMaxRow = number(rinfo.get("max_row"));
        if ((double) remoteMaxRow / maxRow < 0.5 && maxRow - remoteMaxRow > config.perDiff()) {
            report.add(DbReplicator.REMOTE_MERGES, 1);
            return transferDb(http, broker, info, "rsync_then_merge");
        }
        return usync(Math.max(remotePoint, localSync), broker, http, remoteId, String.valueOf(info.get("id")), report);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, @Nullable Object> remoteInfo(BackendResponse response) throws IOException {
        try {
            if (Json.parse(response.bodyText()) instanceof Map<?, ?> m) {
                return (Map<String, @Nullable Object>) m;
            }
        } catch (Json.JsonException e) {
            throw new IOException("bad sync answer: " + e.getMessage(), e);
        }
        throw new IOException("sync answer is not a JSON object");
    }

    /** Swift's {@code _usync_db}: merge_items batches from {@code point}, then merge_syncs. */
    private boolean usync(
            long start,
            DatabaseBroker<?> broker,
            ReplConnection http,
            String remoteId,
            String localId,
            PassReport.Builder report)
            throws InterruptedException, SQLException {
        report.add(DbReplicator.DIFF, 1);
        List<Map<String, @Nullable Object>> syncTable = broker.syncs(true);
        long point = start;
        List<Map<String, @Nullable Object>> rows = broker.itemsSince(point, config.perDiff());
        int diffs = 0;
        while (!rows.isEmpty() && diffs < config.maxDiffs()) {
            diffs++;
            List<@Nullable Object> op = new ArrayList<>();
            op.add("merge_items");
            op.add(rows);
            op.add(localId);
            BackendResponse r = http.replicate(op);
            report.add(DbReplicator.MERGE_BATCHES, 1);
            if (r == null || !r.isSuccess()) {
                return false;
            }
            point = number(rows.get(rows.size() - 1).get("ROWID"));
            rows = broker.itemsSince(point, config.perDiff());
        }
        if (!rows.isEmpty()) {
            report.add(DbReplicator.DIFF_CAPPED, 1);
            return false;
        }
        List<@Nullable Object> op = new ArrayList<>();
        op.add("merge_syncs");
        op.add(syncTable);
        BackendResponse r = http.replicate(op);
        if (r != null && r.isSuccess()) {
            broker.mergeSyncs(List.of(Map.of("remote_id", remoteId, "sync_point", point)), false);
            return true;
        }
        return false;
    }

    /**
     * The HTTP stand-in for Swift's {@code _rsync_db}: a consistent snapshot of the DB (copied under a
     * SQLite read lock, so no writer can change the file meanwhile), streamed to the peer's
     * {@code <dev>/tmp/<local_id>}, then {@code [method, local_id, <hash>.db]}.
     */
    private boolean transferDb(
            ReplConnection http, DatabaseBroker<?> broker, Map<String, @Nullable Object> info, String method)
            throws InterruptedException, SQLException, IOException {
        String localId = String.valueOf(info.get("id"));
        Path tmpDir = DbPaths.tmpDir(DbPaths.devicePath(broker.dbFile()));
        Files.createDirectories(tmpDir);
        Path snapshot = tmpDir.resolve("db-replicator-" + UUID.randomUUID() + ".snapshot");
        try {
            String md5 = snapshot(broker, snapshot);
            if (!http.sendDbFile(snapshot, Files.size(snapshot), md5, localId)) {
                return false;
            }
        } finally {
            Files.deleteIfExists(snapshot);
        }
        List<@Nullable Object> op = new ArrayList<>();
        op.add(method);
        op.add(localId);
        op.add(String.valueOf(broker.dbFile().getFileName()));
        BackendResponse r = http.replicate(op);
        return r != null && r.isSuccess();
    }

    /** Copies the DB file to {@code target} inside a read transaction; returns the copy's hex MD5. */
    private static String snapshot(DatabaseBroker<?> broker, Path target) throws SQLException {
        return broker.read(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("BEGIN");
                try {
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
                        rs.next(); // takes the SHARED lock, held until COMMIT: writers cannot change the file
                    }
                    return copyWithMd5(broker.dbFile(), target);
                } finally {
                    st.execute("COMMIT");
                }
            }
        });
    }

    private static String copyWithMd5(Path source, Path target) throws SQLException {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            try (InputStream in = Files.newInputStream(source);
                    OutputStream out =
                            new DigestOutputStream(Files.newOutputStream(target, StandardOpenOption.CREATE_NEW), md5)) {
                in.transferTo(out);
            }
            return HexFormat.of().formatHex(md5.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new SQLException("cannot snapshot " + source + ": " + e, e);
        }
    }

    private static long number(@Nullable Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalArgumentException("expected a number, got " + o);
    }

    private static void failure(PassReport.Builder report, @Nullable String message) {
        report.add(DbReplicator.FAILURES, 1);
        if (message != null) {
            report.error(message);
        } else {
            report.incomplete();
        }
    }
}
