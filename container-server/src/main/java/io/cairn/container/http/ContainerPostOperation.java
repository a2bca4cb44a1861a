package io.cairn.container.http;

import io.cairn.common.time.Timestamp;
import io.cairn.container.db.ContainerBroker;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /<dev>/<part>/<a>/<c>}: raises the put timestamp and stores the request's metadata; 204,
 * or 404 when the container is missing or deleted.
 *
 * <p>Thread-safe (stateless).
 */
final class ContainerPostOperation extends ContainerOperation {
    ContainerPostOperation(ContainerContext ctx) {
        super(ctx);
    }

    @Override
    CompletableFuture<SwiftResponse> handle(ContainerRequest req) {
        Timestamp ts = checkWrite(req);
        return onDevice(req, dev -> {
            ContainerBroker broker = currentBroker(dev, req);
            if (broker.isDeleted()) {
                return SwiftResponse.of(404);
            }
            broker.updatePutTimestamp(ts.internal());
            ContainerMetadata.update(req, ctx, broker, ts);
            return SwiftResponse.of(204);
        });
    }
}
