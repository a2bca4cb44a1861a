package io.cairn.replicator.object;

import io.cairn.common.concurrent.NamedThreadFactory;
import io.cairn.common.daemon.Daemon;
import io.cairn.common.daemon.PassReport;
import io.cairn.common.io.DeviceRoot;
import io.cairn.object.diskfile.DiskFileManager;
import io.cairn.ring.Ring;
import io.cairn.ring.policy.StoragePolicies;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The object replicator daemon (Swift's {@code ObjectReplicator.replicate}, replicated policies, reference
 * §6.2). A pass collects one job per partition directory of every local device, then runs each device's
 * jobs on its own worker ({@code replicator_workers} devices at once, 0 = all), {@code concurrency} jobs
 * of a device at once, paced by {@code partitions_per_second}. Primary partitions are compared with the
 * other primaries by {@code REPLICATE} and differing suffixes are pushed by the {@link SuffixSyncer};
 * handoff partitions are pushed to every primary and removed when enough pushes succeeded.
 *
 * <p>A dead, refusing or silent peer costs at most {@code conn_timeout + http_timeout} per exchange and
 * is counted in {@code peer_failures}; the pass goes on. Interrupting the thread running {@link
 * #runOnce} interrupts every worker and the pass ends with {@link InterruptedException}.
 *
 * <p>Thread-safety: {@link #runOnce} must not run concurrently with itself (the scheduler guarantees it);
 * a pass uses its own worker threads, created and stopped within it.
 */
public final class ObjectReplicator implements Daemon {
    /** The recon key and section name. */
    public static final String NAME = "object-replicator";

    private static final System.Logger LOG = System.getLogger(ObjectReplicator.class.getName());

    private final DeviceRoot root;
    private final Supplier<Map<Integer, Ring>> rings;
    private final ObjectReplicatorConfig config;
    private final Clock clock;
    private final JobCollector collector;
    private final PartitionReplicator partitions;

    private ObjectReplicator(Builder b) {
        this.root = Objects.requireNonNull(b.root, "deviceRoot");
        this.rings = Objects.requireNonNull(b.rings, "rings");
        this.config = Objects.requireNonNull(b.config, "config");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.collector = new JobCollector(
                Objects.requireNonNull(b.localNode, "localNode"),
                root,
                Objects.requireNonNull(b.policies, "policies"),
                config);
        this.partitions = new PartitionReplicator(
                Objects.requireNonNull(b.diskFiles, "diskFiles"),
                Objects.requireNonNull(b.client, "replicateClient"),
                Objects.requireNonNull(b.syncer, "syncer"),
                config);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PassReport runOnce() throws InterruptedException {
        Instant start = clock.instant();
        PassReport.Builder report = new PassReport.Builder(NAME, start);
        Map<String, List<ReplicationJob>> jobs = collector.collect(rings.get(), start, report);
        List<String> devices = new ArrayList<>(jobs.keySet());
        if (devices.isEmpty()) {
            return report.build(clock.instant());
        }
        int workers =
                config.replicatorWorkers() == 0 ? devices.size() : Math.min(config.replicatorWorkers(), devices.size());
        ExecutorService devicePool =
                Executors.newFixedThreadPool(workers, NamedThreadFactory.numbered("object-replicator-device"));
        ExecutorService lanePool = Executors.newFixedThreadPool(
                Math.max(1, workers * (config.concurrency() - 1)),
                NamedThreadFactory.numbered("object-replicator-lane"));
        PartitionRateLimiter limiter = new PartitionRateLimiter(config.partitionsPerSecond());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (String device : devices) {
                List<ReplicationJob> ordered = order(jobs.get(device));
                running.add(devicePool.submit(() -> {
                    runDevice(device, ordered, lanePool, limiter, report);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                awaitDevice(f, report);
            }
        } catch (InterruptedException e) {
            report.incomplete();
            throw e;
        } finally {
            devicePool.shutdownNow();
            lanePool.shutdownNow();
            // workers honour interruption; wait briefly so no job outlives the pass
            devicePool.awaitTermination(5, TimeUnit.SECONDS);
            lanePool.awaitTermination(5, TimeUnit.SECONDS);
        }
        return report.build(clock.instant());
    }

    private static void awaitDevice(Future<?> f, PassReport.Builder report) throws InterruptedException {
        try {
            f.get();
        } catch (ExecutionException e) {
            report.error("device worker failed: " + e.getCause());
        }
    }

    /** Swift: shuffle, then (handoffs_first) handoffs in front, keeping the shuffled order within each group. */
    private List<ReplicationJob> order(@Nullable List<ReplicationJob> jobs) {
        List<ReplicationJob> out = jobs == null ? new ArrayList<>() : new ArrayList<>(jobs);
        Collections.shuffle(out, ThreadLocalRandom.current());
        if (config.handoffsFirst()) {
            out.sort(Comparator.comparing((ReplicationJob j) -> !j.handoff()));
        }
        return out;
    }

    private void runDevice(
            String device,
            List<ReplicationJob> jobs,
            ExecutorService lanePool,
            PartitionRateLimiter limiter,
            PassReport.Builder report)
            throws InterruptedException {
        Queue<ReplicationJob> queue = new ConcurrentLinkedQueue<>(jobs);
        AtomicInteger handoffsRemaining = new AtomicInteger();
        for (ReplicationJob j : jobs) {
            if (j.handoff()) {
                handoffsRemaining.incrementAndGet();
            }
        }
        List<Future<?>> lanes = new ArrayList<>();
        for (int i = 1; i < config.concurrency(); i++) {
            lanes.add(lanePool.submit(() -> {
                drain(device, queue, handoffsRemaining, limiter, report);
                return null;
            }));
        }
        try {
            drain(device, queue, handoffsRemaining, limiter, report);
        } catch (InterruptedException e) {
            for (Future<?> lane : lanes) {
                lane.cancel(true);
            }
            throw e;
        }
        for (Future<?> lane : lanes) {
            try {
                lane.get();
            } catch (ExecutionException e) {
                report.error("replication lane of " + device + " failed: " + e.getCause());
            }
        }
    }

    private void drain(
            String device,
            Queue<ReplicationJob> queue,
            AtomicInteger handoffsRemaining,
            PartitionRateLimiter limiter,
            PassReport.Builder report)
            throws InterruptedException {
        for (ReplicationJob job = queue.poll(); job != null; job = queue.poll()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("object replication pass interrupted");
            }
            if (config.handoffsFirst() && !job.handoff() && handoffsRemaining.get() > 0) {
                // Swift: primaries wait until the rebalance drained every handoff
                report.error("handoffs_first: handoffs remain on " + device + "; primary partitions skipped");
                queue.clear();
                return;
            }
            if (root.resolve(device) == null) {
                report.add(ReplicationCounters.DEVICES_UNAVAILABLE, 1)
                        .error("device " + device + " became unavailable during the pass");
                queue.clear();
                return;
            }
            limiter.acquire();
            runJob(job, report);
            if (job.handoff() && !java.nio.file.Files.exists(job.partitionDir())) {
                handoffsRemaining.decrementAndGet();
            }
        }
    }

    private void runJob(ReplicationJob job, PassReport.Builder report) throws InterruptedException {
        try {
            partitions.replicate(job, report);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "object-replicator: " + job + " failed", e);
            report.error(job + ": " + e);
        }
    }

    /**
     * Collects the replicator's collaborators; every one is required.
     *
     * <p>Thread-safety: not thread-safe; build on one thread.
     */
    public static final class Builder {
        private @Nullable LocalNode localNode;
        private @Nullable DeviceRoot root;
        private @Nullable StoragePolicies policies;
        private @Nullable Supplier<Map<Integer, Ring>> rings;
        private @Nullable DiskFileManager diskFiles;
        private @Nullable ReplicateClient client;
        private @Nullable SuffixSyncer syncer;
        private @Nullable ObjectReplicatorConfig config;
        private @Nullable Clock clock;

        private Builder() {}

        /** Which ring devices are this node (Swift's {@code whataremyips} + {@code bind_port}). */
        public Builder localNode(LocalNode value) {
            this.localNode = value;
            return this;
        }

        /** The {@code devices} directory and {@code mount_check}. */
        public Builder deviceRoot(DeviceRoot value) {
            this.root = value;
            return this;
        }

        /** swift.conf's policies; only replicated ones are walked. */
        public Builder policies(StoragePolicies value) {
            this.policies = value;
            return this;
        }

        /** The object ring of each policy index, read once at the start of every pass (rings may reload). */
        public Builder rings(Supplier<Map<Integer, Ring>> value) {
            this.rings = value;
            return this;
        }

        /**
         * The node's disk file layer; its {@code suffixHashes} is Swift's {@code get_hashes} over the
         * per-device suffix-hash stores, with cleanup and tombstone reclaim while hashing.
         */
        public Builder diskFiles(DiskFileManager value) {
            this.diskFiles = value;
            return this;
        }

        public Builder replicateClient(ReplicateClient value) {
            this.client = value;
            return this;
        }

        public Builder syncer(SuffixSyncer value) {
            this.syncer = value;
            return this;
        }

        public Builder config(ObjectReplicatorConfig value) {
            this.config = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /**
         * The replicator.
         *
         * @throws NullPointerException naming the collaborator that was not set
         */
        public ObjectReplicator build() {
            return new ObjectReplicator(this);
        }
    }
}
