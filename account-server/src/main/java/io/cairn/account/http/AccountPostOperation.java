package io.cairn.account.http;

import io.cairn.common.db.DbMetadata;
import io.cairn.common.time.Timestamp;
import io.netty.handler.codec.http.HttpHeaders;
import java.sql.SQLException;

/** {@code POST /dev/part/account}: Swift's {@code AccountController.POST}. Thread-safe (stateless). */
final class AccountPostOperation extends AccountOperation {
    AccountPostOperation(AccountContext ctx) {
        super(ctx);
    }

    AccountResponse handle(AccountPath p, HttpHeaders h) throws SQLException {
        AccountResponse[] err = new AccountResponse[1];
        Timestamp ts = timestamp(h, err);
        if (ts == null) {
            return err[0];
        }
        DbMetadata updates = requestMetadata(h, ts);
        return onLiveAccount(p, b -> {
            AccountResponse bad = updateMetadata(b, updates);
            return bad != null ? bad : AccountResponse.of(204);
        });
    }
}
