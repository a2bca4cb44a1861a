package io.cairn.account.http;

import io.cairn.common.io.DeviceBusyException;
import io.cairn.common.io.DeviceExecutors;
import io.cairn.common.listing.ListingContentType;
import io.cairn.common.listing.ListingException;
import io.cairn.common.listing.ListingParams;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Runs each account request on its device's executor and writes the answer back on the event loop.
 * Requests are small control-plane messages (aggregated with a size limit upstream).
 *
 * <p>Sharable and thread-safe: no per-channel state.
 */
@ChannelHandler.Sharable
public final class AccountRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final AccountHeadOperation head;
    private final AccountGetOperation get;
    private final AccountPutOperation put;
    private final ContainerReportOperation report;
    private final AccountPostOperation post;
    private final AccountDeleteOperation delete;
    private final AccountReplicateOperation replicate;
    private final DeviceExecutors executors;
    private final int listingLimit;

    /** One operation per verb over {@code ctx}, run on {@code executors}; listings up to {@code listingLimit}. */
    public AccountRequestHandler(AccountContext ctx, DeviceExecutors executors, int listingLimit) {
        this.head = new AccountHeadOperation(ctx);
        this.get = new AccountGetOperation(ctx);
        this.put = new AccountPutOperation(ctx);
        this.report = new ContainerReportOperation(ctx);
        this.post = new AccountPostOperation(ctx);
        this.delete = new AccountDeleteOperation(ctx);
        this.replicate = new AccountReplicateOperation(ctx);
        this.executors = executors;
        this.listingLimit = listingLimit;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        boolean head = req.method().equals(HttpMethod.HEAD);
        AccountPath path;
        try {
            path = AccountPath.parse(req.uri());
        } catch (AccountPath.BadPath bad) {
            write(ctx, AccountResponse.text(bad.status, String.valueOf(bad.getMessage())), keepAlive, head);
            return;
        }
        if (req.method().equals(HttpMethod.PUT) && path.container() != null) {
            HttpHeaders h = req.headers();
            executors
                    .submit(path.device(), () -> report.check(path, h))
                    .thenCompose(checked -> report.commit(path.device(), checked))
                    .whenComplete((resp, failure) -> ctx.executor().execute(() -> {
                        AccountResponse r = failure == null ? resp : failed(failure);
                        write(ctx, r, keepAlive, head);
                    }));
            return;
        }
        Callable<AccountResponse> op;
        try {
            op = operation(req, path);
        } catch (ListingException e) {
            write(ctx, AccountGetOperation.badListing(e), keepAlive, head);
            return;
        }
        executors
                .submit(path.device(), op)
                .whenComplete((resp, failure) -> ctx.executor().execute(() -> {
                    AccountResponse r = failure == null ? resp : failed(failure);
                    write(ctx, r, keepAlive, head);
                }));
    }

    private Callable<AccountResponse> operation(FullHttpRequest req, AccountPath p) throws ListingException {
        HttpHeaders h = req.headers();
        String method = req.method().name();
        return switch (method) {
            case "GET" -> p.container() == null ? listing(req, p) : () -> AccountResponse.of(405);
            case "HEAD" -> {
                String type = ListingContentType.negotiate(queryFormat(req.uri()), h.get(HttpHeaderNames.ACCEPT));
                yield () -> head.handle(p, type);
            }
            case "PUT" -> () -> put.handle(p, h);
            case "POST" -> () -> post.handle(p, h);
            case "DELETE" -> () -> delete.handle(p, h);
            case "REPLICATE" -> {
                byte[] body = ByteBufUtil.getBytes(req.content());
                yield () -> replicate.handle(p, body);
            }
            default -> () -> AccountResponse.of(405);
        };
    }

    private Callable<AccountResponse> listing(FullHttpRequest req, AccountPath p) throws ListingException {
        HttpHeaders h = req.headers();
        int q = req.uri().indexOf('?');
        ListingParams params = ListingParams.forAccount(
                q < 0 ? null : req.uri().substring(q + 1), h.get(HttpHeaderNames.ACCEPT), listingLimit);
        boolean reserved = "true".equals(lower(h.get("X-Backend-Allow-Reserved-Names", "")));
        return () -> get.handle(p, params, reserved);
    }

    private static @org.jspecify.annotations.Nullable String queryFormat(String uri) throws ListingException {
        int q = uri.indexOf('?');
        return q < 0
                ? null
                : io.cairn.common.listing.QueryParameters.parse(uri.substring(q + 1))
                        .get("format");
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static AccountResponse failed(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof DeviceBusyException) {
            return AccountResponse.text(503, "Service Unavailable");
        }
        return AccountResponse.text(500, "An error occurred: " + t);
    }

    private static void write(ChannelHandlerContext ctx, AccountResponse r, boolean keepAlive, boolean head) {
        FullHttpResponse resp = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(r.status()),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(r.body()));
        resp.headers().set(r.headers());
        if (!resp.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
            resp.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");
        }
        HttpUtil.setContentLength(resp, r.body().length);
        HttpUtil.setKeepAlive(resp, keepAlive);
        ctx.writeAndFlush(resp);
    }
}
