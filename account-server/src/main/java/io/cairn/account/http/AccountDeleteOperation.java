package io.cairn.account.http;

import io.cairn.account.db.AccountBroker;
import io.cairn.common.time.Timestamp;
import io.netty.handler.codec.http.HttpHeaders;
import java.sql.SQLException;
import java.util.List;

/** {@code DELETE /dev/part/account}: Swift's {@code AccountController.DELETE}. Thread-safe (stateless). */
final class AccountDeleteOperation extends AccountOperation {
    AccountDeleteOperation(AccountContext ctx) {
        super(ctx);
    }

    AccountResponse handle(AccountPath p, HttpHeaders h) throws SQLException {
        AccountBroker b = broker(p);
        if (b == null) {
            return insufficientStorage(p.device());
        }
        AccountResponse[] err = new AccountResponse[1];
        Timestamp ts = timestamp(h, err);
        if (ts == null) {
            return err[0];
        }
        b.commitPendingQuietly();
        if (b.isDeleted()) {
            return deleted(b, 404, "");
        }
        b.deleteDb(ts.internal(), List.of());
        return deleted(b, 204, "");
    }
}
