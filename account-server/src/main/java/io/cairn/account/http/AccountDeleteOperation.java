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

    AccountResponse handle(AccountPath p, HttpHeaders h) throws Exception {
        return onDeviceAt(p, h, AccountDeleteOperation::delete);
    }

    private static AccountResponse delete(AccountBroker b, Timestamp ts) throws SQLException {
        b.commitPendingQuietly();
        if (b.isDeleted()) {
            return deleted(b, 404, "");
        }
        b.deleteDb(ts.internal(), List.of());
        return deleted(b, 204, "");
    }
}
