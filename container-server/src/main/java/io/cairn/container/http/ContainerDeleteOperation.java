package io.cairn.container.http;

import io.cairn.common.time.Timestamp;
import io.cairn.container.db.ContainerBroker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * {@code DELETE /<dev>/<part>/<a>/<c>} (reference §5.4): 404 when the DB is missing, 409 when any object
 * remains, else clears the metadata (except the shard root sysmeta), marks the DB deleted and reports to
 * the account server(s); 204 if it existed, 404 otherwise (or the account update's 400/404).
 *
 * <p>Thread-safe (stateless).
 */
final class ContainerDeleteOperation extends ContainerOperation {
    /** Swift's {@code ContainerBroker.delete_meta_whitelist}. */
    private static final List<String> KEEP_ON_DELETE =
            List.of("x-container-sysmeta-shard-quoted-root", "x-container-sysmeta-shard-root");

    ContainerDeleteOperation(ContainerContext ctx) {
        super(ctx);
    }

    private record Outcome(boolean existed, Map<String, @Nullable Object> info) {}

    @Override
    CompletableFuture<SwiftResponse> handle(ContainerRequest req) {
        Timestamp ts = validTimestamp(req);
        return onDevice(req, dev -> {
                    requestedPolicyIndex(req);
                    ContainerBroker broker = broker(dev, req);
                    if (!broker.exists()) {
                        throw new SwiftHttpException(SwiftResponse.of(404));
                    }
                    broker.commitPending();
                    if (!broker.isEmpty()) {
                        throw new SwiftHttpException(SwiftResponse.of(409));
                    }
                    Object put = broker.info().get("put_timestamp");
                    boolean existed =
                            put != null && Timestamp.parse(String.valueOf(put)).raw() != 0 && !broker.isDeleted();
                    broker.deleteDb(ts.internal(), KEEP_ON_DELETE);
                    if (!broker.isDeleted()) {
                        throw new SwiftHttpException(SwiftResponse.of(409));
                    }
                    return new Outcome(existed, broker.info());
                })
                .thenCompose(outcome -> ctx.accountUpdater()
                        .update(req, outcome.info())
                        .thenApply(accountResponse -> accountResponse != null
                                ? accountResponse
                                : SwiftResponse.of(outcome.existed() ? 204 : 404)));
    }
}
