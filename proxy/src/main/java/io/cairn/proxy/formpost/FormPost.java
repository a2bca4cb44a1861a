package io.cairn.proxy.formpost;

import io.cairn.common.config.ConfigSection;
import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.info.AccountInfo;
import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.info.InfoCache;
import io.cairn.proxy.swift.Deferred;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.ForeignRequest;
import io.cairn.proxy.swift.Middleware;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.tempurl.AllowedDigests;
import io.cairn.proxy.tempurl.TempUrl;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code formpost} filter ({@code common/middleware/formpost.py}): a {@code POST} with a {@code
 * multipart/form-data} body and a {@code boundary} is a browser's form upload. Its fields ({@code redirect},
 * {@code max_file_size}, {@code max_file_count}, {@code expires}, {@code signature}, {@code x_delete_at}, {@code
 * x_delete_after}, {@code content-type}, {@code content-encoding}) come before its files; each file becomes a PUT
 * of {@code <path>[/]<filename>}, streamed from the form as it arrives and not authorized as anyone (Swift's {@code
 * make_pre_authed_env}) once the signature (over the path, redirect, limits and expiry) matched one of the
 * account's or container's TempURL keys. Every other request passes.
 *
 * <p>Immutable and thread-safe; above server-side copy, right after {@code tempurl} (Swift's documented place).
 */
public final class FormPost implements Middleware {
    private static final Set<String> KNOWN = Set.of("use", "allowed_digests");

    private final AllowedDigests digests;
    private final Clock clock;

    FormPost(AllowedDigests digests, Clock clock) {
        this.digests = digests;
        this.clock = clock;
    }

    /** {@code [filter:formpost]}: {@code allowed_digests}; unknown keys go to {@code warnings}. */
    public static FormPost from(ConfigSection section, List<String> warnings, Clock clock) {
        section.unknownKeys(KNOWN).forEach(k -> warnings.add("[" + section.name() + "] unknown key " + k));
        return new FormPost(AllowedDigests.from(section, warnings), clock);
    }

    @Override
    public boolean aboveCopy() {
        return true;
    }

    @Override
    public void registerInfo(Map<String, Object> info) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("allowed_digests", digests.allowed());
        if (!digests.deprecated().isEmpty()) {
            f.put("deprecated_digests", digests.deprecated());
        }
        info.put("formpost", f);
    }

    @Override
    public @Nullable Operation operationFor(Exchange ex, SwiftApp next) {
        if (!ex.method().name().equals("POST") || ex.isSubrequest() || ex.request() instanceof ForeignRequest) {
            return next.operationFor(ex);
        }
        Disposition type = Disposition.parse(ex.headers().get(HttpHeaderNames.CONTENT_TYPE, ""));
        String boundary = type.attributes().get("boundary");
        if (!type.value().equals("multipart/form-data") || boundary == null) {
            return next.operationFor(ex);
        }
        FormContext form = new FormContext(ex, next, digests, clock, pathInfo(ex), boundary);
        if (ex.path().container() == null) {
            // Swift's _get_keys: no keys (every file refused) unless the path names a container
            return new FormPostOperation(form, List.of());
        }
        InfoCache cache = ex.services().infoCache();
        CompletableFuture<AccountInfo> account = cache.account(ex.path().account());
        CompletableFuture<ContainerInfo> container =
                cache.container(ex.path().account(), ex.path().containerName());
        return Deferred.when(
                ex,
                CompletableFuture.allOf(account, container),
                () -> new FormPostOperation(form, keys(account, container)));
    }

    /** The account's keys, then the container's (Swift's order). */
    private static List<String> keys(
            CompletableFuture<AccountInfo> account, CompletableFuture<ContainerInfo> container) {
        List<String> keys = new ArrayList<>();
        AccountInfo a = Deferred.resultOf(account);
        ContainerInfo c = Deferred.resultOf(container);
        if (a != null) {
            keys.addAll(TempUrl.keysOf(a.meta()));
        }
        if (c != null) {
            keys.addAll(TempUrl.keysOf(c.meta()));
        }
        return keys;
    }

    /** The request's path, unquoted, trailing slash kept: Swift's {@code wsgi_to_str(env['PATH_INFO'])}. */
    private static String pathInfo(Exchange ex) {
        String uri = ex.request().uri();
        int q = uri.indexOf('?');
        String raw = q < 0 ? uri : uri.substring(0, q);
        return new String(PercentCoding.unquoteToBytes(raw), StandardCharsets.UTF_8);
    }
}
