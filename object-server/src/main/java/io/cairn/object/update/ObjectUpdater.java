package io.cairn.object.update;

import io.cairn.common.concurrent.RateLimiter;
import io.cairn.common.daemon.Daemon;
import io.cairn.common.daemon.PassReport;
import io.cairn.common.daemon.ReconRegistry;
import io.cairn.common.http.BackendClient;
import io.cairn.common.http.BackendRequest;
import io.cairn.common.http.Transport;
import io.cairn.common.io.DeviceRoot;
import io.cairn.common.path.HashPath;
import io.cairn.common.path.PercentCoding;
import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code object-updater} (reference §8.1; {@code swift/obj/updater.py}): each pass walks {@code
 * <dev>/async_pending[-N]/<suffix>/<hash>-<timestamp>} on every local device and replays the container
 * update of each file to every primary of the container in the container ring.
 *
 * <ul>
 *   <li>Per object only the newest pending is sent; older ones are obsolete (a newer update supersedes
 *       them) and are unlinked, as Swift's {@code _iter_async_pendings} does.
 *   <li>Requests carry the pickled headers, {@code User-Agent: object-updater <pid>} and {@code
 *       X-Backend-Storage-Policy-Index} (from the directory) unless pickled; method {@code op}; to the
 *       node's replication address, within {@code conn_timeout} + {@code node_timeout}.
 *   <li>All replicas accept → the file is unlinked (and its suffix dir if emptied). Otherwise the ids
 *       that accepted are added to the pending's {@code successes} and the file is rewritten, so the next
 *       attempt skips them. Unloadable files are moved to {@code <dev>/quarantined/objects/<name>} as Swift
 *       does.
 *   <li>Back-off (Cairn): a failed pending is not tried again before one {@code interval} has passed,
 *       and each further failure doubles that wait up to {@code max_backoff} ({@link RetryBackoff}, in
 *       memory). Swift retries every pending on every pass.
 *   <li>Redirects (sharded containers) are not followed: Cairn does not send {@code
 *       X-Backend-Accept-Redirect}, so a Swift container server updates the root DB, and a 301 counts as
 *       a failure. There is no {@code redirects} counter.
 * </ul>
 *
 * <p>Counters of a pass: {@code successes} (pendings delivered), {@code failures} (pendings some replica
 * refused), {@code unlinks} (files removed: delivered or obsolete, Swift's meaning), {@code obsolete},
 * {@code quarantines}, {@code errors} (misnamed files, I/O errors), {@code backed_off} (not due yet),
 * {@code outstanding} (pendings left on the devices after the pass). The gauge {@value #ASYNC_PENDINGS_GAUGE}
 * is {@code outstanding} of the last pass: a cached count, not a live one, so it costs nothing to read.
 *
 * <p>Thread-safety: {@link #runOnce} is called by one thread at a time (the scheduler's); container
 * requests complete on the updater's own event loop and hand their outcome back to the pass thread through
 * a queue, so every disk operation and all back-off state stay on the pass thread. {@link
 * #asyncPendings} is safe from any thread.
 */
public final class ObjectUpdater implements Daemon, AutoCloseable {
    /** The daemon's recon name, Swift's section name. */
    public static final String NAME = "object-updater";
    /** The gauge published by {@link #publishTo}: async pendings left on local devices after the last pass. */
    public static final String ASYNC_PENDINGS_GAUGE = "async_pendings";

    private static final System.Logger LOG = System.getLogger(ObjectUpdater.class.getName());
    private static final String ASYNC_DIR = "async_pending";
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private final ObjectUpdaterConfig config;
    private final DeviceRoot devices;
    private final Supplier<Ring> containerRing;
    private final HashPath hashPath;
    private final Clock clock;
    private final EventLoopGroup group;
    private final BackendClient client;
    private final RetryBackoff backoff;
    private final String userAgent = "object-updater " + ProcessHandle.current().pid();
    private volatile long lastOutstanding;

    /**
     * @param containerRing the current container ring (e.g. {@code RingLoader::reloadIfChanged}), read once
     *     per pending
     * @param hashPath the cluster's hash path prefix/suffix, to find the container's partition
     * @param transport the client sockets (epoll or NIO); the updater owns one event loop thread
     */
    public ObjectUpdater(
            ObjectUpdaterConfig config,
            Supplier<Ring> containerRing,
            HashPath hashPath,
            Transport transport,
            Clock clock) {
        this.config = config;
        this.devices = new DeviceRoot(config.devices(), config.mountCheck());
        this.containerRing = containerRing;
        this.hashPath = hashPath;
        this.clock = clock;
        this.group = transport.newEventLoopGroup(1, "object-updater-client");
        this.client = new BackendClient(transport, group, MAX_RESPONSE_BYTES, config.connTimeout());
        this.backoff = new RetryBackoff(config.interval(), config.maxBackoff());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Publishes the {@value #ASYNC_PENDINGS_GAUGE} gauge. */
    public void publishTo(ReconRegistry recon) {
        recon.gauge(ASYNC_PENDINGS_GAUGE, this::asyncPendings);
    }

    /** Pendings left on the local devices after the last pass (0 before the first). */
    public long asyncPendings() {
        return lastOutstanding;
    }

    @Override
    public PassReport runOnce() throws InterruptedException {
        Pass pass = new Pass(new PassReport.Builder(NAME, clock.instant()));
        pass.run();
        lastOutstanding = pass.report.get("outstanding");
        return pass.report.build(clock.instant());
    }

    /** Stops the client and its event loop. */
    @Override
    public void close() {
        client.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** What the container replicas said about one pending; built on the event loop, applied on the pass thread. */
    private record Outcome(Path file, Path tmpDir, AsyncUpdate update, List<Integer> accepted, List<String> refusals) {}

    /** One pass's state. Confined to the pass thread. */
    private final class Pass {
        final PassReport.Builder report;
        final BlockingQueue<Outcome> done = new LinkedBlockingQueue<>();
        final Set<Path> seen = new HashSet<>();
        // Swift: RateLimitedIterator over the work, its EventletRateLimiter with the default rate_buffer
        final RateLimiter limiter = new RateLimiter(config.objectsPerSecond(), clock);
        int inFlight;

        Pass(PassReport.Builder report) {
            this.report = report;
            report.zero(
                    "successes",
                    "failures",
                    "unlinks",
                    "obsolete",
                    "quarantines",
                    "errors",
                    "backed_off",
                    "outstanding");
        }

        void run() throws InterruptedException {
            for (String name : listSorted(config.devices())) {
                Path dev = devices.resolve(name);
                if (dev == null) {
                    LOG.log(Level.WARNING, "object-updater: skipping " + name + ": not a mounted device");
                    report.error("skipped unmounted device " + name);
                    continue;
                }
                sweepDevice(dev);
            }
            while (inFlight > 0) {
                apply(done.take());
            }
            backoff.retainOnly(seen);
        }

        private void sweepDevice(Path dev) throws InterruptedException {
            for (String dirName : listSorted(dev)) {
                if (!dirName.startsWith(ASYNC_DIR) || !Files.isDirectory(dev.resolve(dirName))) {
                    continue;
                }
                int policy = policyOf(dirName);
                if (policy < 0) {
                    LOG.log(Level.WARNING, "object-updater: directory " + dev.resolve(dirName) + " names no policy");
                    continue;
                }
                Path tmpDir = dev.resolve(policy == 0 ? "tmp" : "tmp-" + policy);
                for (String suffix : listSorted(dev.resolve(dirName))) {
                    Path suffixDir = dev.resolve(dirName).resolve(suffix);
                    if (Files.isDirectory(suffixDir)) {
                        sweepSuffix(dev, suffixDir, tmpDir, policy);
                    }
                }
            }
        }

        /** Newest first: the first file of each hash is sent, the older ones of that hash are obsolete. */
        private void sweepSuffix(Path dev, Path suffixDir, Path tmpDir, int policy) throws InterruptedException {
            List<String> names = listSorted(suffixDir);
            Collections.reverse(names);
            String lastHash = null;
            for (String fileName : names) {
                Path file = suffixDir.resolve(fileName);
                String[] parts = fileName.split("-", -1);
                if (parts.length != 2) {
                    report.add("errors", 1);
                    LOG.log(Level.ERROR, "ERROR async pending file with unexpected name " + file);
                    continue;
                }
                if (parts[0].equals(lastHash)) {
                    unlinkObsolete(file);
                    continue;
                }
                lastHash = parts[0];
                seen.add(file);
                if (!backoff.isDue(file, clock.instant())) {
                    report.add("backed_off", 1);
                    report.add("outstanding", 1);
                    continue;
                }
                AsyncUpdate update = load(dev, file);
                if (update != null) {
                    while (inFlight >= config.concurrency()) {
                        apply(done.take());
                    }
                    limiter.waitFor(1);
                    send(file, tmpDir, policy, update);
                }
            }
        }

        private void unlinkObsolete(Path file) {
            try {
                if (Files.deleteIfExists(file)) {
                    report.add("unlinks", 1);
                    report.add("obsolete", 1);
                }
                backoff.forget(file);
            } catch (IOException e) {
                report.add("errors", 1);
                report.error("cannot unlink obsolete " + file + ": " + e);
            }
        }

        /** The pending, or null when it vanished or could not be loaded (then it is quarantined). */
        private @Nullable AsyncUpdate load(Path dev, Path file) {
            try {
                return AsyncPendingStore.read(file);
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException e) {
                if (!Files.exists(file)) {
                    return null;
                }
                LOG.log(Level.ERROR, "ERROR Pickle problem, quarantining " + file + ": " + e.getMessage());
                Path target = dev.resolve("quarantined").resolve("objects").resolve(file.getFileName());
                try {
                    Files.createDirectories(target.getParent());
                    Files.move(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    report.add("quarantines", 1);
                    removeIfEmpty(file.getParent());
                } catch (IOException moveFailed) {
                    report.add("errors", 1);
                    report.add("outstanding", 1);
                    report.error("cannot quarantine " + file + ": " + moveFailed);
                }
                return null;
            }
        }

        private void send(Path file, Path tmpDir, int policy, AsyncUpdate update) {
            String account = update.account();
            String container = update.container();
            String containerPath = update.containerPath();
            int slash = containerPath == null ? -1 : containerPath.indexOf('/');
            if (containerPath != null && slash > 0) {
                account = containerPath.substring(0, slash);
                container = containerPath.substring(slash + 1);
            }
            Ring ring = containerRing.get();
            int partition = ring.partition(hashPath, account, container, null);
            HttpHeaders headers = new DefaultHttpHeaders();
            for (Map.Entry<String, String> h : update.headers().entrySet()) {
                headers.set(h.getKey(), h.getValue());
            }
            headers.set("User-Agent", userAgent);
            if (!headers.contains("X-Backend-Storage-Policy-Index")) {
                headers.set("X-Backend-Storage-Policy-Index", Integer.toString(policy));
            }
            String objectPath = "/" + account + "/" + container + "/" + update.object();
            Duration timeout = config.connTimeout().plus(config.nodeTimeout());
            List<Integer> ids = new ArrayList<>();
            List<CompletableFuture<@Nullable String>> answers = new ArrayList<>();
            for (Device node : ring.primaries(partition)) {
                if (update.successes().contains(node.id())) {
                    continue;
                }
                String where = node.replicationIp() + ":" + node.replicationPort() + "/" + node.device();
                BackendRequest request = BackendRequest.of(
                        node.replicationIp(),
                        node.replicationPort(),
                        HttpMethod.valueOf(update.op()),
                        PercentCoding.quote("/" + node.device() + "/" + partition + objectPath),
                        headers);
                ids.add(node.id());
                answers.add(client.send(request, timeout)
                        .handle((response, failure) -> failure != null
                                ? "ERROR with remote server " + where + ": " + failure
                                : response.isSuccess() ? null : response.status() + " from " + where));
            }
            inFlight++;
            CompletableFuture.allOf(answers.toArray(new CompletableFuture<?>[0]))
                    .whenComplete((ignored, never) -> {
                        List<Integer> accepted = new ArrayList<>();
                        List<String> refusals = new ArrayList<>();
                        for (int i = 0; i < ids.size(); i++) {
                            String refusal = answers.get(i).join();
                            if (refusal == null) {
                                accepted.add(ids.get(i));
                            } else {
                                refusals.add(refusal);
                            }
                        }
                        done.add(new Outcome(file, tmpDir, update, accepted, refusals));
                    });
        }

        /** On the pass thread: unlink a delivered pending, or record who accepted and back off. */
        private void apply(Outcome outcome) {
            inFlight--;
            Path file = outcome.file();
            if (outcome.refusals().isEmpty()) {
                report.add("successes", 1);
                backoff.forget(file);
                try {
                    Files.deleteIfExists(file);
                    report.add("unlinks", 1);
                    removeIfEmpty(file.getParent());
                } catch (IOException e) {
                    report.add("errors", 1);
                    report.error("cannot unlink delivered " + file + ": " + e);
                }
                return;
            }
            report.add("failures", 1);
            report.add("outstanding", 1);
            Duration wait = backoff.failed(file, clock.instant());
            LOG.log(
                    Level.DEBUG,
                    "Update failed for " + outcome.update() + " " + file + ": " + outcome.refusals() + "; next try in "
                            + wait);
            report.error("update failed for " + file.getFileName() + ": " + outcome.refusals());
            if (!outcome.accepted().isEmpty()) {
                List<Integer> successes = new ArrayList<>(outcome.update().successes());
                successes.addAll(outcome.accepted());
                try {
                    AsyncPendingStore.rewrite(
                            file, outcome.tmpDir(), outcome.update().withSuccesses(successes));
                } catch (IOException e) {
                    report.add("errors", 1);
                    report.error("cannot rewrite " + file + ": " + e);
                }
            }
        }

        private List<String> listSorted(Path dir) {
            try (Stream<Path> entries = Files.list(dir)) {
                List<String> names = new ArrayList<>();
                entries.forEach(p -> names.add(p.getFileName().toString()));
                Collections.sort(names);
                return names;
            } catch (NoSuchFileException e) {
                return new ArrayList<>();
            } catch (IOException e) {
                report.add("errors", 1);
                report.error("cannot list " + dir + ": " + e);
                return new ArrayList<>();
            }
        }
    }

    /** {@code async_pending} → 0, {@code async_pending-N} → N, anything else → -1. */
    static int policyOf(String dirName) {
        if (dirName.equals(ASYNC_DIR)) {
            return 0;
        }
        String prefix = ASYNC_DIR + "-";
        if (!dirName.startsWith(prefix)) {
            return -1;
        }
        String digits = dirName.substring(prefix.length());
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Integer.parseInt(digits);
    }

    private static void removeIfEmpty(@Nullable Path dir) {
        if (dir == null) {
            return;
        }
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            // other pendings remain in this suffix: fine, as Swift's os.rmdir attempt
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "cannot remove " + dir + ": " + e);
        }
    }
}
