package io.cairn.proxy.server;

import io.cairn.common.http.AccessLogHandler;
import io.cairn.common.http.SwiftHttpServerCodec;
import io.cairn.proxy.cnamelookup.CnameLookup;
import io.cairn.proxy.cnamelookup.CnameLookupHandler;
import io.cairn.proxy.domainremap.DomainRemap;
import io.cairn.proxy.domainremap.DomainRemapHandler;
import io.cairn.proxy.edge.EdgeFilter;
import io.cairn.proxy.edge.EdgeHandler;
import io.cairn.proxy.pipeline.AccessPolicy;
import io.cairn.proxy.pipeline.AuthHandler;
import io.cairn.proxy.pipeline.CatchErrorsHandler;
import io.cairn.proxy.pipeline.ClientTimeoutHandler;
import io.cairn.proxy.pipeline.GatekeeperHandler;
import io.cairn.proxy.pipeline.HealthCheckHandler;
import io.cairn.proxy.pipeline.HttpLimitsHandler;
import io.cairn.proxy.pipeline.ResponseHeadersHandler;
import io.cairn.proxy.pipeline.TransIdHandler;
import io.cairn.proxy.s3api.S3Api;
import io.cairn.proxy.s3api.S3Front;
import io.cairn.proxy.s3api.S3RequestHandler;
import io.cairn.proxy.swift.Middleware;
import io.cairn.proxy.swift.ProxyServices;
import io.cairn.proxy.swift.SwiftDispatchHandler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The proxy's pipeline: one handler per concern, in Swift's middleware order where Swift has one. Bodies
 * stream as {@code HttpContent}; nothing aggregates a request on the data path.
 *
 * <p>Thread-safety: immutable; {@link #initChannel} runs on each new channel's event loop.
 */
public final class ProxyServerInitializer extends ChannelInitializer<Channel> {
    private final ProxyConfig config;
    private final ProxyServices services;
    private final AccessPolicy access;
    private final Consumer<String> accessLog;
    private final @Nullable S3Front s3;

    public ProxyServerInitializer(
            ProxyConfig config, ProxyServices services, AccessPolicy access, Consumer<String> accessLog) {
        this.config = config;
        this.services = services;
        this.access = access;
        this.accessLog = accessLog;
        S3Front front = null;
        for (Middleware m : services.middlewares()) {
            if (m instanceof S3Api s3api) {
                front = s3api.front(
                        access,
                        services.clock(),
                        services.validator().constraints().maxObjectNameLength());
            }
        }
        this.s3 = front;
    }

    @Override
    protected void initChannel(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        // HTTP/1.1 codec; the request line and header block are bounded (max_request_line, header bytes). A 204
        // keeps its Content-Length: 0, as Swift sends it.
        p.addLast(
                "http-codec",
                new SwiftHttpServerCodec(new HttpDecoderConfig()
                        .setMaxInitialLineLength(config.maxRequestLine())
                        .setMaxHeaderSize(config.maxHeaderBytes())
                        .setMaxChunkSize(64 * 1024)));
        // Date, the keep-alive echo and Www-Authenticate on 401s, on every response whoever answers it.
        p.addLast("response-headers", new ResponseHeadersHandler(System::currentTimeMillis));
        // Decoder refusals (line too long, headers too large, malformed) become 414/400 and a close.
        p.addLast("http-limits", new HttpLimitsHandler());
        // client_timeout: idle readers (between requests or mid-body) and stalled readers of responses.
        long idle = config.clientTimeout().toNanos();
        p.addLast("idle", new IdleStateHandler(idle, idle, 0, TimeUnit.NANOSECONDS));
        p.addLast("client-timeout", new ClientTimeoutHandler());
        // catch_errors' transaction id on request (for backends and the log) and response.
        p.addLast("trans-id", new TransIdHandler(config.transIdSuffix(), System::currentTimeMillis));
        // One Swift-style access-log line per request, including those answered by later stages.
        p.addLast("access-log", new AccessLogHandler("proxy-server", accessLog, System::nanoTime));
        // GET /healthcheck answered before auth and without backends.
        p.addLast("healthcheck", new HealthCheckHandler());
        // gatekeeper: internal headers never enter from clients nor leave to them.
        p.addLast("gatekeeper", new GatekeeperHandler());
        // In pipeline order: cname_lookup (a host mapped by DNS CNAME to a storage host, held while DNS answers),
        // domain_remap (the account and container a storage host names become the path's),
        // the filters answering from the request line (crossdomain, name_check, list_endpoints), and s3api (S3
        // requests authenticated and addressed to the user's account), all before auth sees the request.
        int edge = 0;
        for (Middleware m : services.middlewares()) {
            if (m instanceof CnameLookup lookup) {
                p.addLast("cname-lookup", new CnameLookupHandler(lookup));
            } else if (m instanceof DomainRemap remap) {
                p.addLast("domain-remap", new DomainRemapHandler(remap));
            } else if (m instanceof EdgeFilter filter) {
                p.addLast("edge-" + edge++, new EdgeHandler(filter, services));
            } else if (m instanceof S3Api && s3 != null) {
                p.addLast("s3api", new S3RequestHandler(s3));
            }
        }
        // Token issuance on the auth prefix; authorization itself waits for the container ACL.
        p.addLast("auth", new AuthHandler(access));
        // Path → controller → one operation per verb; bodies streamed to it.
        p.addLast("dispatch", new SwiftDispatchHandler(services));
        // Last: any exception no stage handled becomes a 500 and a close.
        p.addLast("catch-errors", new CatchErrorsHandler());
    }
}
