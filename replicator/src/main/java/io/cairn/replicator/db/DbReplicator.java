package io.cairn.replicator.db;

import io.cairn.common.concurrent.NamedThreadFactory;
import io.cairn.common.daemon.Daemon;
import io.cairn.common.daemon.PassReport;
import io.cairn.common.db.DbPaths;
import io.cairn.common.http.BackendClient;
import io.cairn.common.http.Transport;
import io.cairn.common.io.DeviceRoot;
import io.cairn.common.path.HashPath;
import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import io.netty.channel.EventLoopGroup;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Swift's container and account replicator ({@code db_replicator.Replicator}, one class parameterised by
 * {@link DbKind}): each pass walks the local devices' {@code containers|accounts/<part>/<suffix>/<hash>/
 * <hash>.db}, round robin over devices, and replicates every DB to its ring peers with the REPLICATE RPCs
 * ({@code sync}, {@code merge_items}, {@code merge_syncs}, {@code complete_rsync},
 * {@code rsync_then_merge}); whole DBs travel over Cairn's HTTP transfer instead of rsync
 * ({@code replicator/README.md}). Handoff DBs are removed once every primary has them; deleted DBs past
 * {@code reclaim_age} are removed.
 *
 * <p>Counters of a pass: {@value #DBS_CHECKED}, {@value #SUCCESSES}, {@value #NO_CHANGE},
 * {@value #HASHMATCH}, {@value #RSYNC} (whole-DB transfers), {@value #DIFF} (usyncs, as Swift counts
 * them), {@value #MERGE_BATCHES} ({@code merge_items} requests), {@value #DIFF_CAPPED},
 * {@value #REMOTE_MERGES}, {@value #FAILURES}, {@value #REMOVES}, {@value #HANDOFFS_REVERTED}.
 *
 * <p>Thread-safety: one pass at a time (the {@link Daemon} contract); a pass fans DBs out over
 * {@code concurrency} threads. A dead peer costs {@code conn_timeout}, a silent one {@code node_timeout}
 * per request. Interrupting the pass stops it promptly with {@link InterruptedException}.
 */
public final class DbReplicator implements Daemon, AutoCloseable {
    public static final String DBS_CHECKED = "dbs_checked";
    public static final String SUCCESSES = "success";
    public static final String NO_CHANGE = "no_change";
    public static final String HASHMATCH = "hashmatch";
    public static final String RSYNC = "rsync";
    public static final String DIFF = "diff";
    public static final String MERGE_BATCHES = "merge_batches";
    public static final String DIFF_CAPPED = "diff_capped";
    public static final String REMOTE_MERGES = "remote_merges";
    public static final String FAILURES = "failures";
    public static final String REMOVES = "removes";
    public static final String HANDOFFS_REVERTED = "handoffs_reverted";

    /** A {@code (replication_ip, replication_port)} this process answers on. */
    public record Endpoint(String ip, int port) {}

    private final DbKind kind;
    private final DbReplicatorConfig config;
    private final DeviceRoot devices;
    private final Supplier<Ring> ring;
    private final Set<Endpoint> local;
    private final Clock clock;
    private final EventLoopGroup group;
    private final BackendClient rpcClient;
    private final HttpClient fileClient;
    private final DbSync sync;

    /**
     * @param kind container or account
     * @param config the {@code [container-replicator]}/{@code [account-replicator]} settings
     * @param devices the devices directory and mount_check
     * @param ring the current container or account ring (read once per pass)
     * @param hashPath the cluster's hash path prefix and suffix
     * @param local the replication endpoints of this node: ring devices on them are local
     * @param clock wall clock (reclaim ages, timestamps)
     */
    public DbReplicator(
            DbKind kind,
            DbReplicatorConfig config,
            DeviceRoot devices,
            Supplier<Ring> ring,
            HashPath hashPath,
            Set<Endpoint> local,
            Clock clock) {
        this.kind = kind;
        this.config = config;
        this.devices = devices;
        this.ring = ring;
        this.local = Set.copyOf(local);
        this.clock = clock;
        Transport transport = Transport.select(true);
        this.group = transport.newEventLoopGroup(1, kind.daemonName());
        this.rpcClient = new BackendClient(transport, group, 64 * 1024 * 1024, config.connTimeout());
        this.fileClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connTimeout())
                .build();
        this.sync = new DbSync(kind, config, hashPath, rpcClient, fileClient, clock);
    }

    @Override
    public String name() {
        return kind.daemonName();
    }

    @Override
    public PassReport runOnce() throws InterruptedException {
        PassReport.Builder report = new PassReport.Builder(name(), clock.instant());
        Ring r = ring.get();
        List<Iterator<DbWalker.Found>> walks = new ArrayList<>();
        for (Device dev : localDevices(r).values()) {
            Path path = devices.resolve(dev.device());
            if (path == null) {
                report.error("skipping " + dev.device() + ": not mounted");
                continue;
            }
            DbWalker.removeOldTempFiles(
                    DbPaths.tmpDir(path), clock.millis() - config.reclaimAge().toMillis());
            walks.add(DbWalker.walk(path.resolve(kind.datadir()), dev));
        }
        if (walks.isEmpty() && localDevices(r).isEmpty()) {
            report.error("can't find itself (" + local + ") in the ring, not replicating");
        }
        ExecutorService pool =
                Executors.newFixedThreadPool(config.concurrency(), NamedThreadFactory.single(name() + "-worker"));
        Semaphore slots = new Semaphore(config.concurrency());
        try {
            roundRobin(walks, found -> {
                slots.acquire();
                pool.execute(() -> {
                    try {
                        sync.replicate(r, found.partition(), found.dbFile(), found.device(), report);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        report.add(FAILURES, 1);
                        report.error("ERROR replicating " + found.dbFile() + ": " + e);
                    } finally {
                        slots.release();
                    }
                });
            });
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // keep waiting; an interrupt of this thread ends the wait
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            throw e;
        }
        return report.build(clock.instant());
    }

    /** The ring devices on this node's endpoints, by device name. */
    private Map<String, Device> localDevices(Ring r) {
        Map<String, Device> out = new LinkedHashMap<>();
        for (Device d : r.devices()) {
            if (d != null && local.contains(new Endpoint(d.replicationIp(), d.replicationPort()))) {
                out.putIfAbsent(d.device(), d);
            }
        }
        return out;
    }

    /** A step over one found DB that may block and be interrupted. */
    @FunctionalInterface
    private interface FoundConsumer {
        void accept(DbWalker.Found found) throws InterruptedException;
    }

    /** Swift's {@code round_robin_iter}: one DB from each device in turn. */
    private static void roundRobin(List<Iterator<DbWalker.Found>> walks, FoundConsumer consumer)
            throws InterruptedException {
        List<Iterator<DbWalker.Found>> live = new ArrayList<>(walks);
        while (!live.isEmpty()) {
            for (Iterator<Iterator<DbWalker.Found>> it = live.iterator(); it.hasNext(); ) {
                Iterator<DbWalker.Found> walk = it.next();
                if (Thread.interrupted()) {
                    throw new InterruptedException("db replication pass interrupted");
                }
                if (walk.hasNext()) {
                    consumer.accept(walk.next());
                } else {
                    it.remove();
                }
            }
        }
    }

    @Override
    public void close() {
        rpcClient.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
