package io.cairn.container.http;

import io.cairn.common.db.DatabaseAlreadyExistsException;
import io.cairn.common.time.Timestamp;
import io.cairn.container.db.ContainerBroker;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * {@code PUT /<dev>/<part>/<a>/<c>}: creates the container DB or updates its put timestamp and
 * metadata, then reports to the account server(s). 201 when created (or re-created after a delete),
 * 202 when it existed, 409 on a storage policy conflict (with the existing
 * {@code X-Backend-Storage-Policy-Index}) or when the DB stays deleted, 404 when every account server
 * said 404, 400/507 as Swift.
 *
 * <p>Thread-safe (stateless).
 */
final class ContainerPutOperation extends ContainerOperation {
    ContainerPutOperation(ContainerContext ctx) {
        super(ctx);
    }

    private record Outcome(boolean created, int policyIndex, Map<String, @Nullable Object> info) {}

    @Override
    CompletableFuture<SwiftResponse> handle(ContainerRequest req) {
        Timestamp ts = checkWrite(req);
        return onDevice(req, dev -> {
                    Integer requested = requestedPolicyIndex(req);
                    int newPolicy = requested != null ? requested : defaultPolicy(req);
                    ContainerBroker broker = broker(dev, req);
                    broker.commitPending();
                    boolean created = updateOrCreate(broker, ts.internal(), newPolicy, requested);
                    ContainerMetadata.update(req, ctx, broker, ts);
                    return new Outcome(created, broker.storagePolicyIndex(), broker.info());
                })
                .thenCompose(outcome -> ctx.accountUpdater()
                        .update(req, outcome.info())
                        .thenApply(accountResponse -> {
                            if (accountResponse != null) {
                                return accountResponse;
                            }
                            return SwiftResponse.of(outcome.created() ? 201 : 202)
                                    .header("X-Backend-Storage-Policy-Index", String.valueOf(outcome.policyIndex()));
                        }));
    }

    /** {@code X-Backend-Storage-Policy-Default} sent by the proxy, else the cluster's default. */
    private int defaultPolicy(ContainerRequest req) {
        String raw = req.headers().get("X-Backend-Storage-Policy-Default");
        if (raw == null) {
            return ctx.settings().policies().defaultIndex();
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new SwiftHttpException(SwiftResponse.text(400, "Invalid X-Backend-Storage-Policy-Default"));
        }
    }

    /** Swift's {@code _update_or_create}; returns whether the container was (re)created. */
    private static boolean updateOrCreate(
            ContainerBroker broker, String timestamp, int newPolicy, @Nullable Integer requested) throws Exception {
        if (!broker.exists()) {
            try {
                broker.initialize(timestamp, newPolicy);
                return true;
            } catch (DatabaseAlreadyExistsException raced) {
                // another request created it meanwhile: continue as an update
            }
        }
        boolean recreated = broker.isDeleted();
        if (recreated) {
            broker.setStoragePolicyIndex(newPolicy, timestamp);
        } else if (requested != null) {
            int existing = broker.storagePolicyIndex();
            if (requested != existing) {
                throw new SwiftHttpException(
                        SwiftResponse.of(409).header("X-Backend-Storage-Policy-Index", String.valueOf(existing)));
            }
        }
        broker.updatePutTimestamp(timestamp);
        if (broker.isDeleted()) {
            throw new SwiftHttpException(SwiftResponse.of(409));
        }
        if (recreated) {
            broker.updateStatusChangedAt(timestamp);
        }
        return recreated;
    }
}
