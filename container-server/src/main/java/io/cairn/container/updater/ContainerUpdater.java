package io.cairn.container.updater;

import io.cairn.common.daemon.Daemon;
import io.cairn.common.daemon.PassReport;
import io.cairn.common.http.BackendClient;
import io.cairn.common.http.BackendRequest;
import io.cairn.common.http.Transport;
import io.cairn.common.io.DeviceRoot;
import io.cairn.common.io.Directories;
import io.cairn.common.path.HashPath;
import io.cairn.common.path.PercentCoding;
import io.cairn.common.time.Timestamp;
import io.cairn.container.db.ContainerBroker;
import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Swift 2.30.1's {@code ContainerUpdater.process_container} over every local container DB ({@code
 * <dev>/containers/<part>/<suffix>/<hash>/<hash>.db}): when the put or delete timestamp is newer than the one
 * last reported, or the object count or bytes differ, {@code PUT /<dev>/<part>/<account>/<container>} with
 * {@code X-Put-Timestamp}, {@code X-Delete-Timestamp}, {@code X-Object-Count}, {@code X-Bytes-Used}, {@code
 * X-Account-Override-Deleted: yes} and the policy index goes to every replica of the account (replication
 * addresses); when a majority accepted, the DB records what it reported ({@code reported_*}). Accounts under
 * the auto-create prefix ({@code .expiring_objects}) are created by the account server on the first report.
 *
 * <p>Counters of a pass: {@code successes}, {@code failures}, {@code no_changes}, {@code errors} (unreadable
 * DBs). Not done (Swift's): account suppression after a failure, quarantine of a container whose account has
 * no replica at all, reporting shards as empty (Cairn does not shard).
 *
 * <p>Thread-safety: {@link #runOnce} is called by one thread at a time; requests complete on the updater's own
 * event loop and the pass thread waits for them.
 */
public final class ContainerUpdater implements Daemon, AutoCloseable {
    /** The daemon's recon name, Swift's section name. */
    public static final String NAME = "container-updater";

    private static final System.Logger LOG = System.getLogger(ContainerUpdater.class.getName());

    private final ContainerUpdaterConfig config;
    private final DeviceRoot devices;
    private final Supplier<Ring> accountRing;
    private final HashPath hashPath;
    private final Clock clock;
    private final EventLoopGroup group;
    private final BackendClient client;
    private final String userAgent =
            "container-updater " + ProcessHandle.current().pid();

    public ContainerUpdater(
            ContainerUpdaterConfig config,
            Supplier<Ring> accountRing,
            HashPath hashPath,
            Transport transport,
            Clock clock) {
        this.config = config;
        this.devices = new DeviceRoot(config.devices(), config.mountCheck());
        this.accountRing = accountRing;
        this.hashPath = hashPath;
        this.clock = clock;
        this.group = transport.newEventLoopGroup(1, "container-updater-client");
        this.client = new BackendClient(transport, group, 64 * 1024, config.connTimeout());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PassReport runOnce() throws InterruptedException {
        PassReport.Builder report = new PassReport.Builder(NAME, clock.instant());
        report.zero("successes", "failures", "no_changes", "errors");
        for (Path dev : list(config.devices())) {
            Path root = devices.resolve(dev.getFileName().toString());
            if (root == null) {
                report.error("skipped unmounted device " + dev.getFileName());
                continue;
            }
            for (Path db : databases(root.resolve("containers"))) {
                process(db, report);
            }
        }
        return report.build(clock.instant());
    }

    @Override
    public void close() {
        client.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private void process(Path dbFile, PassReport.Builder report) throws InterruptedException {
        try (ContainerBroker broker = new ContainerBroker(dbFile, "", "", clock)) {
            broker.commitPendingQuietly();
            Map<String, @Nullable Object> info = broker.info();
            String put = text(info.get("put_timestamp"));
            String delete = text(info.get("delete_timestamp"));
            if (Timestamp.parse(put).raw() <= 0) {
                return;
            }
            long count = number(info.get("object_count"));
            long bytes = number(info.get("bytes_used"));
            boolean changed = put.compareTo(text(info.get("reported_put_timestamp"))) > 0
                    || delete.compareTo(text(info.get("reported_delete_timestamp"))) > 0
                    || count != number(info.get("reported_object_count"))
                    || bytes != number(info.get("reported_bytes_used"));
            if (!changed) {
                report.add("no_changes", 1);
                return;
            }
            String account = text(info.get("account"));
            String path = "/" + account + "/" + text(info.get("container"));
            HttpHeaders headers = new DefaultHttpHeaders()
                    .set("X-Put-Timestamp", put)
                    .set("X-Delete-Timestamp", delete)
                    .set("X-Object-Count", Long.toString(count))
                    .set("X-Bytes-Used", Long.toString(bytes))
                    .set("X-Account-Override-Deleted", "yes")
                    .set("X-Backend-Storage-Policy-Index", Long.toString(number(info.get("storage_policy_index"))))
                    .set("User-Agent", userAgent);
            if (report(account, path, headers)) {
                broker.reported(put, delete, count, bytes);
                report.add("successes", 1);
            } else {
                report.add("failures", 1);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "container-updater: cannot process " + dbFile + ": " + e);
            report.add("errors", 1);
            report.error(dbFile + ": " + e.getMessage());
        }
    }

    /** Sends the report to every account replica; true when a majority accepted it. */
    private boolean report(String account, String path, HttpHeaders headers) throws InterruptedException {
        Ring ring = accountRing.get();
        int part = ring.partition(hashPath, account, null, null);
        List<Device> nodes = ring.primaries(part);
        List<CompletableFuture<Boolean>> sent = new ArrayList<>();
        for (Device d : nodes) {
            String target = PercentCoding.quote("/" + d.device() + "/" + part + path);
            sent.add(client.send(
                            BackendRequest.of(d.replicationIp(), d.replicationPort(), HttpMethod.PUT, target, headers),
                            config.connTimeout().plus(config.nodeTimeout()))
                    .handle((response, failure) -> failure == null && response.isSuccess()));
        }
        int successes = 0;
        for (CompletableFuture<Boolean> f : sent) {
            try {
                successes += f.get() ? 1 : 0;
            } catch (ExecutionException e) {
                // counted as a failure
            }
        }
        return successes >= nodes.size() / 2 + 1;
    }

    /** Every {@code <part>/<suffix>/<hash>/*.db} under {@code containers}, sorted. */
    private static List<Path> databases(Path containers) {
        List<Path> out = new ArrayList<>();
        for (Path part : list(containers)) {
            for (Path suffix : list(part)) {
                for (Path hash : list(suffix)) {
                    for (Path file : list(hash)) {
                        if (file.getFileName().toString().endsWith(".db")) {
                            out.add(file);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<Path> list(Path dir) {
        return Directories.sortedEntries(dir, LOG, "container-updater");
    }

    private static String text(@Nullable Object value) {
        return Objects.toString(value, "0");
    }

    private static long number(@Nullable Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
