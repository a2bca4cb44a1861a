package io.cairn.proxy.routing;

import io.cairn.common.http.BackendResponse;
import io.cairn.ring.Device;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;

/**
 * One storage node's answer to one request of a fan-out, or a 503 stand-in for a request that got no
 * usable answer from any node (Swift pads missing responses with {@code (503, '', '', b'')}).
 *
 * <p>Immutable by convention: the body array is shared, not copied, and nobody writes it.
 */
public final class NodeResponse {
    private final @Nullable Device node;
    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;

    /** @param node the node that answered, or null for a stand-in */
    public NodeResponse(@Nullable Device node, int status, HttpHeaders headers, byte[] body) {
        this.node = node;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /** The stand-in for a missing response. */
    public static NodeResponse unavailable() {
        return new NodeResponse(null, 503, EmptyHttpHeaders.INSTANCE, new byte[0]);
    }

    /** Wraps a backend response. */
    public static NodeResponse of(Device node, BackendResponse response) {
        return new NodeResponse(node, response.status(), response.headers(), response.body());
    }

    public @Nullable Device node() {
        return node;
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    @Override
    public String toString() {
        return status + " from " + (node == null ? "nobody" : node.address());
    }
}
