package io.cairn.account.http;

import io.cairn.account.commit.ContainerReportCommitter;
import io.cairn.account.db.AccountBroker;
import io.cairn.account.db.AccountBrokers;
import io.cairn.account.db.ContainerListingRow;
import io.cairn.account.db.ContainerRecord;
import io.cairn.common.codec.Json;
import io.cairn.common.db.DatabaseAlreadyExistsException;
import io.cairn.common.db.DbMetadata;
import io.cairn.common.db.DbPaths;
import io.cairn.common.db.ReplicatorRpc;
import io.cairn.common.io.DeviceRoot;
import io.cairn.common.listing.ListingEncoder;
import io.cairn.common.listing.ListingException;
import io.cairn.common.listing.ListingParams;
import io.cairn.common.path.Constraints;
import io.cairn.common.path.HashPath;
import io.cairn.common.time.Timestamp;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One method per verb of Swift 2.30.1's {@code AccountController}, answering with Swift's statuses,
 * headers and bodies. Every method blocks on SQLite: call it on the device's executor.
 *
 * <p>Thread-safe: stateless apart from the thread-safe collaborators it is given.
 */
public final class AccountOperations {
    private final DeviceRoot root;
    private final HashPath hashPath;
    private final AccountBrokers brokers;
    private final ContainerReportCommitter committer;
    private final Constraints constraints;
    private final Map<Integer, String> policyNames;
    private final String autoCreatePrefix;
    private final Clock clock;
    private final ReplicatorRpc<AccountBroker> rpc;

    /** The collaborators; {@code policyNames} maps policy index to name for per-policy headers. */
    public AccountOperations(
            DeviceRoot root,
            HashPath hashPath,
            AccountBrokers brokers,
            ContainerReportCommitter committer,
            Constraints constraints,
            Map<Integer, String> policyNames,
            Clock clock) {
        this.root = root;
        this.hashPath = hashPath;
        this.brokers = brokers;
        this.committer = committer;
        this.constraints = constraints;
        this.policyNames = Map.copyOf(policyNames);
        this.autoCreatePrefix = constraints.autoCreateAccountPrefix();
        this.clock = clock;
        this.rpc = new ReplicatorRpc<>(root, DbPaths.ACCOUNTS, brokers::forReplication, clock);
    }

    private @Nullable AccountBroker broker(AccountPath p) {
        Path device = root.resolve(p.device());
        if (device == null) {
            return null;
        }
        String hash = hashPath.hex(p.account(), null, null);
        return brokers.get(DbPaths.dbFile(device, DbPaths.ACCOUNTS, p.partition(), hash), p.account());
    }

    static AccountResponse insufficientStorage(String device) {
        return AccountResponse.text(
                507,
                "<html><h1>Insufficient Storage</h1><p>There was not enough space to save" + " the resource. Drive: "
                        + device + "</p></html>");
    }

    /** Swift's {@code valid_timestamp}: null with the 400 answer in {@code error[0]} when bad. */
    private static @Nullable Timestamp timestamp(HttpHeaders h, AccountResponse[] error) {
        String raw = h.get("X-Timestamp");
        if (raw == null) {
            error[0] = AccountResponse.text(400, "Missing X-Timestamp header");
            return null;
        }
        try {
            return Timestamp.parse(raw);
        } catch (IllegalArgumentException e) {
            error[0] = AccountResponse.text(400, "Invalid X-Timestamp header");
            return null;
        }
    }

    private static AccountResponse deleted(AccountBroker b, int status, String body) throws SQLException {
        AccountResponse r = body.isEmpty() ? AccountResponse.of(status) : AccountResponse.text(status, body);
        if (b.exists() && b.isStatusDeleted()) {
            r.headers().set("X-Account-Status", "Deleted");
        }
        r.headers().set("Content-Type", "text/html; charset=utf-8");
        return r;
    }

    // ---------------------------------------------------------------- DELETE

    public AccountResponse delete(AccountPath p, HttpHeaders h) throws SQLException {
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

    // ---------------------------------------------------------------- PUT

    /** {@code PUT /dev/part/account}. */
    public AccountResponse putAccount(AccountPath p, HttpHeaders h) throws Exception {
        AccountBroker b = broker(p);
        if (b == null) {
            return insufficientStorage(p.device());
        }
        return putAccount(b, h);
    }

    /**
     * A container report checked on the device executor: either an immediate answer or the record to
     * hand to the group commit (which must not be awaited on a device thread: the commit runs there).
     *
     * @param immediate the answer when the report is not committed
     * @param broker the account DB to commit to
     * @param record the row
     * @param status the answer after the commit (201, or 204 for a deletion)
     */
    public record ContainerReport(
            @Nullable AccountResponse immediate,
            @Nullable AccountBroker broker,
            @Nullable ContainerRecord record,
            int status) {
        static ContainerReport answer(AccountResponse r) {
            return new ContainerReport(r, null, null, r.status());
        }
    }

    /** Commits a checked report; completes after its transaction. */
    public CompletableFuture<AccountResponse> commit(String device, ContainerReport report) {
        AccountResponse immediate = report.immediate();
        AccountBroker b = report.broker();
        ContainerRecord rec = report.record();
        if (immediate != null || b == null || rec == null) {
            return CompletableFuture.completedFuture(immediate == null ? AccountResponse.of(500) : immediate);
        }
        return committer.submit(device, b, rec).thenApply(done -> AccountResponse.of(report.status()));
    }

    /** {@code PUT /dev/part/account/container}: the checks; see {@link #commit}. */
    public ContainerReport checkContainerReport(AccountPath p, HttpHeaders h) throws Exception {
        AccountBroker b = broker(p);
        if (b == null) {
            return ContainerReport.answer(insufficientStorage(p.device()));
        }
        return checkContainerReport(b, p, h);
    }

    private ContainerReport checkContainerReport(AccountBroker b, AccountPath p, HttpHeaders h) throws Exception {
        Timestamp ts;
        if (h.contains("X-Timestamp")) {
            AccountResponse[] err = new AccountResponse[1];
            ts = timestamp(h, err);
            if (ts == null) {
                return ContainerReport.answer(err[0]);
            }
        } else {
            ts = Timestamp.now(clock);
        }
        if (p.account().startsWith(autoCreatePrefix) && !b.exists()) {
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

    private AccountResponse putAccount(AccountBroker b, HttpHeaders h) throws Exception {
        AccountResponse[] err = new AccountResponse[1];
        Timestamp ts = timestamp(h, err);
        if (ts == null) {
            return err[0];
        }
        DbMetadata updates = requestMetadata(h, ts);
        String tooMuch = updates.violation(constraints.maxMetaCount(), constraints.maxMetaOverallSize());
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

    private @Nullable AccountResponse updateMetadata(AccountBroker b, DbMetadata updates) throws SQLException {
        if (updates.isEmpty()) {
            return null;
        }
        String violation = b.updateMetadata(updates, constraints.maxMetaCount(), constraints.maxMetaOverallSize());
        return violation == null ? null : AccountResponse.text(400, violation);
    }

    /** {@code X-Account-Meta-*} and {@code X-Account-Sysmeta-*} headers, named as WSGI rebuilds them. */
    static DbMetadata requestMetadata(HttpHeaders h, Timestamp ts) {
        DbMetadata md = DbMetadata.empty();
        for (Map.Entry<String, String> e : h) {
            String key = lower(e.getKey());
            if ((key.startsWith("x-account-meta-") && key.length() > 15)
                    || (key.startsWith("x-account-sysmeta-") && key.length() > 18)) {
                md.put(wsgiTitle(e.getKey()), new DbMetadata.Item(wireToUtf8(e.getValue()), ts.internal()));
            }
        }
        return md;
    }

    /** Swift's header name from the WSGI environ: {@code _} becomes {@code -}, then Python's {@code title()}. */
    static String wsgiTitle(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean prevLetter = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i) == '_' ? '-' : name.charAt(i);
            boolean letter = Character.isLetter(c);
            sb.append(letter ? (prevLetter ? Character.toLowerCase(c) : Character.toUpperCase(c)) : c);
            prevLetter = letter;
        }
        return wireToUtf8(sb.toString());
    }

    /** Header values arrive one char per byte; metadata is stored as the UTF-8 text they encode. */
    static String wireToUtf8(String wire) {
        for (int i = 0; i < wire.length(); i++) {
            if (wire.charAt(i) > 0x7f) {
                return new String(wire.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
        }
        return wire;
    }

    private static String utf8ToWire(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- POST

    public AccountResponse post(AccountPath p, HttpHeaders h) throws SQLException {
        AccountResponse[] err = new AccountResponse[1];
        Timestamp ts = timestamp(h, err);
        if (ts == null) {
            return err[0];
        }
        AccountBroker b = broker(p);
        if (b == null) {
            return insufficientStorage(p.device());
        }
        b.commitPendingQuietly();
        if (b.isDeleted()) {
            return deleted(b, 404, "");
        }
        AccountResponse bad = updateMetadata(b, requestMetadata(h, ts));
        return bad != null ? bad : AccountResponse.of(204);
    }

    // ---------------------------------------------------------------- HEAD / GET

    public AccountResponse head(AccountPath p, String contentType) throws SQLException {
        AccountBroker b = broker(p);
        if (b == null) {
            return insufficientStorage(p.device());
        }
        b.commitPendingQuietly();
        if (b.isDeleted()) {
            return deleted(b, 404, "");
        }
        AccountResponse r = AccountResponse.of(204);
        statsHeaders(b, r.headers());
        r.headers().set("Content-Type", contentType + "; charset=utf-8");
        return r;
    }

    private void statsHeaders(AccountBroker b, HttpHeaders out) throws SQLException {
        Map<String, @Nullable Object> info = b.info();
        out.set("X-Account-Container-Count", String.valueOf(info.get("container_count")));
        out.set("X-Account-Object-Count", String.valueOf(info.get("object_count")));
        out.set("X-Account-Bytes-Used", String.valueOf(info.get("bytes_used")));
        out.set(
                "X-Timestamp",
                Timestamp.parse(String.valueOf(info.get("created_at"))).normal());
        out.set(
                "X-PUT-Timestamp",
                Timestamp.parse(String.valueOf(info.get("put_timestamp"))).normal());
        for (Map.Entry<Integer, long[]> e : b.policyStats().entrySet()) {
            String name = policyNames.get(e.getKey());
            if (name == null) {
                continue;
            }
            String prefix = "X-Account-Storage-Policy-" + name + "-";
            out.set(prefix + "Container-Count", String.valueOf(e.getValue()[0]));
            out.set(prefix + "Object-Count", String.valueOf(e.getValue()[1]));
            out.set(prefix + "Bytes-Used", String.valueOf(e.getValue()[2]));
        }
        for (Map.Entry<String, DbMetadata.Item> e : b.metadata().items().entrySet()) {
            if (!e.getValue().value().isEmpty()) {
                out.set(utf8ToWire(e.getKey()), utf8ToWire(e.getValue().value()));
            }
        }
    }

    /** The listing; {@code params} already validated (400/406/412 answered by the caller). */
    public AccountResponse get(AccountPath p, ListingParams params, boolean allowReserved) throws SQLException {
        AccountBroker b = broker(p);
        if (b == null) {
            return insufficientStorage(p.device());
        }
        b.commitPendingQuietly();
        if (b.isDeleted()) {
            return deleted(b, 404, "");
        }
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
                    : new AccountResponse(
                            200, new io.netty.handler.codec.http.DefaultHttpHeaders(), ByteBufUtil.getBytes(buf));
            statsHeaders(b, r.headers());
            r.headers().set("Content-Type", params.contentType() + "; charset=utf-8");
            return r;
        } finally {
            buf.release();
        }
    }

    /** Validates listing parameters as the account server does; the answer for bad ones. */
    public static AccountResponse badListing(ListingException e) {
        AccountResponse r = AccountResponse.text(e.status(), String.valueOf(e.getMessage()));
        if (e.status() == 400) {
            // get_param raises HTTPBadRequest with content_type='text/plain' (no charset); 412/406 use swob's default
            r.headers().set("Content-Type", "text/plain");
        }
        return r;
    }

    // ---------------------------------------------------------------- REPLICATE

    public AccountResponse replicate(AccountPath p, byte[] body) throws SQLException, IOException {
        if (p.container() != null) {
            return AccountResponse.text(
                    400,
                    "Invalid path: /" + p.device() + "/" + p.partition() + "/" + p.account() + "/" + p.container());
        }
        if (root.resolve(p.device()) == null) {
            return insufficientStorage(p.device());
        }
        Object args;
        try {
            args = Json.parse(new String(body, StandardCharsets.UTF_8));
        } catch (Json.JsonException e) {
            return AccountResponse.text(400, String.valueOf(e.getMessage()));
        }
        ReplicatorRpc.Result result = rpc.dispatch(p.device(), p.partition(), p.account(), args);
        AccountResponse r = result.body().isEmpty()
                ? AccountResponse.swobDefault(result.status())
                : AccountResponse.text(result.status(), result.body());
        if (result.status() == 200) {
            r.headers().set("Content-Type", "text/html; charset=UTF-8");
        }
        return r;
    }
}
