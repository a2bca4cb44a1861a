package io.cairn.account.http;

import io.cairn.account.db.AccountBroker;
import io.cairn.account.db.ContainerListingRow;
import io.cairn.common.listing.ListingEncoder;
import io.cairn.common.listing.ListingException;
import io.cairn.common.listing.ListingParams;
import io.cairn.common.time.Timestamp;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code GET /dev/part/account}: Swift's {@code AccountController.GET}, the container listing (plain, JSON or
 * XML, byte-identical to Swift's) with the account's stats headers. Thread-safe (stateless).
 */
final class AccountGetOperation extends AccountOperation {
    AccountGetOperation(AccountContext ctx) {
        super(ctx);
    }

    /** The listing; {@code params} already validated (400/406/412 answered by {@link #badListing}). */
    AccountResponse handle(AccountPath p, ListingParams params, boolean allowReserved) throws SQLException {
        return onLiveAccount(p, b -> listing(b, p, params, allowReserved));
    }

    private AccountResponse listing(AccountBroker b, AccountPath p, ListingParams params, boolean allowReserved)
            throws SQLException {
        List<ContainerListingRow> rows = b.listContainers(params, allowReserved);
        ListingEncoder encoder = ListingEncoder.forAccount(params.format(), p.account());
        ByteBuf buf = Unpooled.buffer();
        try {
            encoder.begin(buf);
            for (ContainerListingRow row : rows) {
                if (row.subdir()) {
                    encoder.subdir(buf, row.name());
                } else {
                    encoder.container(
                            buf,
                            row.name(),
                            row.objectCount(),
                            row.bytesUsed(),
                            Timestamp.parse(row.putTimestamp()).isoformat());
                }
            }
            encoder.end(buf);
            AccountResponse r = encoder.isNoContent()
                    ? AccountResponse.of(204)
                    : new AccountResponse(200, new DefaultHttpHeaders(), ByteBufUtil.getBytes(buf));
            statsHeaders(b, r.headers());
            r.headers().set("Content-Type", params.contentType() + "; charset=utf-8");
            return r;
        } finally {
            buf.release();
        }
    }

    /** The answer for listing parameters the account server refuses. */
    static AccountResponse badListing(ListingException e) {
        AccountResponse r = AccountResponse.text(e.status(), String.valueOf(e.getMessage()));
        if (e.status() == 400) {
            // get_param raises HTTPBadRequest with content_type='text/plain' (no charset); 412/406 use swob's default
            r.headers().set("Content-Type", "text/plain");
        }
        return r;
    }
}
