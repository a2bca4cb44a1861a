package io.cairn.proxy.cnamelookup;

import io.cairn.common.http.AnsweredBody;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code cname_lookup} pipeline stage, before {@code domain_remap}'s: a request whose {@code Host} needs a DNS
 * lookup ({@link CnameLookup#needsLookup}) is held — reading paused, any part of its body already read kept in
 * order — until the lookup completes on the channel's event loop; it then goes on with the mapped {@code Host}, or
 * is answered with Swift's 400 (its body dropped). As Swift's {@code RewriteContext}, an absolute {@code Location}
 * or {@code Content-Location} naming the mapped host is turned back into the requested one. Requests for IP
 * addresses and storage-domain hosts pass at the cost of a look at the {@code Host} header.
 *
 * <p>Confined to the channel's event loop; one instance per channel (requests on it are answered in order).
 */
public final class CnameLookupHandler extends ChannelDuplexHandler {
    private final CnameLookup lookup;
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private boolean waiting;
    private final AnsweredBody answered = new AnsweredBody();
    private boolean closed;
    private @Nullable String requestedHost;
    private @Nullable Pattern rewrittenHost;

    public CnameLookupHandler(CnameLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (waiting) {
            held.add(msg);
            return;
        }
        if (answered.drop(msg)) {
            return;
        }
        if (msg instanceof HttpRequest request) {
            requestedHost = null;
            rewrittenHost = null;
            answered.reset();
            String host = request.headers().get(HttpHeaderNames.HOST);
            if (lookup.needsLookup(host)) {
                waiting = true;
                held.add(msg);
                ctx.channel().config().setAutoRead(false);
                lookup.map(host, ctx.channel())
                        .whenComplete((mapping, failure) -> ctx.executor()
                                .execute(() -> resume(ctx, host, mapping == null ? unresolved() : mapping)));
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private static CnameLookup.Mapping unresolved() {
        return CnameLookup.Mapping.refused(CnameLookup.NO_VALID_DOMAIN);
    }

    /** The lookup is done: the held request goes on (or is refused), then whatever arrived behind it. */
    private void resume(ChannelHandlerContext ctx, @Nullable String host, CnameLookup.Mapping mapping) {
        waiting = false;
        List<Object> behind = new ArrayList<>(held);
        held.clear();
        if (closed) {
            behind.forEach(ReferenceCountUtil::release);
            return;
        }
        HttpRequest request = (HttpRequest) behind.remove(0);
        // reading resumes first, so a later stage that pauses it for this request has the last word
        ctx.channel().config().setAutoRead(true);
        String error = mapping.error();
        String mapped = mapping.host();
        if (error != null) {
            refuse(ctx, request, error);
            answered.answered(request);
        } else {
            if (mapped != null && host != null) {
                requestedHost = host;
                rewrittenHost = Pattern.compile("^(https?://)" + Pattern.quote(mapped) + "(/.*)?$");
                request.headers().set(HttpHeaderNames.HOST, mapped);
            }
            ctx.fireChannelRead(request);
        }
        for (Object msg : behind) {
            channelRead(ctx, msg);
        }
    }

    /** Swift's {@code HTTPBadRequest(body=msg, content_type='text/plain')} (a HEAD's without its body). */
    private static void refuse(ChannelHandlerContext ctx, HttpRequest request, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        boolean head = request.method().equals(HttpMethod.HEAD);
        FullHttpResponse r = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.BAD_REQUEST,
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain").set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(r, keepAlive);
        ctx.writeAndFlush(r)
                .addListener(keepAlive ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        String requested = requestedHost;
        Pattern rewritten = rewrittenHost;
        if (msg instanceof HttpResponse response && requested != null && rewritten != null) {
            for (String name : new String[] {"Location", "Content-Location"}) {
                String value = response.headers().get(name);
                if (value != null) {
                    Matcher m = rewritten.matcher(value);
                    if (m.matches()) {
                        String path = m.group(2);
                        response.headers().set(name, m.group(1) + requested + (path == null ? "" : path));
                    }
                }
            }
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closed = true;
        if (!waiting) {
            held.forEach(ReferenceCountUtil::release);
            held.clear();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        closed = true;
        if (!waiting) {
            held.forEach(ReferenceCountUtil::release);
            held.clear();
        }
    }
}
