package io.cairn.container.http;

import io.cairn.common.time.Timestamp;
import io.cairn.container.db.ContainerBroker;
import io.cairn.container.db.ObjectRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * {@code PUT /<dev>/<part>/<a>/<c>/<o>} from an object server or updater: one object row ({@code
 * X-Size}, {@code X-Content-Type}, {@code X-Etag}, optional {@code X-Content-Type-Timestamp} and
 * {@code X-Meta-Timestamp}) group-committed into the container DB; 201 once its batch committed, 404
 * when the container DB does not exist (auto-created for {@code .}-accounts).
 *
 * <p>Thread-safe (stateless).
 */
final class ObjectRowPutOperation extends ContainerOperation {
    ObjectRowPutOperation(ContainerContext ctx) {
        super(ctx);
    }

    @Override
    CompletableFuture<SwiftResponse> handle(ContainerRequest req) {
        Timestamp ts = validTimestamp(req);
        String object = objectRow(req);
        ObjectRecord row = ObjectRecord.put(
                        object, ts.internal(), size(req), required(req, "X-Content-Type"), required(req, "X-Etag"), 0)
                .withTimestamps(req.header("X-Content-Type-Timestamp"), req.header("X-Meta-Timestamp"));
        return onDevice(req, dev -> {
                    int policy = rowPolicy(req);
                    ContainerBroker broker = broker(dev, req);
                    boolean created = maybeAutocreate(broker, ts, policy, req);
                    // an auto-created container deleted once empty (a task container after the expirer's pass) that
                    // gets a row again: its account lists it as deleted until the container updater's pass, so the
                    // expirer would not see this task until then. Reported now, with the stats after the row.
                    boolean revived = !created && shouldAutocreate(req) && broker.isDeleted();
                    CompletableFuture<?> committed =
                            ctx.committer().submit(req.device(), broker, withPolicy(row, policy));
                    if (revived) {
                        return committed.thenCompose(
                                done -> ctx.accountUpdater().reportRevived(req, broker));
                    }
                    if (!created) {
                        return committed;
                    }
                    // what the new DB holds before its first row; the container updater reports the real stats
                    Map<String, @Nullable Object> info = new HashMap<>();
                    info.put("put_timestamp", ts.internal());
                    info.put("delete_timestamp", "0");
                    info.put("object_count", 0);
                    info.put("bytes_used", 0);
                    info.put("storage_policy_index", policy);
                    return committed.thenCompose(done -> ctx.accountUpdater().reportAutocreated(req, info));
                })
                .thenCompose(committed -> committed)
                .thenApply(done -> SwiftResponse.of(201));
    }

    static ObjectRecord withPolicy(ObjectRecord r, int policy) {
        return new ObjectRecord(r.name(), r.createdAt(), r.size(), r.contentType(), r.etag(), r.deleted(), policy)
                .withTimestamps(r.ctypeTimestamp(), r.metaTimestamp());
    }

    /** {@code int(req.headers['x-size'])}; Swift fails with 500 on a missing or bad value, Cairn with 400. */
    private static long size(ContainerRequest req) {
        String raw = required(req, "X-Size");
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new SwiftHttpException(SwiftResponse.text(400, "Invalid X-Size header"));
        }
    }

    private static String required(ContainerRequest req, String name) {
        String v = req.header(name);
        if (v == null) {
            throw new SwiftHttpException(SwiftResponse.text(400, "Missing " + name + " header"));
        }
        return v;
    }
}
