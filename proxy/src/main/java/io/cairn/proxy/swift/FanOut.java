package io.cairn.proxy.swift;

import io.cairn.proxy.routing.BestResponse;
import io.cairn.proxy.routing.NodeResponse;
import io.cairn.ring.Ring;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A write to every replica of a partition answered by Swift's best response (reference §4.4).
 *
 * <p>Thread-safety: stateless.
 */
final class FanOut {
    private FanOut() {}

    /** The chosen status and its response. */
    record Outcome(int status, FullHttpResponse response) {}

    /**
     * Sends one request per entry of {@code headers} (one per primary) and chooses the answer.
     *
     * @param overrides statuses counted as others when there is no quorum (object DELETE: 404 → 204)
     */
    static CompletableFuture<Outcome> send(
            Exchange ex,
            Ring ring,
            int partition,
            HttpMethod method,
            List<HttpHeaders> headers,
            Map<Integer, Integer> overrides) {
        ProxyServices s = ex.services();
        return s.collector()
                .send(
                        s.nodes(ring, partition),
                        partition,
                        method,
                        ex.path().backendPath(),
                        ex.path().queryPart(),
                        headers,
                        new byte[0])
                .thenApply(responses -> choose(responses, overrides));
    }

    static Outcome choose(List<NodeResponse> responses, Map<Integer, Integer> overrides) {
        int[] statuses = new int[responses.size()];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = responses.get(i).status();
        }
        int i = BestResponse.choose(statuses, overrides);
        if (i == BestResponse.NO_QUORUM) {
            return new Outcome(503, SwiftResponses.standard(503));
        }
        return new Outcome(statuses[i], Relay.of(responses.get(i), true));
    }
}
