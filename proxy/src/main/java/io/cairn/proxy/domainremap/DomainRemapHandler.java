package io.cairn.proxy.domainremap;

import io.cairn.common.http.AnsweredBody;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code domain_remap} pipeline stage: rewrites each request's path as {@link DomainRemap} says before auth
 * and routing see it, answers a malformed storage host with Swift's 400, and, as Swift's {@code RewriteContext},
 * turns the rewritten path back into the requested one in an absolute {@code Location} or {@code
 * Content-Location} of the answer.
 *
 * <p>Confined to the channel's event loop; one instance per channel (requests on it are answered in order).
 */
public final class DomainRemapHandler extends ChannelDuplexHandler {
    private final DomainRemap remap;
    private @Nullable String requestedPath;
    private @Nullable String rewrittenPath;
    private final AnsweredBody answered = new AnsweredBody();

    public DomainRemapHandler(DomainRemap remap) {
        this.remap = remap;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            requestedPath = null;
            rewrittenPath = null;
            String uri = request.uri();
            int q = uri.indexOf('?');
            String rawPath = q < 0 ? uri : uri.substring(0, q);
            DomainRemap.Remapped r = remap.remap(request.headers().get(HttpHeaderNames.HOST), rawPath);
            if (r.badRequest() != null) {
                refuse(ctx, request, r.badRequest());
                answered.answered(request);
                return;
            }
            String path = r.path();
            if (path != null) {
                requestedPath = rawPath;
                rewrittenPath = path;
                if (remap.listingFormatsAfter()) {
                    request.setUri(q < 0 ? path : path + uri.substring(q));
                } else {
                    request.setUri(path + jsonListings(q < 0 ? "" : uri.substring(q + 1)));
                    // listing_formats ran before domain_remap (Swift puts it right after catch_errors when it is
                    // not listed): it saw no listing path, so the proxy's own JSON listing goes out as it is
                    request.headers().remove(HttpHeaderNames.ACCEPT);
                }
            }
        } else if (answered.drop(msg)) {
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /** The query with {@code format=json} in place of any {@code format} the client gave. */
    static String jsonListings(String query) {
        StringBuilder out = new StringBuilder("?format=json");
        if (!query.isEmpty()) {
            for (String field : query.split("&", -1)) {
                if (!field.equals("format") && !field.startsWith("format=")) {
                    out.append('&').append(field);
                }
            }
        }
        return out.toString();
    }

    private static void refuse(ChannelHandlerContext ctx, HttpRequest request, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST, Unpooled.wrappedBuffer(bytes));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain").set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        HttpUtil.setKeepAlive(r, HttpUtil.isKeepAlive(request));
        ctx.writeAndFlush(r);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        String requested = requestedPath;
        String rewritten = rewrittenPath;
        if (msg instanceof HttpResponse response && requested != null && rewritten != null) {
            for (String name : new String[] {"Location", "Content-Location"}) {
                String value = response.headers().get(name);
                if (value != null) {
                    Matcher m = Pattern.compile("^(https?://[^/]+)" + Pattern.quote(rewritten) + "(.*)$")
                            .matcher(value);
                    if (m.matches()) {
                        response.headers().set(name, m.group(1) + requested + m.group(2));
                    }
                }
            }
        }
        ctx.write(msg, promise);
    }
}
