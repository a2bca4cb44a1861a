package io.cairn.object.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * The request dispatch stage: routes each request head to its {@link ObjectOperation} (405 for methods
 * the object server does not serve), answers early rejections (412 bad UTF-8, 503 unknown policy, 400
 * bad path), and hands body chunks to the running operation. Requests pipelined behind one still in
 * progress wait in arrival order, so responses leave in request order.
 *
 * <p>Confined to the channel's event loop. Every inbound {@code HttpContent} is passed on (ownership
 * moves to the operation) or released here exactly once.
 */
public final class ObjectRequestHandler extends ChannelInboundHandlerAdapter implements Exchange.Completion {
    private static final System.Logger LOG = System.getLogger(ObjectRequestHandler.class.getName());
    private static final String ALLOW = "DELETE, GET, HEAD, OPTIONS, POST, PUT, REPLICATE, SSYNC";
    private static final String ALLOW_NO_REPLICATION = "DELETE, GET, HEAD, OPTIONS, POST, PUT";

    private final ObjectApi api;
    private @Nullable ObjectOperation current;
    private @Nullable Exchange currentExchange;
    /** The current request's body is still arriving. */
    private boolean readingBody;
    /** Messages of requests pipelined behind the current one; each is released or replayed once. */
    private final ArrayDeque<Object> deferred = new ArrayDeque<>();

    private boolean replaying;

    public ObjectRequestHandler(ObjectApi api) {
        this.api = api;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HttpObject httpObject)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        boolean busy = currentExchange != null && !readingBody;
        if (busy || (!deferred.isEmpty() && !replaying)) {
            // a previous request is still being answered: keep arrival order
            deferred.addLast(msg);
            ctx.channel().config().setAutoRead(false);
            return;
        }
        dispatch(ctx, httpObject);
    }

    private void dispatch(ChannelHandlerContext ctx, HttpObject msg) {
        if (msg instanceof HttpRequest request) {
            if (request.decoderResult().isFailure()) {
                ReferenceCountUtil.release(msg);
                FullHttpResponse response = Responses.status(ctx.alloc(), SwiftStatus.BAD_REQUEST, null, null);
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(response);
                return;
            }
            readingBody = true;
            startOperation(ctx, request);
        }
        if (msg instanceof HttpContent content) {
            boolean last = content instanceof LastHttpContent;
            ObjectOperation op = current;
            if (op != null && readingBody) {
                op.content(content);
            } else {
                content.release();
            }
            if (last) {
                readingBody = false;
                if (currentExchange != null && currentExchange.isDone()) {
                    clearCurrent();
                }
                replayDeferred(ctx);
            }
        }
    }

    private void startOperation(ChannelHandlerContext ctx, HttpRequest request) {
        HttpMethod method = request.method();
        String name = method.name();
        try {
            if (name.equals("OPTIONS")) {
                answerOptions(ctx, request);
                return;
            }
            boolean replicate = name.equals("REPLICATE") || name.equals("SSYNC");
            if (!isServed(name, replicate)) {
                ObjectRequestPath.decode(request.uri());
                answer(ctx, request, new RequestRejectedException(SwiftStatus.METHOD_NOT_ALLOWED));
                return;
            }
            ObjectRequestPath.decode(request.uri());
            int policy = policyIndex(request);
            ObjectRequestPath path = replicate
                    ? ObjectRequestPath.parseReplicate(request.uri())
                    : ObjectRequestPath.parseObject(request.uri());
            Exchange exchange = new Exchange(ctx, request, path, policy, api, this);
            ObjectOperation op = newOperation(name, exchange);
            current = op;
            currentExchange = exchange;
            try {
                op.start();
            } catch (RequestRejectedException e) {
                // the operation never started: its body (if any) is read and released here, not queued
                current = null;
                exchange.reject(e);
            }
        } catch (RequestRejectedException e) {
            answer(ctx, request, e);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "ERROR __call__ error with " + name + " " + request.uri(), e);
            answer(ctx, request, new RequestRejectedException(SwiftStatus.INTERNAL_ERROR));
        }
    }

    private boolean isServed(String method, boolean replicate) {
        return switch (method) {
            case "PUT", "GET", "HEAD", "POST", "DELETE" -> true;
            default -> replicate && api.settings().replicationServer();
        };
    }

    private static ObjectOperation newOperation(String method, Exchange exchange) {
        return switch (method) {
            case "PUT" -> new PutOperation(exchange);
            case "GET" -> new GetOperation(exchange);
            case "HEAD" -> new HeadOperation(exchange);
            case "POST" -> new PostOperation(exchange);
            case "DELETE" -> new DeleteOperation(exchange);
            case "SSYNC" -> new SsyncOperation(exchange);
            default -> new ReplicateOperation(exchange);
        };
    }

    /** {@code X-Backend-Storage-Policy-Index} (absent = 0); unknown or malformed → 503 as Swift answers. */
    private int policyIndex(HttpRequest request) throws RequestRejectedException {
        String raw = request.headers().get("X-Backend-Storage-Policy-Index");
        if (raw == null || raw.isEmpty()) {
            raw = "0";
        }
        int index;
        try {
            index = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            index = -1;
        }
        if (index < 0 || !api.settings().policyExists(index)) {
            throw new RequestRejectedException(SwiftStatus.SERVICE_UNAVAILABLE, "No policy with index " + raw);
        }
        return index;
    }

    private void answerOptions(ChannelHandlerContext ctx, HttpRequest request) {
        FullHttpResponse response = Responses.status(ctx.alloc(), SwiftStatus.OK, null, null);
        response.headers()
                .set("Allow", api.settings().replicationServer() ? ALLOW : ALLOW_NO_REPLICATION)
                .set("Server", "object-server/cairn");
        answer(ctx, request, response);
    }

    private void answer(ChannelHandlerContext ctx, HttpRequest request, RequestRejectedException rejection) {
        answer(ctx, request, Responses.of(ctx.alloc(), rejection, null));
    }

    /** A response sent without an operation: the exchange ends when the request's body has been read. */
    private void answer(ChannelHandlerContext ctx, HttpRequest request, FullHttpResponse response) {
        Exchange exchange = new Exchange(ctx, request, placeholderPath(), 0, api, this);
        currentExchange = exchange;
        current = null;
        exchange.send(response);
    }

    private static ObjectRequestPath placeholderPath() {
        try {
            return ObjectRequestPath.parseReplicate("/-/0");
        } catch (RequestRejectedException e) {
            throw new IllegalStateException("the placeholder path is valid", e);
        }
    }

    @Override
    public void completed(Exchange exchange) {
        if (exchange != currentExchange) {
            return;
        }
        if (!readingBody) {
            clearCurrent();
            ChannelHandlerContext ctx = exchange.ctx();
            ctx.executor().execute(() -> replayDeferred(ctx));
        }
    }

    private void clearCurrent() {
        current = null;
        currentExchange = null;
    }

    private void replayDeferred(ChannelHandlerContext ctx) {
        if (replaying) {
            return;
        }
        replaying = true;
        try {
            while (!deferred.isEmpty() && (currentExchange == null || readingBody)) {
                dispatch(ctx, (HttpObject) deferred.pollFirst());
            }
        } finally {
            replaying = false;
        }
        if (deferred.isEmpty() && !ctx.channel().config().isAutoRead() && currentExchange == null) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            ObjectOperation op = current;
            if (op != null) {
                op.idle();
            } else {
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Exchange exchange = currentExchange;
        ObjectOperation op = current;
        if (exchange != null) {
            exchange.markClosed();
        }
        if (op != null) {
            op.closed();
        }
        clearCurrent();
        while (!deferred.isEmpty()) {
            ReferenceCountUtil.release(deferred.pollFirst());
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(
                Level.DEBUG,
                "object-server connection error from " + ctx.channel().remoteAddress(),
                cause);
        ctx.close();
    }
}
