package io.cairn.proxy.swift;

import io.cairn.common.time.Timestamp;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

/**
 * The dispatch stage (Swift's {@code Application.handle_request} / {@code get_controller}): parses the
 * path, stamps the request's {@code X-Timestamp}, picks the controller for the resource and starts the
 * operation for the verb, then feeds it the body. One request is served at a time per connection: reading
 * pauses after a request's end until its response is written (pipelined requests wait in the socket).
 *
 * <p>Confined to the channel's event loop.
 */
public final class SwiftDispatchHandler extends ChannelInboundHandlerAdapter {
    private final ProxyServices services;
    private @Nullable Operation operation;
    private @Nullable Exchange exchange;
    private boolean discarding;

    public SwiftDispatchHandler(ProxyServices services) {
        this.services = services;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            begin(ctx, request);
        }
        if (msg instanceof HttpContent content) {
            Exchange ex = exchange;
            Operation op = operation;
            if (content instanceof LastHttpContent && ex != null) {
                ex.markRequestComplete();
                if (!ex.isDone()) {
                    ctx.channel().config().setAutoRead(false);
                }
            }
            if (op != null && !discarding) {
                op.content(content);
            } else {
                ReferenceCountUtil.release(content);
            }
        } else if (!(msg instanceof HttpRequest)) {
            ReferenceCountUtil.release(msg);
        }
    }

    private void begin(ChannelHandlerContext ctx, HttpRequest request) {
        discarding = false;
        if (HealthPaths.isInfo(request.uri())) {
            operation = null;
            Exchange ex = newExchange(ctx, request, new SwiftPath("", "", null, null, ""));
            exchange = ex;
            discarding = true;
            ex.respond(InfoResponse.answer(services, request.method()));
            return;
        }
        SwiftPath.Parsed parsed = SwiftPath.parse(request.uri(), services.validator());
        SwiftPath path = parsed.path();
        if (path == null) {
            Exchange ex = newExchange(ctx, request, new SwiftPath("", "", null, null, ""));
            exchange = ex;
            operation = null;
            discarding = true;
            var v = parsed.violation();
            ex.respond(
                    v == null || v.body().isEmpty()
                            ? SwiftResponses.standard(v == null ? 400 : v.status())
                            : SwiftResponses.withText(v.status(), v.body()));
            return;
        }
        Exchange ex = newExchange(ctx, request, path);
        exchange = ex;
        ex.lookUpCors();
        Operation op = Controllers.operationFor(ex);
        operation = op;
        if (op == null) {
            discarding = true;
            return;
        }
        op.start();
    }

    private Exchange newExchange(ChannelHandlerContext ctx, HttpRequest request, SwiftPath path) {
        // a request without a body is whole at its head: its answer may keep the connection
        boolean complete = request instanceof LastHttpContent || !hasBody(request);
        Exchange[] self = new Exchange[1];
        ClientSink sink = new ClientSink(ctx, request, () -> self[0] != null && self[0].requestComplete(), () -> {
            if (exchange == self[0]) {
                operation = null;
                exchange = null;
                discarding = false;
            }
            if (ctx.channel().isActive()) {
                ctx.channel().config().setAutoRead(true);
                ctx.channel().read();
            }
        });
        Exchange ex =
                new Exchange(ctx.channel(), request, path, Timestamp.now(services.clock()), services, sink, false);
        if (complete) {
            ex.markRequestComplete();
        }
        self[0] = ex;
        return ex;
    }

    private static boolean hasBody(HttpRequest request) {
        if (HttpUtil.isTransferEncodingChunked(request)) {
            return true;
        }
        try {
            return HttpUtil.getContentLength(request, 0L) != 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Operation op = operation;
        if (op != null) {
            op.clientWritabilityChanged();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Operation op = operation;
        operation = null;
        exchange = null;
        if (op != null) {
            op.clientClosed();
        }
        ctx.fireChannelInactive();
    }
}
