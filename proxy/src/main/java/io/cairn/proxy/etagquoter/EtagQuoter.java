package io.cairn.proxy.etagquoter;

import io.cairn.common.config.ConfigSection;
import io.cairn.proxy.info.AccountInfo;
import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.swift.Deferred;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Middleware;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code etag_quoter} on the application seam, above {@code copy}. Account and container requests: the
 * client's {@code X-<Type>-Rfc-Compliant-Etags} (config_true_value, written {@code True}/{@code False}; empty or
 * {@code X-Remove-…} clears it) is stored as {@code X-<Type>-Sysmeta-Rfc-Compliant-Etags}, and shown back under the
 * client's name. Object requests: when the container's flag, else the account's, else {@code enable_by_default}
 * is true, a bare {@code ETag} of the answer is put in double quotes.
 *
 * <p>Immutable; its operations are confined to the exchange's event loop.
 */
public final class EtagQuoter implements Middleware {
    private static final Set<String> KNOWN = Set.of("use", "enable_by_default");
    private static final String FLAG = "rfc-compliant-etags";

    private final String enableByDefault;

    EtagQuoter(String enableByDefault) {
        this.enableByDefault = enableByDefault;
    }

    /** {@code [filter:etag-quoter]}: {@code enable_by_default}. */
    public static EtagQuoter from(ConfigSection section, List<String> warnings) {
        section.unknownKeys(KNOWN).forEach(k -> warnings.add("[" + section.name() + "] unknown key " + k));
        return new EtagQuoter(section.getString("enable_by_default", "false"));
    }

    /** Above copy, and so also before auth: {@link Middleware#afterAuth}'s default follows this. */
    @Override
    public boolean aboveCopy() {
        return true;
    }

    @Override
    public void registerInfo(Map<String, Object> info) {
        info.put("etag_quoter", Map.of("enable_by_default", ConfigSection.isTrue(enableByDefault)));
    }

    @Override
    public @Nullable Operation operationFor(Exchange ex, SwiftApp next) {
        SwiftPath p = ex.path();
        if (p.object() == null) {
            String type = p.container() == null ? "Account" : "Container";
            translateRequest(ex.headers(), type);
            String clientHeader = "X-" + type + "-Rfc-Compliant-Etags";
            String sysmetaHeader = "X-" + type + "-Sysmeta-Rfc-Compliant-Etags";
            ex.filterResponse(r -> {
                String value = r.headers().get(sysmetaHeader);
                if (value != null) {
                    r.headers().remove(sysmetaHeader);
                    r.headers().set(clientHeader, value);
                }
            });
            return next.operationFor(ex);
        }
        CompletableFuture<ContainerInfo> container =
                ex.services().infoCache().container(p.account(), p.containerName());
        return Deferred.when(ex, container, () -> afterContainer(ex, next, Deferred.resultOf(container)));
    }

    private @Nullable Operation afterContainer(Exchange ex, SwiftApp next, @Nullable ContainerInfo container) {
        if (container == null || !container.exists()) {
            return next.operationFor(ex);
        }
        String flag = container.sysmeta().get(FLAG);
        if (flag != null) {
            return quoteIf(ex, next, flag);
        }
        CompletableFuture<AccountInfo> account =
                ex.services().infoCache().account(ex.path().account());
        return Deferred.when(ex, account, () -> {
            AccountInfo info = Deferred.resultOf(account);
            if (info == null || !info.exists()) {
                return next.operationFor(ex);
            }
            String accountFlag = info.sysmeta().get(FLAG);
            return quoteIf(ex, next, accountFlag == null ? enableByDefault : accountFlag);
        });
    }

    private static @Nullable Operation quoteIf(Exchange ex, SwiftApp next, String flag) {
        if (ConfigSection.isTrue(flag)) {
            ex.filterResponse(r -> {
                String etag = r.headers().get(HttpHeaderNames.ETAG);
                if (etag != null) {
                    r.headers().set(HttpHeaderNames.ETAG, quoted(etag));
                }
            });
        }
        return next.operationFor(ex);
    }

    /**
     * The client's setting as the sysmeta Swift stores: {@code True}/{@code False} (Python's str of
     * config_true_value), empty to clear it (an empty value or any {@code X-Remove-…}).
     */
    static void translateRequest(HttpHeaders headers, String type) {
        String clientHeader = "X-" + type + "-Rfc-Compliant-Etags";
        String sysmetaHeader = "X-" + type + "-Sysmeta-Rfc-Compliant-Etags";
        String value = headers.get(clientHeader);
        if (value != null) {
            headers.set(sysmetaHeader, value.isEmpty() ? "" : ConfigSection.isTrue(value) ? "True" : "False");
        }
        String remove = headers.get("X-Remove-" + type + "-Rfc-Compliant-Etags");
        if (remove != null && !remove.isEmpty()) {
            headers.set(sysmetaHeader, "");
        }
    }

    /** {@code etag} in double quotes unless it already is (strong or weak). */
    static String quoted(String etag) {
        return (etag.startsWith("\"") || etag.startsWith("W/\"")) && etag.endsWith("\"") ? etag : "\"" + etag + "\"";
    }
}
