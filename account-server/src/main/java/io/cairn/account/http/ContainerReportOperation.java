package io.cairn.account.http;

import io.cairn.account.db.AccountBroker;
import io.cairn.account.db.ContainerRecord;
import io.cairn.common.db.DatabaseAlreadyExistsException;
import io.cairn.common.time.Timestamp;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * {@code PUT /dev/part/account/container}: a container server's report, Swift's {@code AccountController.PUT}
 * for a container. {@link #check} runs on the device executor; {@link #commit} hands the row to the group commit,
 * which must not be awaited on a device thread (the commit runs there). Thread-safe (stateless).
 */
final class ContainerReportOperation extends AccountOperation {
    /**
     * A container report checked on the device executor: either an immediate answer or the record to hand to the
     * group commit.
     *
     * @param immediate the answer when the report is not committed
     * @param broker the account DB to commit to
     * @param record the row
     * @param status the answer after the commit (201, or 204 for a deletion)
     */
    record ContainerReport(
            @Nullable AccountResponse immediate,
            @Nullable AccountBroker broker,
            @Nullable ContainerRecord record,
            int status) {
        static ContainerReport answer(AccountResponse r) {
            return new ContainerReport(r, null, null, r.status());
        }
    }

    ContainerReportOperation(AccountContext ctx) {
        super(ctx);
    }

    /** Commits a checked report; completes after its transaction. */
    CompletableFuture<AccountResponse> commit(String device, ContainerReport report) {
        AccountResponse immediate = report.immediate();
        AccountBroker b = report.broker();
        ContainerRecord rec = report.record();
        if (immediate != null || b == null || rec == null) {
            return CompletableFuture.completedFuture(immediate == null ? AccountResponse.of(500) : immediate);
        }
        return ctx.committer().submit(device, b, rec).thenApply(done -> AccountResponse.of(report.status()));
    }

    /** The checks; see {@link #commit}. */
    ContainerReport check(AccountPath p, HttpHeaders h) throws Exception {
        AccountBroker b = broker(p);
        if (b == null) {
            return ContainerReport.answer(insufficientStorage(p.device()));
        }
        Timestamp ts;
        if (h.contains("X-Timestamp")) {
            AccountResponse[] err = new AccountResponse[1];
            ts = timestamp(h, err);
            if (ts == null) {
                return ContainerReport.answer(err[0]);
            }
        } else {
            ts = Timestamp.now(ctx.clock());
        }
        if (p.account().startsWith(ctx.constraints().autoCreateAccountPrefix()) && !b.exists()) {
            try {
                b.initialize(ts.internal(), 0);
            } catch (DatabaseAlreadyExistsException raced) {
                // someone else created it: fine
            }
        }
        boolean override = "yes".equals(lower(h.get("X-Account-Override-Deleted", "no")));
        if (!b.exists() || (!override && isDeletedAfterFold(b))) {
            return ContainerReport.answer(AccountResponse.of(404));
        }
        ContainerRecord rec;
        String put = h.get("X-Put-Timestamp");
        String del = h.get("X-Delete-Timestamp");
        try {
            rec = ContainerRecord.report(
                    p.container() == null ? "" : p.container(),
                    required(put, "X-Put-Timestamp"),
                    required(del, "X-Delete-Timestamp"),
                    Long.parseLong(required(h.get("X-Object-Count"), "X-Object-Count")),
                    Long.parseLong(required(h.get("X-Bytes-Used"), "X-Bytes-Used")),
                    Integer.parseInt(h.get("X-Backend-Storage-Policy-Index", "0")));
        } catch (IllegalArgumentException bad) {
            return ContainerReport.answer(
                    AccountResponse.text(400, bad.getMessage() == null ? "Bad container report" : bad.getMessage()));
        }
        // Swift compares the two header strings as they came
        return new ContainerReport(null, b, rec, String.valueOf(del).compareTo(String.valueOf(put)) > 0 ? 204 : 201);
    }

    /**
     * Swift's {@code is_deleted} folds the pending file first; folding before every report would cost one
     * transaction per report, so the pending rows are folded only when the DB without them looks deleted
     * (only its container count could change the verdict). Deviation: a DB whose un-folded rows would
     * bring the count to zero while its delete timestamp is newer is still taken as live.
     */
    private static boolean isDeletedAfterFold(AccountBroker b) throws Exception {
        if (!b.isDeleted()) {
            return false;
        }
        b.commitPendingQuietly();
        return b.isDeleted();
    }

    private static String required(@Nullable String v, String header) {
        if (v == null) {
            throw new IllegalArgumentException("Missing " + header + " header");
        }
        return v;
    }
}
