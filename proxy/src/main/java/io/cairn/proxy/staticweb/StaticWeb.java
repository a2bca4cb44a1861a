package io.cairn.proxy.staticweb;

import io.cairn.common.config.ConfigSection;
import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.swift.Deferred;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Middleware;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code staticweb} filter (above {@code copy}, after the auth filter): serves GET and HEAD of a container
 * or object as a web site when the request carries no user token (or asks {@code X-Web-Mode: true}) and the
 * container's {@code web-*} metadata asks for it; everything else passes on untouched.
 *
 * <p>Immutable.
 *
 * @param urlScheme the scheme of redirects' {@code Location} ({@code url_base}), or null for the request's
 * @param urlHost the host of redirects' {@code Location} ({@code url_base}), or null for the request's
 */
public record StaticWeb(
        @Nullable String urlScheme, @Nullable String urlHost) implements Middleware {
    private static final Set<String> KNOWN = Set.of("use", "url_base");

    /** {@code [filter:staticweb]}: {@code url_base} (e.g. {@code https://www.example.com}) for redirects. */
    public static StaticWeb from(ConfigSection section, List<String> warnings) {
        section.unknownKeys(KNOWN).forEach(k -> warnings.add("[" + section.name() + "] unknown key " + k));
        String base = section.getString("url_base", "").strip();
        if (base.isEmpty()) {
            return new StaticWeb(null, null);
        }
        try {
            URI u = new URI(base);
            return new StaticWeb(u.getScheme(), u.getRawAuthority());
        } catch (URISyntaxException e) {
            warnings.add("[" + section.name() + "] url_base " + base + " is not a URL: ignored");
            return new StaticWeb(null, null);
        }
    }

    @Override
    public boolean aboveCopy() {
        return true;
    }

    @Override
    public boolean afterAuth() {
        return true;
    }

    @Override
    public void registerInfo(Map<String, Object> info) {
        info.put("staticweb", Map.of());
    }

    @Override
    public @Nullable Operation operationFor(Exchange ex, SwiftApp next) {
        String method = ex.method().name();
        SwiftPath p = ex.path();
        if (!(method.equals("GET") || method.equals("HEAD"))
                || p.container() == null
                || !ex.services().access().authorizes()
                || (!webMode(ex) && ex.services().access().isAuthenticated(ex.headers()))) {
            return next.operationFor(ex);
        }
        CompletableFuture<ContainerInfo> lookup = ex.services().infoCache().container(p.account(), p.containerName());
        return Deferred.when(ex, lookup, () -> {
            ContainerInfo info = Deferred.resultOf(lookup);
            WebSettings web = WebSettings.of(info);
            WebRequest request = new WebRequest(ex, next, this, web, info);
            return p.object() == null || p.object().isEmpty() ? request.container() : request.object();
        });
    }

    static boolean webMode(Exchange ex) {
        return ConfigSection.isTrue(ex.headers().get("X-Web-Mode"));
    }
}
