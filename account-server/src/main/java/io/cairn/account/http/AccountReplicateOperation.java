package io.cairn.account.http;

import io.cairn.common.codec.Json;
import io.cairn.common.db.ReplicatorRpc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * {@code REPLICATE /dev/part/hash}: Swift's {@code AccountController.REPLICATE}, the DB replicator's RPC verbs
 * (common's {@link ReplicatorRpc}). Thread-safe (stateless).
 */
final class AccountReplicateOperation extends AccountOperation {
    AccountReplicateOperation(AccountContext ctx) {
        super(ctx);
    }

    AccountResponse handle(AccountPath p, byte[] body) throws SQLException, IOException {
        if (p.container() != null) {
            return AccountResponse.text(
                    400,
                    "Invalid path: /" + p.device() + "/" + p.partition() + "/" + p.account() + "/" + p.container());
        }
        if (ctx.root().resolve(p.device()) == null) {
            return insufficientStorage(p.device());
        }
        Object args;
        try {
            args = Json.parse(new String(body, StandardCharsets.UTF_8));
        } catch (Json.JsonException e) {
            return AccountResponse.text(400, String.valueOf(e.getMessage()));
        }
        ReplicatorRpc.Result result = ctx.rpc().dispatch(p.device(), p.partition(), p.account(), args);
        AccountResponse r = result.body().isEmpty()
                ? AccountResponse.swobDefault(result.status())
                : AccountResponse.text(result.status(), result.body());
        if (result.status() == 200) {
            r.headers().set("Content-Type", "text/html; charset=UTF-8");
        }
        return r;
    }
}
