package io.cairn.account.http;

import io.cairn.account.db.AccountBroker;
import io.cairn.common.db.DatabaseAlreadyExistsException;
import io.cairn.common.db.DbMetadata;
import io.cairn.common.time.Timestamp;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * {@code PUT /dev/part/account}: Swift's {@code AccountController.PUT} for an account (a container report is
 * {@link ContainerReportOperation}). Thread-safe (stateless).
 */
final class AccountPutOperation extends AccountOperation {
    AccountPutOperation(AccountContext ctx) {
        super(ctx);
    }

    AccountResponse handle(AccountPath p, HttpHeaders h) throws Exception {
        return onDeviceAt(p, h, (b, ts) -> put(b, h, ts));
    }

    private AccountResponse put(AccountBroker b, HttpHeaders h, Timestamp ts) throws Exception {
        DbMetadata updates = requestMetadata(h, ts);
        String tooMuch = updates.violation(
                ctx.constraints().maxMetaCount(), ctx.constraints().maxMetaOverallSize());
        if (tooMuch != null) {
            return AccountResponse.text(400, tooMuch);
        }
        boolean created;
        if (!b.exists()) {
            try {
                b.initialize(ts.internal(), 0);
                created = true;
            } catch (DatabaseAlreadyExistsException raced) {
                created = false;
            }
        } else if (b.isStatusDeleted()) {
            return deleted(b, 403, "Recently deleted");
        } else {
            b.commitPendingQuietly(); // Swift's is_deleted folds first: the container count decides
            created = b.isDeleted();
            b.updatePutTimestamp(ts.internal());
            if (b.isDeleted()) {
                return AccountResponse.of(409);
            }
        }
        AccountResponse bad = updateMetadata(b, updates);
        if (bad != null) {
            return bad;
        }
        return AccountResponse.of(created ? 201 : 202);
    }
}
