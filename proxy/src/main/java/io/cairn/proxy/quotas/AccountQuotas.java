package io.cairn.proxy.quotas;

import io.cairn.common.codec.PythonInts;
import io.cairn.proxy.info.AccountInfo;
import io.cairn.proxy.swift.Answer;
import io.cairn.proxy.swift.Deferred;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Middleware;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.cairn.proxy.swift.SwiftResponses;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code account_quotas}: only a reseller admin may set or remove {@code X-Account-Meta-Quota-Bytes}
 * (anyone else: 403; a reseller's non-digit value: 400); an object PUT that would take the account's stored
 * usage past the quota is refused with 413 once the auth system has allowed it (Swift wraps
 * {@code swift.authorize}, so a caller who may not write gets the auth system's answer first).
 *
 * <p>Immutable; its operations are confined to the exchange's event loop.
 */
final class AccountQuotas implements Middleware {
    static final String QUOTA_BYTES = "X-Account-Meta-Quota-Bytes";
    static final String REMOVE_QUOTA_BYTES = "X-Remove-Account-Meta-Quota-Bytes";

    @Override
    public void registerInfo(Map<String, Object> info) {
        info.put("account_quotas", Map.of());
    }

    @Override
    public @Nullable Operation operationFor(Exchange ex, SwiftApp next) {
        String method = ex.method().name();
        if (!method.equals("POST") && !method.equals("PUT")) {
            return next.operationFor(ex);
        }
        SwiftPath p = ex.path();
        String newQuota = null;
        if (p.container() == null) {
            newQuota = ex.headers().get(QUOTA_BYTES);
            String remove = ex.headers().get(REMOVE_QUOTA_BYTES);
            if (remove != null && !remove.isEmpty()) {
                newQuota = "0"; // X-Remove dominates if both are present
            }
        }
        if (ex.isResellerRequest()) {
            if (newQuota != null && !newQuota.isEmpty() && !PythonInts.isDigit(newQuota)) {
                return Answer.afterBody(ex, SwiftResponses.standard(400));
            }
            return next.operationFor(ex);
        }
        if (newQuota != null) {
            return Answer.afterBody(ex, SwiftResponses.standard(403));
        }
        if (method.equals("POST") || p.object() == null) {
            return next.operationFor(ex);
        }
        CompletableFuture<AccountInfo> lookup = ex.services().infoCache().account(p.account());
        return Deferred.when(ex, lookup, () -> decide(ex, next, Deferred.resultOf(lookup)));
    }

    private static @Nullable Operation decide(Exchange ex, SwiftApp next, @Nullable AccountInfo info) {
        if (info == null) {
            return next.operationFor(ex);
        }
        String stored = info.meta().get("quota-bytes");
        BigInteger quota = stored == null ? BigInteger.ONE.negate() : PythonInts.parse(stored);
        if (quota == null || quota.signum() < 0) {
            return next.operationFor(ex);
        }
        BigInteger newSize = BigInteger.valueOf(info.bytes()).add(BigInteger.valueOf(Quotas.contentLength(ex)));
        if (quota.compareTo(newSize) < 0) {
            ex.refuseOnceAuthorized(Quotas::exceeded);
        }
        return next.operationFor(ex);
    }
}
