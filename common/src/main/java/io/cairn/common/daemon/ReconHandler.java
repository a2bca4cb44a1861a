package io.cairn.common.daemon;

import io.cairn.common.codec.Json;
import io.cairn.common.http.AnsweredBody;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Swift's recon middleware as a pipeline stage: a request whose path starts with {@code /recon/} (any
 * method, as Swift's) is answered here with the {@link ReconDocuments} JSON ({@code 200}, {@code
 * application/json}) or {@code 404 Invalid path: <path>} (text/plain); everything else passes on. A
 * server mounts it with {@code p.addLast("recon", new ReconHandler(documents, executor))} before its
 * request dispatcher.
 *
 * <p>The document is built on {@code executor} (it may stat quarantine directories), never on the event
 * loop; the channel stops reading until the answer is written, so a following request on the same
 * connection is not answered first.
 *
 * <p>Confined to the channel's event loop; one instance per channel.
 */
public final class ReconHandler extends ChannelInboundHandlerAdapter {
    private final ReconDocuments documents;
    private final Executor executor;
    private final AnsweredBody answered = new AnsweredBody();

    /** @param executor where documents are built (blocking allowed) */
    public ReconHandler(ReconDocuments documents, Executor executor) {
        this.documents = documents;
        this.executor = executor;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && pathOf(request.uri()).startsWith("/recon/")) {
            String path = pathOf(request.uri());
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            answered.answered(request);
            ctx.channel().config().setAutoRead(false);
            CompletableFuture.supplyAsync(() -> respond(path), executor)
                    .exceptionally(ReconHandler::serverError)
                    .thenAccept(response -> ctx.executor().execute(() -> {
                        HttpUtil.setKeepAlive(response, keepAlive);
                        ctx.writeAndFlush(response);
                        ctx.channel().config().setAutoRead(true);
                    }));
            return;
        }
        if (!answered.drop(msg)) {
            ctx.fireChannelRead(msg);
        }
    }

    private FullHttpResponse respond(String path) {
        Object document = documents.document(path);
        if (document == null) {
            return text(HttpResponseStatus.NOT_FOUND, "Invalid path: " + path);
        }
        return response(HttpResponseStatus.OK, Json.write(document), "application/json; charset=UTF-8");
    }

    private static FullHttpResponse serverError(@Nullable Throwable failure) {
        return text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal server error.");
    }

    private static FullHttpResponse text(HttpResponseStatus status, String body) {
        return response(status, body, "text/plain; charset=UTF-8");
    }

    private static FullHttpResponse response(HttpResponseStatus status, String body, String contentType) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return r;
    }

    static String pathOf(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }
}
