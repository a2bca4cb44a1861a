package io.cairn.container.http;

import io.cairn.common.codec.Json;
import io.cairn.common.db.DbPaths;
import io.cairn.common.db.ReplicatorRpc;
import io.cairn.container.db.ContainerBroker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * {@code REPLICATE /<dev>/<part>/<hash>} with a JSON {@code [op, args…]} body: Swift's
 * {@code ContainerController.REPLICATE} over common.db's {@link ReplicatorRpc} ({@code sync},
 * {@code merge_items}, {@code merge_syncs}, {@code complete_rsync}, {@code rsync_then_merge}), with the
 * container's {@code _get_synced_replication_info} (storage policy reconciliation). 405 when
 * {@code replication_server = false}; 507 for an unusable device; 400 with the parser's message for a
 * body that is not JSON. The shard-range ops ({@code get_shard_ranges}, {@code merge_shard_ranges}) are
 * 400 {@code Unknown op}: Cairn does not shard.
 *
 * <p>Thread-safe (the RPC runs on the device executor; brokers serialise their own work).
 */
final class ContainerReplicateOperation extends ContainerOperation {
    private final ReplicatorRpc<ContainerBroker> rpc;

    ContainerReplicateOperation(ContainerContext ctx, Clock clock) {
        super(ctx);
        this.rpc = new ReplicatorRpc<>(
                ctx.devices(),
                DbPaths.CONTAINERS,
                ctx.brokers()::forReplication,
                clock,
                ContainerBroker::syncedReplicationInfo);
    }

    @Override
    CompletableFuture<SwiftResponse> handle(ContainerRequest req) {
        if (!ctx.settings().replicationServer()) {
            return CompletableFuture.completedFuture(SwiftResponse.of(405));
        }
        return onDevice(req, dev -> {
            @Nullable Object args;
            try {
                args = Json.parse(new String(req.body(), StandardCharsets.UTF_8));
            } catch (Json.JsonException e) {
                return SwiftResponse.text(400, String.valueOf(e.getMessage()));
            }
            ReplicatorRpc.Result result = rpc.dispatch(req.device(), req.partition(), req.replicateHash(), args);
            if (result.status() == 200) {
                return SwiftResponse.text(200, result.body()).header("Content-Type", "text/html; charset=UTF-8");
            }
            return result.body().isEmpty()
                    ? SwiftResponse.of(result.status())
                    : SwiftResponse.text(result.status(), result.body());
        });
    }
}
