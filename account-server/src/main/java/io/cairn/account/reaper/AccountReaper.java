package io.cairn.account.reaper;

import io.cairn.account.db.AccountBroker;
import io.cairn.account.db.ContainerListingRow;
import io.cairn.common.daemon.Daemon;
import io.cairn.common.daemon.PassReport;
import io.cairn.common.direct.DirectClient;
import io.cairn.common.direct.DirectNode;
import io.cairn.common.http.BackendResponse;
import io.cairn.common.io.DeviceRoot;
import io.cairn.common.io.Directories;
import io.cairn.common.listing.ListingParams;
import io.cairn.common.path.HashPath;
import io.cairn.common.time.Timestamp;
import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.lang.System.Logger.Level;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Swift 2.30.1's {@code AccountReaper.run_once}: walks {@code <dev>/accounts/<part>/<suffix>/<hash>/} of every
 * local device for the partitions this node is a primary of (its index among the primaries is its {@code
 * container_shard}), and for each account DB that is deleted ({@code is_status_deleted}) and still lists
 * containers, once {@code delay_reaping} has passed since its deletion:
 *
 * <ol>
 *   <li>lists the containers from the local DB and takes those with {@code md5(name) % replicas == shard} (so
 *       the account's primaries share the work);
 *   <li>for each, lists its objects from the container's last primary and deletes every object from every
 *       object primary ({@code X-Timestamp: now}, the container replica to update in {@code
 *       X-Container-Host/-Device/-Partition}, the container's policy);
 *   <li>then deletes the container on every container primary, each told one account replica to update with
 *       {@code X-Account-Override-Deleted: yes} (the account is deleted: only so does it accept the report).
 * </ol>
 *
 * <p>The account DB itself, deleted and now empty, is removed by the account replicator once {@code
 * reclaim_age} has passed, as in Swift. Counters of a pass (Swift's stats, as {@link PassReport} counters and
 * so in recon's {@code /recon/daemons}): {@code accounts_reaped}, {@code accounts_delayed}, {@code
 * containers_deleted}, {@code containers_remaining}, {@code containers_possibly_remaining}, {@code
 * objects_deleted}, {@code objects_remaining}, {@code objects_possibly_remaining}, {@code return_codes.<n>xx},
 * {@code errors}. An object counts once (Swift 2.30 counts it again for each replica after the first).
 *
 * <p>Thread-safety: {@link #runOnce} is called by one thread at a time; object deletes complete on the
 * client's threads and touch only the report (thread-safe) and a semaphore.
 */
public final class AccountReaper implements Daemon, AutoCloseable {
    /** The daemon's recon name, Swift's section name. */
    public static final String NAME = "account-reaper";

    private static final System.Logger LOG = System.getLogger(AccountReaper.class.getName());
    private static final int CONTAINER_PAGE = 1000;

    /** The cluster's rings, read on every use. */
    public record Rings(Supplier<Ring> account, Supplier<Ring> container, IntFunction<@Nullable Ring> object) {}

    /** This node: the addresses that are "me" and the account server's port (Swift's {@code bind_port}). */
    public record LocalNode(Set<String> ips, int port) {}

    private final AccountReaperConfig config;
    private final Rings rings;
    private final HashPath hashPath;
    private final LocalNode local;
    private final DirectClient client;
    private final Clock clock;
    private final @Nullable AutoCloseable resources;

    /** @param resources closed with the reaper (the client's event loop), or null */
    public AccountReaper(
            AccountReaperConfig config,
            Rings rings,
            HashPath hashPath,
            LocalNode local,
            DirectClient client,
            Clock clock,
            @Nullable AutoCloseable resources) {
        this.config = config;
        this.rings = rings;
        this.hashPath = hashPath;
        this.local = local;
        this.client = client;
        this.clock = clock;
        this.resources = resources;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PassReport runOnce() throws InterruptedException {
        PassReport.Builder report = new PassReport.Builder(NAME, clock.instant());
        report.zero(
                "accounts_reaped",
                "accounts_delayed",
                "containers_deleted",
                "containers_remaining",
                "containers_possibly_remaining",
                "objects_deleted",
                "objects_remaining",
                "objects_possibly_remaining",
                "errors");
        DeviceRoot root = new DeviceRoot(config.devices(), config.mountCheck());
        for (Path dev : list(config.devices())) {
            String device = dev.getFileName().toString();
            Path mounted = root.resolve(device);
            if (mounted == null) {
                report.add("errors", 1);
                continue;
            }
            reapDevice(device, mounted.resolve("accounts"), report);
        }
        return report.build(clock.instant());
    }

    @Override
    public void close() {
        if (resources != null) {
            try {
                resources.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "account-reaper: closing its client failed", e);
            }
        }
    }

    /** {@code reap_device}: the deleted, non-empty accounts of the partitions this node is a primary of. */
    private void reapDevice(String device, Path accounts, PassReport.Builder report) throws InterruptedException {
        for (Path partDir : list(accounts)) {
            String part = partDir.getFileName().toString();
            if (!part.chars().allMatch(Character::isDigit) || !Files.isDirectory(partDir)) {
                continue;
            }
            List<Device> nodes = rings.account().get().primaries(Integer.parseInt(part));
            int shard = -1;
            for (int i = 0; i < nodes.size() && shard < 0; i++) {
                Device d = nodes.get(i);
                if (local.ips().contains(d.ip())
                        && d.port() == local.port()
                        && d.device().equals(device)) {
                    shard = i;
                }
            }
            if (shard < 0) {
                continue;
            }
            for (Path suffix : list(partDir)) {
                for (Path hash : list(suffix)) {
                    Path db = newestDb(hash);
                    if (db != null) {
                        reapIfDeleted(db, Integer.parseInt(part), nodes, shard, report);
                    }
                }
            }
        }
    }

    /** The hash dir's DB unless a {@code .ts} sorts after it (Swift: names in reverse order, first wins). */
    private static @Nullable Path newestDb(Path hashDir) {
        List<Path> files = new ArrayList<>(list(hashDir));
        files.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".ts")) {
                return null;
            }
            if (name.endsWith(".db")) {
                return f;
            }
        }
        return null;
    }

    private void reapIfDeleted(Path db, int part, List<Device> nodes, int shard, PassReport.Builder report)
            throws InterruptedException {
        try (AccountBroker broker = new AccountBroker(db, "", clock)) {
            if (!broker.isStatusDeleted() || broker.isEmpty()) {
                return;
            }
            Map<String, @Nullable Object> info = broker.info();
            Timestamp deleted = Timestamp.parse(String.valueOf(info.get("delete_timestamp")));
            double age = (clock.millis() / 1000.0) - deleted.raw() / (double) Timestamp.UNITS_PER_SECOND;
            if (age <= config.delayReaping().toMillis() / 1000.0) {
                report.add("accounts_delayed", 1);
                return;
            }
            String account = String.valueOf(info.get("account"));
            LOG.log(Level.INFO, "account-reaper: Beginning pass on account " + account);
            long remainingBefore = report.get("containers_remaining");
            String marker = "";
            while (true) {
                List<ContainerListingRow> rows = broker.listContainers(
                        ListingParams.of(null, null, marker, null, null, false, CONTAINER_PAGE * nodes.size()), true);
                if (rows.isEmpty()) {
                    break;
                }
                for (ContainerListingRow row : rows) {
                    if (shardOf(row.name(), nodes.size()) == shard) {
                        reapContainer(account, part, nodes, row.name(), report);
                    }
                }
                marker = rows.get(rows.size() - 1).name();
            }
            report.add("accounts_reaped", 1);
            if (report.get("containers_remaining") > remainingBefore
                    && age
                            >= (config.delayReaping()
                                            .plus(config.reapWarnAfter())
                                            .toMillis()
                                    / 1000.0)) {
                LOG.log(Level.WARNING, "Account " + account + " has not been reaped since " + deleted.normal());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.ERROR, "account-reaper: Exception with account DB " + db + ": " + e);
            report.add("errors", 1);
            report.error(db + ": " + e.getMessage());
        }
    }

    /** {@code int(md5(name).hexdigest(), 16) % replicas}: which account primary reaps the container. */
    static int shardOf(String container, int replicas) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(container.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, md5).mod(BigInteger.valueOf(replicas)).intValue();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    /** {@code reap_container}: its objects, then itself on every replica. */
    private void reapContainer(
            String account, int accountPart, List<Device> accountNodes, String container, PassReport.Builder report)
            throws InterruptedException {
        Ring containerRing = rings.container().get();
        int part = containerRing.partition(hashPath, account, container, null);
        List<DirectNode> nodes = nodes(containerRing.primaries(part));
        if (nodes.isEmpty()) {
            return;
        }
        DirectNode last = nodes.get(nodes.size() - 1);
        String path = "/" + account + "/" + container;
        Semaphore slots = new Semaphore(config.concurrency());
        String marker = "";
        while (true) {
            BackendResponse listing = await(
                    client.send(last, part, HttpMethod.GET, path, DirectClient.listingQuery(marker, 10_000), headers()),
                    report);
            if (listing == null || !listing.isSuccess()) {
                break;
            }
            List<Map<String, Object>> objects = DirectClient.listing(listing);
            if (objects.isEmpty()) {
                break;
            }
            int policy = Integer.parseInt(
                    listing.headers().get("X-Backend-Storage-Policy-Index", "0").strip());
            for (Map<String, Object> o : objects) {
                slots.acquire();
                reapObject(account, container, part, nodes, String.valueOf(o.get("name")), policy, report)
                        .whenComplete((ignored, failure) -> slots.release());
            }
            marker = String.valueOf(objects.get(objects.size() - 1).get("name"));
        }
        slots.acquire(config.concurrency());
        slots.release(config.concurrency());
        deleteContainer(path, part, nodes, accountPart, accountNodes, report);
    }

    private void deleteContainer(
            String path,
            int part,
            List<DirectNode> nodes,
            int accountPart,
            List<Device> accountNodes,
            PassReport.Builder report)
            throws InterruptedException {
        List<DirectNode> accounts = new ArrayList<>(nodes(accountNodes));
        Timestamp now = Timestamp.now(clock);
        List<CompletableFuture<Integer>> sent = new ArrayList<>();
        for (DirectNode node : nodes) {
            HttpHeaders h = headers().set("X-Timestamp", now.internal());
            if (!accounts.isEmpty()) {
                DirectNode anode = accounts.remove(accounts.size() - 1); // Swift pops from the end
                h.set("X-Account-Host", anode.hostPort())
                        .set("X-Account-Partition", Integer.toString(accountPart))
                        .set("X-Account-Device", anode.device())
                        .set("X-Account-Override-Deleted", "yes");
            }
            sent.add(status(client.send(node, part, HttpMethod.DELETE, path, null, h)));
        }
        tally(sent, report, "containers");
    }

    /** {@code reap_object}: a DELETE to every object primary, each naming a container replica to update. */
    private CompletableFuture<Void> reapObject(
            String account,
            String container,
            int containerPart,
            List<DirectNode> containerNodes,
            String object,
            int policy,
            PassReport.Builder report) {
        Ring ring = rings.object().apply(policy);
        if (ring == null) {
            report.add("objects_remaining", 1);
            return CompletableFuture.completedFuture(null);
        }
        int part = ring.partition(hashPath, account, container, object);
        List<DirectNode> nodes = nodes(ring.primaries(part));
        Timestamp now = Timestamp.now(clock);
        List<CompletableFuture<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            DirectNode cnode = containerNodes.get(i % containerNodes.size());
            HttpHeaders h = headers()
                    .set("X-Container-Host", cnode.hostPort())
                    .set("X-Container-Partition", Integer.toString(containerPart))
                    .set("X-Container-Device", cnode.device())
                    .set("X-Backend-Storage-Policy-Index", Integer.toString(policy))
                    .set("X-Timestamp", now.internal());
            sent.add(status(client.send(
                    nodes.get(i), part, HttpMethod.DELETE, "/" + account + "/" + container + "/" + object, null, h)));
        }
        return CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0]))
                .thenRun(() -> tally(sent, report, "objects"));
    }

    /** Swift's outcome of one object or container: deleted (majority), remaining (none), possibly remaining. */
    private static void tally(List<CompletableFuture<Integer>> sent, PassReport.Builder report, String what) {
        int successes = 0;
        int failures = 0;
        for (CompletableFuture<Integer> f : sent) {
            int status = f.join();
            report.add("return_codes." + (status / 100) + "xx", 1);
            if (status / 100 == 2) {
                successes++;
            } else {
                failures++;
            }
        }
        if (successes > failures) {
            report.add(what + "_deleted", 1);
        } else if (successes == 0) {
            report.add(what + "_remaining", 1);
        } else {
            report.add(what + "_possibly_remaining", 1);
        }
    }

    private static CompletableFuture<Integer> status(CompletableFuture<BackendResponse> response) {
        return response.handle((r, failure) -> failure == null ? r.status() : 0);
    }

    /** Swift's daemons talk to the replication network ({@code USE_REPLICATION_NETWORK_HEADER}). */
    private static HttpHeaders headers() {
        return new DefaultHttpHeaders().set("X-Backend-Use-Replication-Network", "true");
    }

    private static @Nullable BackendResponse await(CompletableFuture<BackendResponse> future, PassReport.Builder report)
            throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            report.add("return_codes.0xx", 1);
            return null;
        }
    }

    private static List<DirectNode> nodes(List<Device> devices) {
        List<DirectNode> out = new ArrayList<>(devices.size());
        for (Device d : devices) {
            out.add(new DirectNode(d.replicationIp(), d.replicationPort(), d.device()));
        }
        return out;
    }

    private static List<Path> list(Path dir) {
        return Directories.sortedEntries(dir, LOG, "account-reaper");
    }
}
