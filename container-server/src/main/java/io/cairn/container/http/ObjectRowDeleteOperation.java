package io.cairn.container.http;

import io.cairn.common.time.Timestamp;
import io.cairn.container.db.ContainerBroker;
import io.cairn.container.db.ObjectRecord;
import java.util.concurrent.CompletableFuture;

/**
 * {@code DELETE /<dev>/<part>/<a>/<c>/<o>}: a deleted-object row at {@code X-Timestamp}, group-committed;
 * 204 once its batch committed, 404 when the container DB does not exist (auto-created for
 * {@code .}-accounts).
 *
 * <p>Thread-safe (stateless).
 */
final class ObjectRowDeleteOperation extends ContainerOperation {
    ObjectRowDeleteOperation(ContainerContext ctx) {
        super(ctx);
    }

    @Override
    CompletableFuture<SwiftResponse> handle(ContainerRequest req) {
        Timestamp ts = validTimestamp(req);
        String object = objectRow(req);
        return onDevice(req, dev -> {
                    int policy = rowPolicy(req);
                    ContainerBroker broker = broker(dev, req);
                    maybeAutocreate(broker, ts, policy, req);
                    // the merge re-encodes the timestamp in internal form, as Swift does with the raw header
                    ObjectRecord row = ObjectRecord.delete(object, ts.internal(), policy);
                    return ctx.committer().submit(req.device(), broker, row);
                })
                .thenCompose(committed -> committed)
                .thenApply(done -> SwiftResponse.of(204));
    }
}
