package io.cairn.replicator.object;

import io.cairn.common.daemon.PassReport;
import io.cairn.common.io.DeviceRoot;
import io.cairn.object.diskfile.DiskLayout;
import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import io.cairn.ring.policy.PolicyType;
import io.cairn.ring.policy.StoragePolicies;
import io.cairn.ring.policy.StoragePolicy;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Swift's {@code collect_jobs}/{@code build_replication_jobs}: one job per partition directory of every
 * local device of every replicated policy's ring, grouped by device. Also removes temp files older than
 * {@code reclaim_age} from each device's {@code tmp[-N]} ({@code unlink_older_than}), as Swift does there.
 *
 * <p>Thread-safety: not thread-safe; used by the thread running a pass.
 */
final class JobCollector {
    private final LocalNode localNode;
    private final DeviceRoot root;
    private final StoragePolicies policies;
    private final ObjectReplicatorConfig config;

    JobCollector(LocalNode localNode, DeviceRoot root, StoragePolicies policies, ObjectReplicatorConfig config) {
        this.localNode = localNode;
        this.root = root;
        this.policies = policies;
        this.config = config;
    }

    /** Jobs by local device name, in listing order (the caller shuffles). */
    Map<String, List<ReplicationJob>> collect(Map<Integer, Ring> rings, Instant now, PassReport.Builder report) {
        Map<String, List<ReplicationJob>> byDevice = new LinkedHashMap<>();
        for (StoragePolicy policy : policies.all()) {
            if (policy.policyType() != PolicyType.REPLICATION) {
                continue;
            }
            Ring ring = rings.get(policy.index());
            if (ring == null) {
                report.error("no object ring for policy " + policy.index() + " (" + policy.name() + ")");
                continue;
            }
            if (ring.nextPartPower() != null) {
                // every object is hard-linked twice during a part-power increase; replicating would copy both
                report.error("next_part_power set in policy " + policy.name() + ": skipped");
                continue;
            }
            boolean foundLocal = false;
            for (Device dev : ring.devices()) {
                if (dev != null && localNode.isLocal(dev)) {
                    foundLocal = true;
                    collectDevice(policy.index(), ring, dev, now, report, byDevice);
                }
            }
            if (!foundLocal) {
                report.error("cannot find this node " + localNode + " in the ring of policy " + policy.index());
            }
        }
        return byDevice;
    }

    private void collectDevice(
            int policyIndex,
            Ring ring,
            Device dev,
            Instant now,
            PassReport.Builder report,
            Map<String, List<ReplicationJob>> byDevice) {
        Path devPath = root.resolve(dev.device());
        if (devPath == null) {
            report.add(ReplicationCounters.DEVICES_UNAVAILABLE, 1)
                    .error("device " + dev.device() + " is not mounted or missing: skipped");
            return;
        }
        List<ReplicationJob> jobs = byDevice.computeIfAbsent(dev.device(), d -> new ArrayList<>());
        try {
            removeOldTempFiles(DiskLayout.tmpDir(devPath, policyIndex), now, report);
            Path objects = devPath.resolve(DiskLayout.policyDir(DiskLayout.OBJECTS, policyIndex));
            if (!Files.isDirectory(objects)) {
                Files.createDirectories(objects);
                return;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(objects)) {
                for (Path entry : entries) {
                    ReplicationJob job = job(policyIndex, ring, dev, entry, report);
                    if (job != null) {
                        jobs.add(job);
                    }
                }
            }
        } catch (IOException e) {
            report.error("cannot list " + dev.device() + " policy " + policyIndex + ": " + e);
        }
    }

    private static @org.jspecify.annotations.Nullable ReplicationJob job(
            int policyIndex, Ring ring, Device dev, Path entry, PassReport.Builder report) throws IOException {
        String name = entry.getFileName().toString();
        int partition = parsePartition(name);
        if (partition < 0) {
            return null; // auditor_status_*.json, .lock files, anything else Swift's int() refuses
        }
        if (partition >= ring.partitionCount()) {
            report.error("partition " + entry + " is beyond the ring's " + ring.partitionCount() + " partitions");
            return null;
        }
        if (Files.isRegularFile(entry)) {
            // Swift: "Removing partition directory which was a file"
            Files.deleteIfExists(entry);
            return null;
        }
        List<Device> primaries = ring.primaries(partition);
        List<Device> others = new ArrayList<>(primaries.size());
        for (Device p : primaries) {
            if (p.id() != dev.id()) {
                others.add(p);
            }
        }
        boolean handoff = others.size() > primaries.size() - 1;
        return new ReplicationJob(policyIndex, ring, dev, partition, entry, others, handoff);
    }

    /** The partition number of a directory name, or -1 if it is not one (Swift: {@code int(partition)}). */
    static int parsePartition(String name) {
        if (name.isEmpty() || name.length() > 10) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }

    /** Swift's {@code unlink_older_than(tmp_path, now - reclaim_age)}: by modification time. */
    private void removeOldTempFiles(Path tmpDir, Instant now, PassReport.Builder report) throws IOException {
        if (!Files.isDirectory(tmpDir)) {
            return;
        }
        Instant cutoff = now.minus(config.reclaimAge());
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tmpDir)) {
            for (Path f : files) {
                try {
                    if (Files.isRegularFile(f)
                            && Files.getLastModifiedTime(f).toInstant().isBefore(cutoff)
                            && Files.deleteIfExists(f)) {
                        report.add(ReplicationCounters.TEMP_FILES_REMOVED, 1);
                    }
                } catch (NoSuchFileException e) {
                    // a writer renamed it into place meanwhile
                }
            }
        }
    }
}
