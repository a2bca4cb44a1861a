package io.cairn.object.expirer;

import io.cairn.common.direct.DirectClient;
import io.cairn.common.direct.DirectNode;
import io.cairn.common.http.BackendResponse;
import io.cairn.common.path.ExpiringObjects;
import io.cairn.common.path.HashPath;
import io.cairn.common.time.Timestamp;
import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The expirer's requests sent straight to the storage servers (their replication addresses, as Swift's
 * expirer's internal client uses the replication network), doing by hand what Swift's proxy does for the
 * internal client:
 *
 * <ul>
 *   <li>listings: every primary is asked and the pages are merged (Cairn: Swift's proxy reads one replica, so a
 *       replica that missed a task container or rows while it was down hides them until the replicators run);
 *       404 counts as empty; no answer at all fails the listing;
 *   <li>the object DELETE: the container's storage policy from a HEAD of the container (404 everywhere: the
 *       DELETE answers 404, as the proxy's does), then a DELETE to every primary of the object with {@code
 *       X-Container-Partition/-Host/-Device} spread over them as the proxy's {@code _backend_requests} does
 *       ({@code max(Qc + Ro - Qo, Rc)} updates), so each object server updates the container listing; the answer
 *       is the proxy's {@code best_response} with DELETE's {@code 404 → 204} override ({@link QuorumStatus});
 *   <li>ended tasks' rows removed from every replica of their task container in batches, one {@code
 *       merge_items} RPC per replica ({@link #deleteTasks}) where Swift sends one {@code
 *       direct_delete_container_entry} per row;
 *   <li>an empty task container's DELETE to every replica, each told one account replica to update.
 * </ul>
 *
 * <p>Policies learnt from container HEADs are kept until {@link #passStarted} (once per pass). Connection failures and timeouts count as 503.
 *
 * <p>Thread-safe.
 */
public final class DirectExpirerBackend implements ExpirerBackend {
    /** Rows per listing page (the servers' default limit). */
    static final int LISTING_LIMIT = 10_000;

    /** The cluster's rings, read on every use so a reloaded ring applies at once. */
    public record Rings(Supplier<Ring> account, Supplier<Ring> container, IntFunction<@Nullable Ring> object) {}

    private final DirectClient client;
    private final Rings rings;
    private final HashPath hashPath;
    private final Map<String, CompletableFuture<Integer>> policies = new ConcurrentHashMap<>();

    public DirectExpirerBackend(DirectClient client, Rings rings, HashPath hashPath) {
        this.client = client;
        this.rings = rings;
        this.hashPath = hashPath;
    }

    /** Forgets the storage policies learnt so far (a container may have been re-created in another policy). */
    @Override
    public void passStarted() {
        policies.clear();
    }

    @Override
    public CompletableFuture<List<Entry>> listContainers(String account, String marker) {
        Ring ring = rings.account().get();
        int part = ring.partition(hashPath, account, null, null);
        return list(nodes(ring.primaries(part)), part, "/" + account, marker);
    }

    @Override
    public CompletableFuture<List<Entry>> listObjects(String account, String container, String marker) {
        Ring ring = rings.container().get();
        int part = ring.partition(hashPath, account, container, null);
        return list(nodes(ring.primaries(part)), part, "/" + account + "/" + container, marker);
    }

    /**
     * A page of fewer than {@link #LISTING_LIMIT} rows is the last: no replica had a full page (each replica's whole
     * remaining listing is in the union), while a full page of any replica makes the union at least as long.
     */
    @Override
    public boolean isLastPage(List<Entry> page) {
        return page.size() < LISTING_LIMIT;
    }

    /**
     * One page of the union of every replica's listing (a replica that missed rows while it was down, or has
     * not yet heard of a task container, must not hide them): rows up to the smallest last name among the
     * replicas that returned a full page, so the next page starts where every replica still has rows to give.
     */
    private CompletableFuture<List<Entry>> list(List<DirectNode> nodes, int part, String path, String marker) {
        List<CompletableFuture<@Nullable List<Entry>>> pages = new ArrayList<>();
        for (DirectNode node : nodes) {
            pages.add(client.send(
                            node,
                            part,
                            HttpMethod.GET,
                            path,
                            DirectClient.listingQuery(marker, LISTING_LIMIT),
                            new DefaultHttpHeaders())
                    .handle((response, failure) -> failure == null ? entries(response) : null));
        }
        return CompletableFuture.allOf(pages.toArray(new CompletableFuture<?>[0]))
                .thenApply(ignored -> union(pages, path));
    }

    private static List<Entry> union(List<CompletableFuture<@Nullable List<Entry>>> pages, String path) {
        TreeMap<String, Entry> rows = new TreeMap<>();
        String boundary = null;
        boolean answered = false;
        for (CompletableFuture<@Nullable List<Entry>> f : pages) {
            List<Entry> page = f.join();
            if (page == null) {
                continue;
            }
            answered = true;
            for (Entry e : page) {
                rows.putIfAbsent(e.name(), e);
            }
            if (page.size() >= LISTING_LIMIT) {
                String last = page.get(page.size() - 1).name();
                boundary = boundary == null || last.compareTo(boundary) < 0 ? last : boundary;
            }
        }
        if (!answered) {
            throw new IllegalStateException("no replica answered the listing of " + path);
        }
        return List.copyOf((boundary == null ? rows : rows.headMap(boundary, true)).values());
    }

    /** A listing answer's rows; empty for 404; null (no answer) for anything else. */
    private static @Nullable List<Entry> entries(BackendResponse response) {
        if (response.status() == 404) {
            return List.of();
        }
        if (!response.isSuccess()) {
            return null;
        }
        List<Entry> out = new ArrayList<>();
        for (Map<String, Object> row : DirectClient.listing(response)) {
            Object name = row.get("name");
            Object type = row.get("content_type");
            if (name != null) {
                out.add(new Entry(name.toString(), type == null ? "" : type.toString()));
            }
        }
        return out;
    }

    /**
     * The first 2xx answer of {@code nodes} from {@code i} on; null when none did but one answered 404; fails
     * when no node answered 2xx or 404.
     */
    private CompletableFuture<@Nullable BackendResponse> firstSuccess(
            List<DirectNode> nodes,
            int i,
            int part,
            HttpMethod method,
            String path,
            @Nullable String query,
            boolean saw404) {
        if (i >= nodes.size()) {
            return saw404
                    ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.failedFuture(new IllegalStateException(
                            "no replica answered " + method + " " + path + " (" + nodes + ")"));
        }
        return client.send(nodes.get(i), part, method, path, query, new DefaultHttpHeaders())
                .handle((response, failure) -> {
                    if (failure == null && response.isSuccess()) {
                        return CompletableFuture.<@Nullable BackendResponse>completedFuture(response);
                    }
                    boolean notFound = failure == null && response.status() == 404;
                    return firstSuccess(nodes, i + 1, part, method, path, query, saw404 || notFound);
                })
                .thenCompose(f -> f);
    }

    @Override
    public CompletableFuture<Integer> deleteObject(ExpiringObjects.Task task, boolean asyncDelete) {
        return policyOf(task.account(), task.container()).thenCompose(policy -> {
            if (policy < 0) {
                return CompletableFuture.completedFuture(policy == -404 ? 404 : 503);
            }
            Ring objectRing = rings.object().apply(policy);
            if (objectRing == null) {
                return CompletableFuture.completedFuture(503);
            }
            Ring containerRing = rings.container().get();
            int cpart = containerRing.partition(hashPath, task.account(), task.container(), null);
            List<DirectNode> containers = nodes(containerRing.primaries(cpart));
            int part = objectRing.partition(hashPath, task.account(), task.container(), task.object());
            List<DirectNode> objects = nodes(objectRing.primaries(part));
            List<HttpHeaders> requests = new ArrayList<>();
            for (int i = 0; i < objects.size(); i++) {
                HttpHeaders h = new DefaultHttpHeaders();
                h.set("X-Timestamp", task.deleteAt().normal());
                if (!asyncDelete) {
                    h.set("X-If-Delete-At", task.deleteAt().normal());
                    h.set("X-Backend-Clean-Expiring-Object-Queue", "no");
                }
                h.set("X-Backend-Storage-Policy-Index", Integer.toString(policy));
                requests.add(h);
            }
            spreadContainerUpdates(requests, cpart, containers);
            String path = "/" + task.targetPath();
            return sendAll(objects, part, HttpMethod.DELETE, path, requests)
                    .thenApply(statuses -> QuorumStatus.bestResponse(statuses, Map.of(404, 204)));
        });
    }

    /**
     * Swift's {@code num_container_updates} and {@code _backend_requests}: update {@code i} names container
     * replica {@code i mod Rc} in request {@code i mod n}.
     */
    static void spreadContainerUpdates(List<HttpHeaders> requests, int cpart, List<DirectNode> containers) {
        int n = requests.size();
        int rc = containers.size();
        if (n == 0 || rc == 0) {
            return;
        }
        int updates = Math.max(QuorumStatus.quorum(rc) + n - QuorumStatus.quorum(n), rc);
        for (int i = 0; i < updates; i++) {
            HttpHeaders h = requests.get(i % n);
            DirectNode c = containers.get(i % rc);
            h.set("X-Container-Partition", Integer.toString(cpart));
            h.set("X-Container-Host", csvAppend(h.get("X-Container-Host"), c.hostPort()));
            h.set("X-Container-Device", csvAppend(h.get("X-Container-Device"), c.device()));
        }
    }

    private static String csvAppend(@Nullable String existing, String value) {
        return existing == null || existing.isEmpty() ? value : existing + "," + value;
    }

    /** The container's policy index; -404 when no replica has it, -503 when none answered. */
    private CompletableFuture<Integer> policyOf(String account, String container) {
        String key = account + "/" + container;
        CompletableFuture<Integer> known = policies.get(key);
        if (known != null) {
            return known;
        }
        Ring ring = rings.container().get();
        int part = ring.partition(hashPath, account, container, null);
        CompletableFuture<Integer> policy = firstSuccess(
                        nodes(ring.primaries(part)), 0, part, HttpMethod.HEAD, "/" + key, null, false)
                .handle((response, failure) -> {
                    if (failure != null) {
                        return -503;
                    }
                    if (response == null) {
                        return -404;
                    }
                    String index = response.headers().get("X-Backend-Storage-Policy-Index", "0");
                    try {
                        return Integer.parseInt(index.strip());
                    } catch (NumberFormatException e) {
                        return -503;
                    }
                });
        policy.thenAccept(p -> {
            if (p >= 0 || p == -404) {
                policies.put(key, CompletableFuture.completedFuture(p));
            }
        });
        return policy;
    }

    /**
     * One {@code merge_items} RPC per replica carrying every row as deleted ({@code application/deleted},
     * {@code noetag}, policy 0 as the object servers queue tasks, exactly the row a container server's DELETE
     * writes), so a batch costs each replica one request and one transaction instead of one per row; Swift's
     * container servers take the same RPC. A replica that answers anything but 2xx (404: it has no such database
     * yet) gets the rows as {@code direct_delete_container_entry} DELETEs, which create the database as Swift's
     * would.
     */
    @Override
    public CompletableFuture<Void> deleteTasks(String account, String container, List<String> tasks, Timestamp now) {
        if (tasks.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Ring ring = rings.container().get();
        int part = ring.partition(hashPath, account, container, null);
        String hash = hashPath.hex(account, container, null);
        List<@Nullable Object> rows = new ArrayList<>(tasks.size());
        for (String task : tasks) {
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            row.put("name", task);
            row.put("created_at", now.internal());
            row.put("size", 0);
            row.put("content_type", "application/deleted");
            row.put("etag", "noetag");
            row.put("deleted", 1);
            row.put("storage_policy_index", 0);
            row.put("ctype_timestamp", null);
            row.put("meta_timestamp", null);
            rows.add(row);
        }
        List<@Nullable Object> rpc = new ArrayList<>(3);
        rpc.add("merge_items");
        rpc.add(rows);
        rpc.add(null); // no source database: no incoming sync point is recorded
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (DirectNode node : nodes(ring.primaries(part))) {
            all.add(client.replicate(node, part, hash, rpc)
                    .handle((response, failure) -> {
                        if (failure == null && !response.isSuccess()) {
                            return deleteRows(node, part, account, container, tasks, now);
                        }
                        return CompletableFuture.<Void>completedFuture(null);
                    })
                    .thenCompose(f -> f));
        }
        return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]));
    }

    /** {@code direct_delete_container_entry} of each row on one replica; answers ignored. */
    private CompletableFuture<Void> deleteRows(
            DirectNode node, int part, String account, String container, List<String> tasks, Timestamp now) {
        List<CompletableFuture<?>> all = new ArrayList<>(tasks.size());
        for (String task : tasks) {
            all.add(client.send(
                            node,
                            part,
                            HttpMethod.DELETE,
                            "/" + account + "/" + container + "/" + task,
                            null,
                            new DefaultHttpHeaders().set("X-Timestamp", now.internal()))
                    .handle((response, failure) -> null));
        }
        return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]));
    }

    @Override
    public CompletableFuture<Integer> deleteContainer(String account, String container, Timestamp now) {
        Ring containerRing = rings.container().get();
        int part = containerRing.partition(hashPath, account, container, null);
        List<DirectNode> nodes = nodes(containerRing.primaries(part));
        Ring accountRing = rings.account().get();
        int apart = accountRing.partition(hashPath, account, null, null);
        List<DirectNode> accounts = nodes(accountRing.primaries(apart));
        List<HttpHeaders> requests = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            requests.add(new DefaultHttpHeaders()
                    .set("X-Timestamp", now.internal())
                    .set("X-Account-Partition", Integer.toString(apart)));
        }
        for (int i = 0; i < accounts.size() && !requests.isEmpty(); i++) {
            HttpHeaders h = requests.get(i % requests.size());
            h.set(
                    "X-Account-Host",
                    csvAppend(h.get("X-Account-Host"), accounts.get(i).hostPort()));
            h.set(
                    "X-Account-Device",
                    csvAppend(h.get("X-Account-Device"), accounts.get(i).device()));
        }
        return sendAll(nodes, part, HttpMethod.DELETE, "/" + account + "/" + container, requests)
                .thenApply(statuses -> QuorumStatus.bestResponse(statuses, Map.of()));
    }

    /** One request per node, in parallel; each answer's status (503 for a failure), in node order. */
    private CompletableFuture<List<Integer>> sendAll(
            List<DirectNode> nodes, int part, HttpMethod method, String path, List<HttpHeaders> headers) {
        List<CompletableFuture<Integer>> all = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            all.add(client.send(nodes.get(i), part, method, path, null, headers.get(i))
                    .handle((response, failure) -> failure == null ? response.status() : 503));
        }
        return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]))
                .thenApply(ignored -> all.stream().map(CompletableFuture::join).toList());
    }

    /** The replication addresses of ring devices. */
    static List<DirectNode> nodes(List<Device> devices) {
        List<DirectNode> out = new ArrayList<>(devices.size());
        for (Device d : devices) {
            out.add(new DirectNode(d.replicationIp(), d.replicationPort(), d.device()));
        }
        return out;
    }
}
