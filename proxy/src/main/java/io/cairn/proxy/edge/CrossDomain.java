package io.cairn.proxy.edge;

import io.cairn.common.config.ConfigSection;
import io.cairn.proxy.swift.ProxyServices;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code crossdomain}: {@code GET /crossdomain.xml} answers 200 with the Flash/Silverlight cross-domain
 * policy document built around {@code cross_domain_policy}; any other method or path goes on.
 *
 * <p>Immutable.
 */
public final class CrossDomain implements EdgeFilter {
    static final String DEFAULT_POLICY = "<allow-access-from domain=\"*\" secure=\"false\" />";
    private static final Set<String> KNOWN = Set.of("use", "cross_domain_policy");

    private final byte[] document;

    CrossDomain(String policy) {
        this.document = ("<?xml version=\"1.0\"?>\n"
                        + "<!DOCTYPE cross-domain-policy SYSTEM "
                        + "\"http://www.adobe.com/xml/dtds/cross-domain-policy.dtd\" >\n"
                        + "<cross-domain-policy>\n"
                        + policy + "\n"
                        + "</cross-domain-policy>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** {@code [filter:crossdomain]}: {@code cross_domain_policy} (may span lines). */
    public static CrossDomain from(ConfigSection section, List<String> warnings) {
        section.unknownKeys(KNOWN).forEach(k -> warnings.add("[" + section.name() + "] unknown key " + k));
        return new CrossDomain(section.getString("cross_domain_policy", DEFAULT_POLICY));
    }

    @Override
    public @Nullable CompletableFuture<FullHttpResponse> answer(
            HttpRequest request, String path, ProxyServices services) {
        if (!request.method().equals(HttpMethod.GET) || !path.equals("/crossdomain.xml")) {
            return null;
        }
        return CompletableFuture.completedFuture(document());
    }

    /** The 200 answer: the document as {@code application/xml}. */
    FullHttpResponse document() {
        FullHttpResponse r = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, SwiftResponses.status(200), Unpooled.wrappedBuffer(document));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/xml");
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, document.length);
        return r;
    }

    @Override
    public void registerInfo(Map<String, Object> info) {
        info.put("crossdomain", Map.of());
    }
}
