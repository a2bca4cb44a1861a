package io.cairn.object.http;

import io.cairn.common.time.Timestamp;
import io.netty.handler.codec.http.HttpContent;
import org.jspecify.annotations.Nullable;

/**
 * One verb of the backend object API (Swift's {@code ObjectController.PUT/GET/…}). The request handler
 * calls {@link #start} with the request head, then hands over each body chunk.
 *
 * <p>Confined to the channel's event loop; disk work goes through {@link Exchange#onDevice}.
 */
abstract class ObjectOperation {
    protected final Exchange exchange;

    ObjectOperation(Exchange exchange) {
        this.exchange = exchange;
    }

    /** Begins the operation; a rejection thrown here is answered at once. */
    abstract void start() throws RequestRejectedException;

    /** A body chunk; ownership passes to the operation. The default discards it. */
    void content(HttpContent content) {
        content.release();
    }

    /** The connection closed before the operation ended: release what it holds. */
    void closed() {}

    /** The connection was idle for {@code client_timeout}: the default closes it. */
    void idle() {
        exchange.ctx().close();
    }

    /** {@code X-Timestamp}, required ({@code valid_timestamp}): 400 when missing or invalid. */
    final Timestamp requiredTimestamp() throws RequestRejectedException {
        String raw = exchange.request().headers().get("X-Timestamp");
        if (raw == null) {
            throw new RequestRejectedException(SwiftStatus.BAD_REQUEST, "Missing X-Timestamp header");
        }
        return parseTimestamp(raw);
    }

    /** {@code X-Timestamp} if sent (GET/HEAD use it as "now"), else the clock. */
    final Timestamp timestampOrNow() throws RequestRejectedException {
        String raw = exchange.request().headers().get("X-Timestamp");
        if (raw == null) {
            return Timestamp.now(exchange.api().settings().clock());
        }
        return parseTimestamp(raw);
    }

    private static Timestamp parseTimestamp(String raw) throws RequestRejectedException {
        try {
            return Timestamp.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new RequestRejectedException(SwiftStatus.BAD_REQUEST, "Invalid X-Timestamp header");
        }
    }

    /** A request header or null. */
    final @Nullable String header(String name) {
        return exchange.request().headers().get(name);
    }
}
