package io.cairn.replicator.object;

import static io.cairn.replicator.object.ReplicationCounters.BYTES_SENT;
import static io.cairn.replicator.object.ReplicationCounters.HANDOFFS_REVERTED;
import static io.cairn.replicator.object.ReplicationCounters.HANDOFF_OBJECTS_REMOVED;
import static io.cairn.replicator.object.ReplicationCounters.HANDOFF_PARTITIONS_REMOVED;
import static io.cairn.replicator.object.ReplicationCounters.OBJECTS_SENT;
import static io.cairn.replicator.object.ReplicationCounters.PARTITIONS_CHECKED;
import static io.cairn.replicator.object.ReplicationCounters.PARTITIONS_SYNCED;
import static io.cairn.replicator.object.ReplicationCounters.PARTITION_LOCK_BUSY;
import static io.cairn.replicator.object.ReplicationCounters.PEERS_IN_SYNC;
import static io.cairn.replicator.object.ReplicationCounters.PEER_FAILURES;
import static io.cairn.replicator.object.ReplicationCounters.SUFFIXES_SYNCED;

import io.cairn.common.daemon.PassReport;
import io.cairn.common.io.Directories;
import io.cairn.object.diskfile.DiskFileManager;
import io.cairn.object.diskfile.DiskLayout;
import io.cairn.ring.Device;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Replicates one partition job: Swift's {@code update} (a primary partition: compare suffix hashes with the
 * other primaries and push what differs) and {@code update_deleted} (a handoff: push everything to the
 * primaries, then remove it locally).
 *
 * <p>Thread-safety: thread-safe (stateless apart from its thread-safe collaborators); device workers
 * share one instance.
 */
final class PartitionReplicator {
    private static final System.Logger LOG = System.getLogger(PartitionReplicator.class.getName());

    private final DiskFileManager diskFiles;
    private final ReplicateClient client;
    private final SuffixSyncer syncer;
    private final ObjectReplicatorConfig config;

    PartitionReplicator(
            DiskFileManager diskFiles, ReplicateClient client, SuffixSyncer syncer, ObjectReplicatorConfig config) {
        this.diskFiles = diskFiles;
        this.client = client;
        this.syncer = syncer;
        this.config = config;
    }

    void replicate(ReplicationJob job, PassReport.Builder report) throws IOException, InterruptedException {
        report.add(PARTITIONS_CHECKED, 1);
        if (job.handoff()) {
            revert(job, report);
        } else {
            update(job, report);
        }
    }

    /** Swift's {@code update}: the local device is a primary of the partition. */
    private void update(ReplicationJob job, PassReport.Builder report) throws IOException, InterruptedException {
        Map<String, String> localHashes =
                new HashMap<>(diskFiles.suffixHashes(job.device(), job.partition(), job.policyIndex(), List.of()));
        List<Device> primaries = new ArrayList<>(job.nodes());
        Collections.shuffle(primaries, ThreadLocalRandom.current());
        Iterator<Device> handoffs = job.ring().handoffs(job.partition());
        Set<Integer> syncedRemoteRegions = new HashSet<>();
        boolean synced = false;
        int next = 0;
        int attemptsLeft = primaries.size();
        while (attemptsLeft > 0) {
            Device node = next < primaries.size() ? primaries.get(next++) : nextHandoff(handoffs, job);
            if (node == null) {
                report.error("ran out of handoffs while replicating " + job);
                break;
            }
            attemptsLeft--;
            if (syncedRemoteRegions.contains(node.region())) {
                continue; // one push per remote region and pass
            }
            PeerResult result = updatePeer(job, node, localHashes, report);
            if (result == PeerResult.UNMOUNTED) {
                attemptsLeft++; // try a handoff in its place, as Swift does on 507
            } else if (result == PeerResult.SYNCED) {
                synced = true;
                if (node.region() != job.localDevice().region()) {
                    syncedRemoteRegions.add(node.region());
                }
            }
        }
        if (synced) {
            report.add(PARTITIONS_SYNCED, 1);
        }
    }

    private static @Nullable Device nextHandoff(Iterator<Device> handoffs, ReplicationJob job) {
        while (handoffs.hasNext()) {
            Device d = handoffs.next();
            if (d.id() != job.localDevice().id()) {
                return d;
            }
        }
        return null;
    }

    private enum PeerResult {
        IN_SYNC,
        SYNCED,
        FAILED,
        UNMOUNTED
    }

    private PeerResult updatePeer(
            ReplicationJob job, Device node, Map<String, String> localHashes, PassReport.Builder report)
            throws IOException, InterruptedException {
        Map<String, String> remote;
        try {
            remote = client.suffixHashes(node, job.partition(), job.policyIndex());
        } catch (ReplicateClient.PeerStatusException e) {
            peerFailed(report, job, node, e);
            return e.status() == ReplicateClient.INSUFFICIENT_STORAGE ? PeerResult.UNMOUNTED : PeerResult.FAILED;
        } catch (IOException e) {
            peerFailed(report, job, node, e);
            return PeerResult.FAILED;
        }
        List<String> suffixes = differing(localHashes, remote);
        if (suffixes.isEmpty()) {
            report.add(PEERS_IN_SYNC, 1);
            return PeerResult.IN_SYNC;
        }
        // the cached local hashes may be stale: rehash the differing suffixes before pushing
        Map<String, String> recalculated =
                diskFiles.suffixHashes(job.device(), job.partition(), job.policyIndex(), suffixes);
        localHashes.clear();
        localHashes.putAll(recalculated);
        suffixes = differing(localHashes, remote);
        if (suffixes.isEmpty()) {
            report.add(PEERS_IN_SYNC, 1);
            return PeerResult.IN_SYNC;
        }
        return push(job, node, suffixes, report) ? PeerResult.SYNCED : PeerResult.FAILED;
    }

    /** Suffixes whose local hash the peer lacks or has differently (Swift: {@code remote_hash.get(s, -1)}). */
    private static List<String> differing(Map<String, String> local, Map<String, String> remote) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : local.entrySet()) {
            if (!e.getValue().equals(remote.get(e.getKey()))) {
                out.add(e.getKey());
            }
        }
        Collections.sort(out);
        return out;
    }

    /** Pushes and then asks the peer to rehash what it received; true when both succeeded. */
    private boolean push(ReplicationJob job, Device node, List<String> suffixes, PassReport.Builder report)
            throws InterruptedException {
        SyncOutcome outcome = syncer.sync(node, job.device(), job.partition(), job.policyIndex(), suffixes);
        report.add(OBJECTS_SENT, outcome.objectsSent()).add(BYTES_SENT, outcome.bytesSent());
        if (!outcome.success()) {
            pushFailed(report, job, node, outcome);
            return false;
        }
        try {
            client.rehash(node, job.partition(), job.policyIndex(), suffixes);
        } catch (IOException e) {
            peerFailed(report, job, node, e);
            return false;
        }
        report.add(SUFFIXES_SYNCED, suffixes.size());
        return true;
    }

    /** The pass is incomplete and its report says why: an operator reads recon, not only the log. */
    private static void peerFailed(PassReport.Builder report, ReplicationJob job, Device node, Exception e) {
        String message = "object-replicator: " + job + " with " + node.address() + ": " + e.getMessage();
        report.add(PEER_FAILURES, 1).error(message);
        LOG.log(System.Logger.Level.WARNING, message);
    }

    private static void pushFailed(PassReport.Builder report, ReplicationJob job, Device node, SyncOutcome outcome) {
        String message = "object-replicator: push of " + job + " to " + node.address() + " failed"
                + (outcome.error() == null ? "" : ": " + outcome.error());
        report.add(PEER_FAILURES, 1).error(message);
        LOG.log(System.Logger.Level.WARNING, message);
    }

    /** Swift's {@code update_deleted}: the local device is a handoff for the partition. */
    private void revert(ReplicationJob job, PassReport.Builder report) throws IOException, InterruptedException {
        try (PartitionLock lock = PartitionLock.tryLock(job.partitionDir())) {
            if (lock == null) {
                report.add(PARTITION_LOCK_BUSY, 1);
                return;
            }
            List<String> suffixes = listSuffixes(job.partitionDir());
            int successes = 0;
            Map<Integer, Set<String>> remoteRegions = new HashMap<>();
            for (Device node : suffixes.isEmpty() ? List.<Device>of() : job.nodes()) {
                SyncOutcome outcome = syncer.sync(node, job.device(), job.partition(), job.policyIndex(), suffixes);
                report.add(OBJECTS_SENT, outcome.objectsSent()).add(BYTES_SENT, outcome.bytesSent());
                boolean ok = outcome.success() && rehashAfterRevert(job, node, suffixes, report);
                if (!outcome.success()) {
                    pushFailed(report, job, node, outcome);
                }
                if (ok) {
                    successes++;
                    report.add(SUFFIXES_SYNCED, suffixes.size());
                    if (node.region() != job.localDevice().region()) {
                        remoteRegions.put(node.region(), outcome.inSyncHashes());
                    }
                }
            }
            boolean delete = config.handoffDelete() > 0
                    ? successes >= config.handoffDelete()
                    : !suffixes.isEmpty() && successes == job.nodes().size();
            if (successes > 0) {
                report.add(PARTITIONS_SYNCED, 1);
            }
            if (delete) {
                report.add(HANDOFFS_REVERTED, 1);
                Set<String> inSyncEverywhere = intersection(remoteRegions);
                if (inSyncEverywhere != null) {
                    report.add(HANDOFF_OBJECTS_REMOVED, removeObjects(job, inSyncEverywhere));
                    return;
                }
            } else if (!suffixes.isEmpty()) {
                return;
            }
            removePartition(job, report);
        }
    }

    private boolean rehashAfterRevert(ReplicationJob job, Device node, List<String> suffixes, PassReport.Builder report)
            throws InterruptedException {
        try {
            client.rehash(node, job.partition(), job.policyIndex(), suffixes);
            return true;
        } catch (IOException e) {
            peerFailed(report, job, node, e);
            return false;
        }
    }

    /** Objects confirmed in sync in every remote region pushed to; null when no remote region was pushed to. */
    private static @Nullable Set<String> intersection(Map<Integer, Set<String>> remoteRegions) {
        Set<String> out = null;
        for (Set<String> hashes : remoteRegions.values()) {
            if (out == null) {
                out = new HashSet<>(hashes);
            } else {
                out.retainAll(hashes);
            }
        }
        return out;
    }

    private void removePartition(ReplicationJob job, PassReport.Builder report) throws IOException {
        LOG.log(System.Logger.Level.INFO, "object-replicator: removing handoff partition " + job.partitionDir());
        Directories.deleteTree(job.partitionDir());
        report.add(HANDOFF_PARTITIONS_REMOVED, 1);
        // forget the partition's cached suffix hashes (the store drops them when the directory is gone)
        diskFiles.suffixHashes(job.device(), job.partition(), job.policyIndex(), List.of());
    }

    /** Swift's {@code delete_handoff_objs}: rmtree each hash dir, rmdir its suffix dir when empty. */
    private int removeObjects(ReplicationJob job, Set<String> hashes) throws IOException {
        int removed = 0;
        Set<String> touched = new TreeSet<>();
        for (String hash : hashes) {
            if (hash.length() < 3) {
                continue;
            }
            Path hashDir = job.partitionDir().resolve(DiskLayout.suffixOf(hash)).resolve(hash);
            if (Files.isDirectory(hashDir)) {
                Directories.deleteTree(hashDir);
                removed++;
                touched.add(DiskLayout.suffixOf(hash));
                Path suffixDir = hashDir.getParent();
                try {
                    Files.deleteIfExists(suffixDir);
                } catch (java.nio.file.DirectoryNotEmptyException e) {
                    // other objects of the suffix stay until they are in sync
                }
            }
        }
        if (!touched.isEmpty()) {
            diskFiles.invalidateSuffixes(job.device(), job.partition(), job.policyIndex(), touched);
        }
        return removed;
    }

    /** Swift's {@code tpool_get_suffixes}: three-character directory names. */
    static List<String> listSuffixes(Path partitionDir) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(partitionDir)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(partitionDir)) {
            for (Path p : entries) {
                if (p.getFileName().toString().length() == 3 && Files.isDirectory(p)) {
                    out.add(p.getFileName().toString());
                }
            }
        }
        Collections.sort(out);
        return out;
    }
}
