package io.cairn.proxy.routing;

import io.cairn.common.http.BackendClient;
import io.cairn.common.http.BackendRequest;
import io.cairn.ring.Device;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code GETorHEAD_base} for bounded responses (account and container HEAD/GET, listings): nodes
 * are asked one at a time; the first good source (2xx or 3xx) wins; a failed or slow node (connect error,
 * {@code node_timeout}, 5xx) is error-limited and the next one asked; 404s and 5xx from handoffs without
 * {@code X-Backend-Timestamp} are ignored. Without a good source the answer is {@link BestResponse} over
 * the statuses seen (503 if none).
 *
 * <p>Thread-safe; each call is independent.
 */
public final class SequentialReader {
    private final BackendClient client;
    private final ErrorLimiter errorLimiter;
    private final Duration nodeTimeout;

    public SequentialReader(BackendClient client, ErrorLimiter errorLimiter, Duration nodeTimeout) {
        this.client = client;
        this.errorLimiter = errorLimiter;
        this.nodeTimeout = nodeTimeout;
    }

    /**
     * Reads {@code method /<device>/<partition><pathAndQuery>} from the nodes in order.
     *
     * @param newest with {@code X-Newest}: ask every node and keep the good source with the greatest
     *     timestamp
     */
    public CompletableFuture<NodeResponse> read(
            NodeIterator nodes,
            int partition,
            HttpMethod method,
            String pathAndQuery,
            HttpHeaders headers,
            boolean newest) {
        CompletableFuture<NodeResponse> result = new CompletableFuture<>();
        next(new State(nodes, partition, method, pathAndQuery, headers, newest), result);
        return result;
    }

    private void next(State s, CompletableFuture<NodeResponse> result) {
        Device node = s.nodes.next();
        if (node == null) {
            result.complete(s.conclude());
            return;
        }
        BackendRequest request = new BackendRequest(
                node.ip(),
                node.port(),
                s.method,
                "/" + node.device() + "/" + s.partition + s.pathAndQuery,
                s.headers,
                new byte[0]);
        client.send(request, nodeTimeout).whenComplete((r, e) -> {
            if (e != null) {
                errorLimiter.increment(node);
            } else if (r.status() == 507) {
                errorLimiter.limit(node);
                s.nodes.refund();
            } else {
                if (r.status() >= 500) {
                    errorLimiter.increment(node);
                }
                NodeResponse nr = NodeResponse.of(node, r);
                boolean good = r.status() >= 200 && r.status() < 400;
                if (good && !s.newest) {
                    result.complete(nr);
                    return;
                }
                s.record(nr, good, s.nodes.isPrimary(node));
            }
            next(s, result);
        });
    }

    /** Swift's source timestamp order for X-Newest. */
    static String sourceTimestamp(HttpHeaders h) {
        for (String name :
                new String[] {"X-Backend-Data-Timestamp", "X-Backend-Timestamp", "X-PUT-Timestamp", "X-Timestamp"}) {
            String v = h.get(name);
            if (v != null) {
                return v;
            }
        }
        return "0";
    }

    /** One read's progress. */
    private static final class State {
        final NodeIterator nodes;
        final int partition;
        final HttpMethod method;
        final String pathAndQuery;
        final HttpHeaders headers;
        final boolean newest;
        final List<NodeResponse> bad = new ArrayList<>();

        @Nullable
        NodeResponse best;

        State(
                NodeIterator nodes,
                int partition,
                HttpMethod method,
                String pathAndQuery,
                HttpHeaders headers,
                boolean newest) {
            this.nodes = nodes;
            this.partition = partition;
            this.method = method;
            this.pathAndQuery = pathAndQuery;
            this.headers = headers;
            this.newest = newest;
        }

        synchronized void record(NodeResponse r, boolean good, boolean primary) {
            if (good) {
                NodeResponse b = best;
                if (b == null || sourceTimestamp(r.headers()).compareTo(sourceTimestamp(b.headers())) > 0) {
                    best = r;
                }
                return;
            }
            boolean tombstone = r.headers().contains("X-Backend-Timestamp");
            if (!primary && !tombstone && (r.status() == 404 || r.status() >= 500)) {
                return;
            }
            bad.add(r);
        }

        synchronized NodeResponse conclude() {
            NodeResponse b = best;
            if (b != null) {
                return b;
            }
            if (bad.isEmpty()) {
                return NodeResponse.unavailable();
            }
            int[] statuses = new int[bad.size()];
            for (int i = 0; i < statuses.length; i++) {
                statuses[i] = bad.get(i).status();
            }
            int i = BestResponse.choose(statuses, Map.of());
            return i == BestResponse.NO_QUORUM ? NodeResponse.unavailable() : bad.get(i);
        }
    }
}
