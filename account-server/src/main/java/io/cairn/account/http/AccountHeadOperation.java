package io.cairn.account.http;

import java.sql.SQLException;

/** {@code HEAD /dev/part/account}: Swift's {@code AccountController.HEAD}. Thread-safe (stateless). */
final class AccountHeadOperation extends AccountOperation {
    AccountHeadOperation(AccountContext ctx) {
        super(ctx);
    }

    /** @param contentType the negotiated listing type ({@code format}/{@code Accept}), without charset */
    AccountResponse handle(AccountPath p, String contentType) throws SQLException {
        return onLiveAccount(p, b -> {
            AccountResponse r = AccountResponse.of(204);
            statsHeaders(b, r.headers());
            r.headers().set("Content-Type", contentType + "; charset=utf-8");
            return r;
        });
    }
}
