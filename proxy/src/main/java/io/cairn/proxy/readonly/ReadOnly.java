package io.cairn.proxy.readonly;

import io.cairn.common.config.ConfigSection;
import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.info.AccountInfo;
import io.cairn.proxy.swift.Answer;
import io.cairn.proxy.swift.Deferred;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Middleware;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code read_only} on the application seam: a COPY, POST, PUT (and DELETE unless {@code allow_deletes}) to
 * an account that is read-only — its {@code read-only} sysmeta when set, else the cluster's {@code read_only} — is
 * answered 405 before anything is written.
 *
 * <p>Immutable; its operations are confined to the exchange's event loop.
 */
public final class ReadOnly implements Middleware {
    static final String REFUSAL = "Writes are disabled for this account.";
    /** A refused body up to this size is read and dropped, so the connection stays usable. */
    private static final long SMALL_BODY = 64 * 1024;

    private static final Set<String> KNOWN = Set.of("use", "read_only", "allow_deletes");

    private final boolean readOnly;
    private final boolean allowDeletes;

    ReadOnly(boolean readOnly, boolean allowDeletes) {
        this.readOnly = readOnly;
        this.allowDeletes = allowDeletes;
    }

    /** {@code [filter:read_only]}: {@code read_only}, {@code allow_deletes} (both Swift's config_true_value). */
    public static ReadOnly from(ConfigSection section, List<String> warnings) {
        section.unknownKeys(KNOWN).forEach(k -> warnings.add("[" + section.name() + "] unknown key " + k));
        return new ReadOnly(
                ConfigSection.isTrue(section.getString("read_only", "").strip()),
                ConfigSection.isTrue(section.getString("allow_deletes", "").strip()));
    }

    /** Above copy, and so also before auth: {@link Middleware#afterAuth}'s default follows this. */
    @Override
    public boolean aboveCopy() {
        return true;
    }

    @Override
    public void registerInfo(Map<String, Object> info) {
        if (readOnly) {
            info.put("read_only", Map.of());
        }
    }

    /** Whether {@code method} writes (Swift's {@code write_methods}). */
    boolean isWrite(String method) {
        return method.equals("COPY")
                || method.equals("POST")
                || method.equals("PUT")
                || (method.equals("DELETE") && !allowDeletes);
    }

    /** Whether an account whose {@code read-only} sysmeta is {@code flag} (null or empty: unset) takes no writes. */
    boolean accountReadOnly(@Nullable String flag) {
        return (flag == null || flag.isEmpty()) ? readOnly : ConfigSection.isTrue(flag);
    }

    @Override
    public @Nullable Operation operationFor(Exchange ex, SwiftApp next) {
        String method = ex.method().name();
        if (!isWrite(method)) {
            return next.operationFor(ex);
        }
        String account = ex.path().account();
        String destination = ex.headers().get("Destination-Account");
        if (method.equals("COPY") && destination != null && !destination.isEmpty()) {
            account = PercentCoding.unquote(destination);
        }
        CompletableFuture<AccountInfo> lookup = ex.services().infoCache().account(account);
        return Deferred.when(ex, lookup, () -> {
            AccountInfo info = Deferred.resultOf(lookup);
            if (!accountReadOnly(info == null ? null : info.sysmeta().get("read-only"))) {
                return next.operationFor(ex);
            }
            return refuse(ex, SwiftResponses.withText(405, REFUSAL));
        });
    }

    /** A small body is read first (the connection stays usable); a large upload is not waited for. */
    private static Operation refuse(Exchange ex, FullHttpResponse refusal) {
        boolean small = !HttpUtil.isTransferEncodingChunked(ex.request())
                && HttpUtil.getContentLength(ex.request(), 0L) <= SMALL_BODY;
        return small ? Answer.afterBody(ex, refusal) : Answer.now(ex, refusal);
    }
}
