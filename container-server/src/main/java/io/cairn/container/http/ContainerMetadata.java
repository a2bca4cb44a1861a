package io.cairn.container.http;

import io.cairn.common.db.DbMetadata;
import io.cairn.common.path.ConstraintViolation;
import io.cairn.common.path.MetadataTarget;
import io.cairn.common.time.Timestamp;
import io.cairn.container.db.ContainerBroker;

/**
 * Swift's {@code _update_metadata} for container PUT and POST: stores the request's metadata headers at
 * the request timestamp, resets the sync points when {@code X-Container-Sync-To} changes, and enforces
 * the accumulated limits (count, overall size) with Swift's 400 messages.
 *
 * <p>Stateless; run on the device executor.
 */
final class ContainerMetadata {
    private ContainerMetadata() {}

    /** The proxy-side {@code check_metadata} on the request headers: Swift's 400, before anything is written. */
    static void checkRequest(ContainerRequest req, ContainerContext ctx) {
        ConstraintViolation v = ctx.settings().validator().checkMetadata(req.headers(), MetadataTarget.CONTAINER);
        if (v != null) {
            throw new SwiftHttpException(SwiftResponse.text(v.status(), v.body()));
        }
    }

    /** Applies the request's metadata to {@code broker}; 400 when the result would exceed Swift's limits. */
    static void update(ContainerRequest req, ContainerContext ctx, ContainerBroker broker, Timestamp ts)
            throws Exception {
        DbMetadata md =
                ContainerHeaders.requestMetadata(req.headers(), ctx.settings().saveHeaders(), ts.internal());
        if (md.isEmpty()) {
            return;
        }
        DbMetadata.Item syncTo = md.get("X-Container-Sync-To");
        if (syncTo != null) {
            DbMetadata.Item stored = broker.metadata().get("X-Container-Sync-To");
            if (stored == null || !stored.value().equals(syncTo.value())) {
                broker.resetSyncPoints();
            }
        }
        var limits = ctx.settings().validator().constraints();
        String violation = broker.updateMetadata(md, limits.maxMetaCount(), limits.maxMetaOverallSize());
        if (violation != null) {
            throw new SwiftHttpException(SwiftResponse.text(400, violation));
        }
    }
}
