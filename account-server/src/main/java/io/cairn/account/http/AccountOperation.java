package io.cairn.account.http;

import io.cairn.account.db.AccountBroker;
import io.cairn.common.db.DbMetadata;
import io.cairn.common.db.DbPaths;
import io.cairn.common.time.Timestamp;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One verb of Swift 2.30.1's {@code AccountController}. The checks and answers the verbs share ({@code
 * valid_timestamp}, {@code check_drive}, the deleted-account answer, metadata from headers, the stats headers)
 * live here so each subclass reads as Swift's method does. Every operation blocks on SQLite: call it on the
 * device's executor.
 *
 * <p>Thread-safe: stateless beyond the shared context.
 */
abstract class AccountOperation {
    protected final AccountContext ctx;

    AccountOperation(AccountContext ctx) {
        this.ctx = ctx;
    }

    /** The request's account broker, or null when the device is unusable ({@code check_drive}: 507). */
    protected final @Nullable AccountBroker broker(AccountPath p) {
        Path device = ctx.root().resolve(p.device());
        if (device == null) {
            return null;
        }
        String hash = ctx.hashPath().hex(p.account(), null, null);
        return ctx.brokers().get(DbPaths.dbFile(device, DbPaths.ACCOUNTS, p.partition(), hash), p.account());
    }

    /** Work on the broker of an account that is not deleted. */
    @FunctionalInterface
    interface LiveAccountWork {
        AccountResponse run(AccountBroker broker) throws SQLException;
    }

    /**
     * Runs {@code work} on the account's broker after {@code check_drive} (507) and Swift's {@code is_deleted}
     * with the pending rows folded first (404, with {@code X-Account-Status: Deleted} once deleted).
     */
    protected final AccountResponse onLiveAccount(AccountPath p, LiveAccountWork work) throws SQLException {
        AccountBroker b = broker(p);
        if (b == null) {
            return insufficientStorage(p.device());
        }
        b.commitPendingQuietly();
        if (b.isDeleted()) {
            return deleted(b, 404, "");
        }
        return work.run(b);
    }

    /** Work on the account's broker at the request's {@code X-Timestamp}. */
    @FunctionalInterface
    interface TimestampedWork {
        AccountResponse run(AccountBroker broker, Timestamp timestamp) throws Exception;
    }

    /** {@code check_drive} (507), then {@code valid_timestamp} (400), then {@code work}: Swift's PUT and DELETE. */
    protected final AccountResponse onDeviceAt(AccountPath p, HttpHeaders h, TimestampedWork work) throws Exception {
        AccountBroker b = broker(p);
        if (b == null) {
            return insufficientStorage(p.device());
        }
        AccountResponse[] err = new AccountResponse[1];
        Timestamp ts = timestamp(h, err);
        if (ts == null) {
            return err[0];
        }
        return work.run(b, ts);
    }

    static AccountResponse insufficientStorage(String device) {
        return AccountResponse.text(
                507,
                "<html><h1>Insufficient Storage</h1><p>There was not enough space to save" + " the resource. Drive: "
                        + device + "</p></html>");
    }

    /** Swift's {@code valid_timestamp}: null with the 400 answer in {@code error[0]} when bad. */
    static @Nullable Timestamp timestamp(HttpHeaders h, AccountResponse[] error) {
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

    static AccountResponse deleted(AccountBroker b, int status, String body) throws SQLException {
        AccountResponse r = body.isEmpty() ? AccountResponse.of(status) : AccountResponse.text(status, body);
        if (b.exists() && b.isStatusDeleted()) {
            r.headers().set("X-Account-Status", "Deleted");
        }
        r.headers().set("Content-Type", "text/html; charset=utf-8");
        return r;
    }

    protected final @Nullable AccountResponse updateMetadata(AccountBroker b, DbMetadata updates) throws SQLException {
        if (updates.isEmpty()) {
            return null;
        }
        String violation = b.updateMetadata(
                updates, ctx.constraints().maxMetaCount(), ctx.constraints().maxMetaOverallSize());
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

    static String utf8ToWire(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** The account's stats, per-policy stats and metadata as HEAD and GET answer them. */
    protected final void statsHeaders(AccountBroker b, HttpHeaders out) throws SQLException {
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
            String name = ctx.policyNames().get(e.getKey());
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
}
