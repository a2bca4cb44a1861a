package io.cairn.container.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Routes each aggregated request to its operation ({@code PUT}, {@code HEAD}, {@code GET}, {@code POST},
 * {@code DELETE} of a container; {@code PUT}/{@code DELETE} of an object row) and writes the answer.
 * Requests of one connection are answered in order: while one is in flight, later pipelined ones wait
 * in a queue (retained, released when handled or when the channel closes).
 *
 * <p>One instance per channel; confined to the channel's event loop (operation completions hop back to
 * it before touching the queue).
 */
public final class ContainerRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final ContainerContext ctx;
    private final ContainerPutOperation put;
    private final ContainerHeadOperation head;
    private final ContainerGetOperation get;
    private final ContainerPostOperation post;
    private final ContainerDeleteOperation delete;
    private final ObjectRowPutOperation rowPut;
    private final ObjectRowDeleteOperation rowDelete;
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>(2);
    private boolean inFlight;

    /** @param writeTimeout longest wait for a slow client to take a listing chunk */
    public ContainerRequestHandler(ContainerContext ctx, Duration writeTimeout) {
        super(false);
        this.ctx = ctx;
        this.put = new ContainerPutOperation(ctx);
        this.head = new ContainerHeadOperation(ctx);
        this.get = new ContainerGetOperation(ctx, writeTimeout);
        this.post = new ContainerPostOperation(ctx);
        this.delete = new ContainerDeleteOperation(ctx);
        this.rowPut = new ObjectRowPutOperation(ctx);
        this.rowDelete = new ObjectRowDeleteOperation(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext channel, FullHttpRequest request) {
        if (inFlight) {
            waiting.addLast(request);
            return;
        }
        start(channel, request);
    }

    private void start(ChannelHandlerContext channel, FullHttpRequest request) {
        inFlight = true;
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean isHead = request.method().equals(HttpMethod.HEAD);
        String what = request.method() + " " + request.uri();
        CompletableFuture<@Nullable SwiftResponse> answer;
        try {
            ContainerRequest req =
                    ContainerRequest.parse(request, ctx.settings().validator());
            answer = dispatch(req, channel);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        } finally {
            request.release();
        }
        answer.whenComplete((response, failure) -> channel.executor().execute(() -> {
            SwiftResponse r = failure != null ? ContainerErrors.toResponse(failure, what) : response;
            if (r != null) {
                write(channel, r, isHead, keepAlive);
            }
            inFlight = false;
            FullHttpRequest next = waiting.pollFirst();
            if (next != null) {
                start(channel, next);
            }
        }));
    }

    private CompletableFuture<@Nullable SwiftResponse> dispatch(ContainerRequest req, ChannelHandlerContext channel) {
        String method = req.method().name();
        boolean row = req.object() != null;
        CompletableFuture<SwiftResponse> whole;
        switch (method) {
            case "GET" -> {
                return get.stream(req, channel.channel());
            }
            case "HEAD" -> whole = head.handle(req);
            case "PUT" -> whole = row ? rowPut.handle(req) : put.handle(req);
            case "DELETE" -> whole = row ? rowDelete.handle(req) : delete.handle(req);
            case "POST" -> {
                if (row) {
                    throw new SwiftHttpException(SwiftResponse.text(400, "Invalid path: " + pathOf(req)));
                }
                whole = post.handle(req);
            }
            default -> whole = CompletableFuture.completedFuture(SwiftResponse.of(405));
        }
        return whole.thenApply(r -> r);
    }

    private static String pathOf(ContainerRequest req) {
        return WirePaths.quote("/" + req.device() + "/" + req.partition() + "/" + req.account() + "/" + req.container()
                + "/" + req.object());
    }

    private static void write(ChannelHandlerContext channel, SwiftResponse r, boolean isHead, boolean keepAlive) {
        FullHttpResponse http = r.toHttp(channel.alloc(), isHead);
        if (!keepAlive) {
            channel.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.writeAndFlush(http);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext channel) {
        FullHttpRequest r;
        while ((r = waiting.pollFirst()) != null) {
            r.release();
        }
        channel.fireChannelInactive();
    }
}
