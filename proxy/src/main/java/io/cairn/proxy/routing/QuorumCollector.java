package io.cairn.proxy.routing;

import io.cairn.common.http.BackendClient;
import io.cairn.common.http.BackendRequest;
import io.cairn.common.http.BackendResponse;
import io.cairn.ring.Device;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code make_requests} for small requests (account/container writes, object POST/DELETE, HEADs
 * of a fan-out): one worker per request header set, all started at once; each takes nodes from a shared
 * {@link NodeIterator} until one answers below 500 (a connect failure, timeout or 5xx error-limits the
 * node and moves on; 507 limits it at once). Once the answers collected decide the outcome ({@link
 * BestResponse#haveQuorum}), stragglers get {@code post_quorum_timeout}; missing answers become 503.
 *
 * <p>Thread-safe: completion callbacks run on the backend client's event loops and synchronize on the
 * collection of one call.
 */
public final class QuorumCollector {
    private final BackendClient client;
    private final ErrorLimiter errorLimiter;
    private final Duration nodeTimeout;
    private final Duration postQuorumTimeout;
    private final ScheduledExecutorService scheduler;

    public QuorumCollector(
            BackendClient client,
            ErrorLimiter errorLimiter,
            Duration nodeTimeout,
            Duration postQuorumTimeout,
            ScheduledExecutorService scheduler) {
        this.client = client;
        this.errorLimiter = errorLimiter;
        this.nodeTimeout = nodeTimeout;
        this.postQuorumTimeout = postQuorumTimeout;
        this.scheduler = scheduler;
    }

    /**
     * Sends {@code method /<device>/<partition><path><query>} once per entry of {@code headers} and
     * completes with exactly {@code headers.size()} responses (503 stand-ins included), in arrival order.
     *
     * @param path the quoted {@code /a[/c[/o]]}
     * @param query {@code ?...} or empty
     */
    public CompletableFuture<List<NodeResponse>> send(
            NodeIterator nodes,
            int partition,
            HttpMethod method,
            String path,
            String query,
            List<HttpHeaders> headers,
            byte[] body) {
        Collection c = new Collection(headers.size());
        for (HttpHeaders h : headers) {
            tryNext(nodes, partition, method, path + query, h, body).whenComplete((r, e) -> c.add(r));
        }
        return c.result;
    }

    /** Swift's {@code _make_request}: the first answer below 500 from the nodes, or null. */
    public CompletableFuture<@Nullable NodeResponse> tryNext(
            NodeIterator nodes,
            int partition,
            HttpMethod method,
            String pathAndQuery,
            HttpHeaders headers,
            byte[] body) {
        Device node = nodes.next();
        if (node == null) {
            return CompletableFuture.completedFuture(null);
        }
        BackendRequest request = new BackendRequest(
                node.ip(), node.port(), method, "/" + node.device() + "/" + partition + pathAndQuery, headers, body);
        return client.send(request, nodeTimeout)
                .handle((BackendResponse r, @Nullable Throwable e) -> {
                    if (e != null) {
                        errorLimiter.increment(node);
                        return null;
                    }
                    if (r.status() == 507) {
                        errorLimiter.limit(node);
                        nodes.refund();
                        return null;
                    }
                    if (r.status() >= 500 || r.status() < 200) {
                        errorLimiter.increment(node);
                        return null;
                    }
                    return NodeResponse.of(node, r);
                })
                .thenCompose(r -> r != null
                        ? CompletableFuture.completedFuture(r)
                        : tryNext(nodes, partition, method, pathAndQuery, headers, body));
    }

    /** The answers of one fan-out; completes once decided plus the post-quorum grace, or when all are in. */
    private final class Collection {
        final int expected;
        final List<NodeResponse> responses = new ArrayList<>();
        final CompletableFuture<List<NodeResponse>> result = new CompletableFuture<>();
        int arrived;
        boolean graceStarted;

        Collection(int expected) {
            this.expected = expected;
            if (expected == 0) {
                result.complete(List.of());
            }
        }

        synchronized void add(@Nullable NodeResponse r) {
            arrived++;
            if (r != null && !result.isDone()) {
                responses.add(r);
            }
            if (arrived == expected) {
                finish();
                return;
            }
            if (!graceStarted && decided()) {
                graceStarted = true;
                scheduler.schedule(this::finish, postQuorumTimeout.toNanos(), TimeUnit.NANOSECONDS);
            }
        }

        private boolean decided() {
            int[] statuses = new int[responses.size()];
            for (int i = 0; i < statuses.length; i++) {
                statuses[i] = responses.get(i).status();
            }
            return BestResponse.haveQuorum(statuses, statuses.length, expected);
        }

        synchronized void finish() {
            if (result.isDone()) {
                return;
            }
            List<NodeResponse> out = new ArrayList<>(responses);
            while (out.size() < expected) {
                out.add(NodeResponse.unavailable());
            }
            result.complete(out);
        }
    }
}
