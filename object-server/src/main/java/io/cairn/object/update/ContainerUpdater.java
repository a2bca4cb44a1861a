package io.cairn.object.update;

import io.cairn.common.http.BackendClient;
import io.cairn.common.http.BackendRequest;
import io.cairn.common.http.BackendResponse;
import io.cairn.common.io.DeviceBusyException;
import io.cairn.common.io.DeviceExecutors;
import io.cairn.common.path.ExpiringObjects;
import io.cairn.common.path.PercentCoding;
import io.cairn.common.time.DeleteAt;
import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.DiskFileManager;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code ObjectController.container_update}/{@code async_update} (reference §3.2): after an object
 * PUT, POST or DELETE is durable, tells each container replica named by {@code X-Container-Host},
 * {@code X-Container-Device} and {@code X-Container-Partition} about it, in parallel. Any failure,
 * non-2xx answer or timeout writes an async_pending through the storage layer so the updater replays
 * it later.
 *
 * <p>The future {@link #update} returns completes when every replica answered or its update was saved,
 * or after {@code container_update_timeout}, whichever comes first: the client's response waits at most
 * that long, while slower updates go on in the background and are still saved on failure, as in Swift.
 *
 * <p>Thread-safe: holds only thread-safe collaborators.
 */
public final class ContainerUpdater {
    private static final System.Logger LOG = System.getLogger(ContainerUpdater.class.getName());
    private static final int PICKLE_ATTEMPTS = 20;

    private final BackendClient client;
    private final DiskFileManager diskFiles;
    private final DeviceExecutors executors;
    private final Duration requestTimeout;
    private final Duration waitTimeout;
    private final String userAgent;
    private final ExpirerQueue queue;

    /**
     * As below, with Swift's default queue ({@code .expiring_objects}, one task container per day).
     */
    public ContainerUpdater(
            BackendClient client,
            DiskFileManager diskFiles,
            DeviceExecutors executors,
            Duration requestTimeout,
            Duration waitTimeout,
            long pid) {
        this(client, diskFiles, executors, requestTimeout, waitTimeout, pid, ExpirerQueue.DEFAULT);
    }

    /**
     * @param requestTimeout how long one container request may take ({@code conn_timeout + node_timeout})
     * @param waitTimeout {@code container_update_timeout}: how long the object response waits
     * @param pid the process id in {@code User-Agent: object-server <pid>}
     * @param queue the expirer queue's account and container divisor, for {@link #deleteAtUpdate}
     */
    public ContainerUpdater(
            BackendClient client,
            DiskFileManager diskFiles,
            DeviceExecutors executors,
            Duration requestTimeout,
            Duration waitTimeout,
            long pid,
            ExpirerQueue queue) {
        this.client = client;
        this.diskFiles = diskFiles;
        this.executors = executors;
        this.requestTimeout = requestTimeout;
        this.waitTimeout = waitTimeout;
        this.userAgent = "object-server " + pid;
        this.queue = queue;
    }

    /**
     * Sends {@code op} ({@code PUT} or {@code DELETE}) for {@code target} to the containers named in
     * {@code requestHeaders}; never completes exceptionally.
     *
     * @param headersOut the update's own headers ({@code X-Size}, {@code X-Etag}, … or just
     *     {@code X-Timestamp} for a DELETE), any case
     * @param referer the object request as Swift's {@code as_referer()}: {@code METHOD http://host/path}
     */
    public CompletableFuture<Void> update(
            String op,
            ObjectUpdateTarget target,
            HttpHeaders requestHeaders,
            Map<String, String> headersOut,
            String referer) {
        List<String> hosts = splitStrip(requestHeaders.get("X-Container-Host", ""));
        List<String> devices = splitStrip(requestHeaders.get("X-Container-Device", ""));
        String partition = requestHeaders.get("X-Container-Partition", "");
        if (hosts.size() != devices.size()) {
            LOG.log(
                    Level.ERROR,
                    "ERROR Container update failed: different numbers of hosts and devices in request: \"{0}\" vs"
                            + " \"{1}\"",
                    requestHeaders.get("X-Container-Host", ""),
                    requestHeaders.get("X-Container-Device", ""));
            return CompletableFuture.completedFuture(null);
        }
        if (partition.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        String containerPath = containerPath(requestHeaders);
        Map<String, String> headers = new LinkedHashMap<>();
        headersOut.forEach((k, v) -> headers.put(pythonTitle(k), v));
        headers.put("X-Trans-Id", requestHeaders.get("X-Trans-Id", "-"));
        headers.put("Referer", referer);
        headers.put("X-Backend-Storage-Policy-Index", Integer.toString(target.policyIndex()));
        headers.put("User-Agent", userAgent);
        AsyncUpdate update =
                new AsyncUpdate(op, target.account(), target.container(), target.object(), headers, containerPath);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            all.add(asyncUpdate(update, hosts.get(i), partition, devices.get(i), target));
        }
        CompletableFuture<Void> done = CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]));
        return done.completeOnTimeout(null, waitTimeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Swift's {@code ObjectController.delete_at_update} (reference §8.2): tells the expirer queue that the
     * object expires at {@code deleteAt} ({@code PUT} of the task row, to the task container's replicas named by
     * {@code X-Delete-At-Host}/{@code -Device}/{@code -Partition}/{@code -Container}) or no longer does ({@code
     * DELETE}, always saved as an async_pending for the updater: the old task container's replicas are not known
     * here). Nothing for replication requests; a {@code DELETE} only when {@code
     * X-Backend-Clean-Expiring-Object-Queue} is true (the default); a {@code PUT} only from the object servers
     * the proxy named a queue replica for (without {@code X-Delete-At-Host}, others do it). A failed or
     * unaddressed update is saved on the object's device (in its policy's {@code async_pending[-N]}), exactly as
     * a container update is. Never completes exceptionally; completes when every update was sent or saved.
     *
     * @param deleteAt the {@code X-Delete-At} the update is about, in seconds
     * @param nameHash the object's {@code hash_path(a, c, o)} (its hash directory), which shards the task
     *     container when the request does not name one
     * @param requestTimestamp the object request's {@code X-Timestamp}: the task row's timestamp
     */
    public CompletableFuture<Void> deleteAtUpdate(
            String op,
            long deleteAt,
            ObjectUpdateTarget target,
            String nameHash,
            HttpHeaders requestHeaders,
            Timestamp requestTimestamp,
            String referer) {
        if (isTrue(requestHeaders.get("X-Backend-Replication", "f"))) {
            return CompletableFuture.completedFuture(null);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Backend-Storage-Policy-Index", "0"); // system accounts are always policy 0
        headers.put("X-Timestamp", requestTimestamp.internal());
        headers.put("X-Trans-Id", requestHeaders.get("X-Trans-Id", "-"));
        headers.put("Referer", referer);
        List<String[]> updates = new ArrayList<>();
        String partition = "";
        String container;
        if (!op.equals("DELETE")) {
            String hosts = requestHeaders.get("X-Delete-At-Host");
            if (hosts == null) {
                return CompletableFuture.completedFuture(null);
            }
            container = requestHeaders.get("X-Delete-At-Container", "");
            if (container.isEmpty()) {
                LOG.log(
                        Level.WARNING,
                        "X-Delete-At-Container header must be specified for expiring objects background " + op
                                + " to work properly. Making best guess as to the container name for now.");
                container = ExpiringObjects.taskContainer(deleteAt, queue.divisor(), nameHash);
            }
            partition = requestHeaders.get("X-Delete-At-Partition", "");
            List<String> hostList = splitStrip(hosts);
            List<String> deviceList = splitStrip(requestHeaders.get("X-Delete-At-Device", ""));
            for (int i = 0; i < Math.min(hostList.size(), deviceList.size()); i++) {
                if (!hostList.get(i).isEmpty() && !deviceList.get(i).isEmpty() && !partition.isEmpty()) {
                    updates.add(new String[] {hostList.get(i), deviceList.get(i)});
                }
            }
            headers.put("X-Size", "0");
            headers.put("X-Content-Type", "text/plain");
            headers.put("X-Etag", "d41d8cd98f00b204e9800998ecf8427e");
        } else {
            if (!isTrue(requestHeaders.get("X-Backend-Clean-Expiring-Object-Queue", "t"))) {
                return CompletableFuture.completedFuture(null);
            }
            // the container the row went to is not known: Swift's best guess, as a Swift object server makes it
            container = ExpiringObjects.taskContainer(deleteAt, queue.divisor(), nameHash);
        }
        if (updates.isEmpty()) {
            updates.add(new String[] {"", ""});
        }
        headers.put("User-Agent", userAgent);
        AsyncUpdate update = new AsyncUpdate(
                op,
                queue.account(),
                DeleteAt.normalize(container),
                ExpiringObjects.taskObject(deleteAt, target.account(), target.container(), target.object()),
                headers,
                null);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (String[] hostDevice : updates) {
            all.add(asyncUpdate(update, hostDevice[0], partition, hostDevice[1], target));
        }
        return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]));
    }

    /**
     * Swift's {@code async_update}: sends {@code update} to one container replica and saves it as an
     * async_pending on the object's device (in the object's policy) unless the replica answered 2xx; an empty
     * host, device or partition saves it at once. Never fails.
     */
    private CompletableFuture<Void> asyncUpdate(
            AsyncUpdate update, String host, String partition, String device, ObjectUpdateTarget target) {
        int colon = host.lastIndexOf(':');
        if (host.isEmpty() || device.isEmpty() || partition.isEmpty() || colon <= 0) {
            return saveAsyncPending(target, update);
        }
        String ip = host.substring(0, colon);
        if (ip.startsWith("[") && ip.endsWith("]")) {
            ip = ip.substring(1, ip.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(host.substring(colon + 1));
        } catch (NumberFormatException e) {
            return saveAsyncPending(target, update);
        }
        String containerPath = update.containerPath();
        String fullPath = containerPath != null
                ? "/" + containerPath + "/" + update.object()
                : "/" + update.account() + "/" + update.container() + "/" + update.object();
        HttpHeaders out = new DefaultHttpHeaders();
        update.headers().forEach(out::set);
        BackendRequest request = BackendRequest.of(
                ip,
                port,
                HttpMethod.valueOf(update.op()),
                PercentCoding.quote("/" + device + "/" + partition + fullPath),
                out);
        String where = ip + ":" + port + "/" + device;
        return client.send(request, requestTimeout)
                .handle((BackendResponse response, @Nullable Throwable failure) -> {
                    if (failure == null && response.isSuccess()) {
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    if (failure != null) {
                        LOG.log(
                                Level.ERROR,
                                "ERROR container update failed with " + where + " (saving for async update later): "
                                        + failure);
                    } else {
                        LOG.log(
                                Level.ERROR,
                                "ERROR Container update failed (saving for async update later): " + response.status()
                                        + " response from " + where);
                    }
                    return saveAsyncPending(target, update);
                })
                .thenCompose(f -> f);
    }

    private CompletableFuture<Void> saveAsyncPending(ObjectUpdateTarget target, AsyncUpdate update) {
        CompletableFuture<Void> saved = new CompletableFuture<>();
        pickle(target, update, saved, PICKLE_ATTEMPTS);
        return saved;
    }

    /** Writes the async_pending on the object's device; a busy device is retried briefly, never dropped silently. */
    private void pickle(ObjectUpdateTarget target, AsyncUpdate update, CompletableFuture<Void> saved, int attempts) {
        executors
                .submit(target.objectDevice(), () -> {
                    diskFiles.pickleAsyncUpdate(target.objectDevice(), target.policyIndex(), update);
                    return null;
                })
                .whenComplete((ignored, failure) -> {
                    if (failure == null) {
                        saved.complete(null);
                    } else if (failure instanceof DeviceBusyException && attempts > 1) {
                        CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS)
                                .execute(() -> pickle(target, update, saved, attempts - 1));
                    } else {
                        LOG.log(Level.ERROR, "ERROR could not save async update " + update + ": " + failure);
                        saved.complete(null);
                    }
                });
    }

    /** {@code X-Backend-Quoted-Container-Path} (unquoted) or {@code X-Backend-Container-Path}, if {@code a/c}. */
    private static @Nullable String containerPath(HttpHeaders requestHeaders) {
        String quoted = requestHeaders.get("X-Backend-Quoted-Container-Path");
        String path = quoted != null && !quoted.isEmpty()
                ? URLDecoder.decode(quoted.replace("+", "%2B"), StandardCharsets.UTF_8)
                : requestHeaders.get("X-Backend-Container-Path");
        if (path == null || path.isEmpty()) {
            return null;
        }
        String[] parts = path.split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            LOG.log(
                    Level.ERROR,
                    "Invalid X-Backend-Container-Path, should be of the form 'account/container' but" + " got " + path);
            return null;
        }
        return path;
    }

    /** Swift's {@code config_true_value}. */
    private static boolean isTrue(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("1") || v.equals("yes") || v.equals("on") || v.equals("t") || v.equals("y");
    }

    private static List<String> splitStrip(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            out.add(part.strip());
        }
        return out;
    }

    /** Python's {@code str.title()} as {@code HeaderKeyDict} applies it to keys. */
    static String pythonTitle(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        boolean previousCased = false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean cased = Character.isLetter(c);
            if (cased) {
                sb.append(previousCased ? Character.toLowerCase(c) : Character.toUpperCase(c));
            } else {
                sb.append(c);
            }
            previousCased = cased;
        }
        return sb.toString();
    }
}
