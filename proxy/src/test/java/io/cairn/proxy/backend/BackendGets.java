package io.cairn.proxy.backend;

import io.cairn.ring.Device;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The keep-alive ITs' shared pieces: a device for a local test node, and one GET source run to its end. */
final class BackendGets {
    private BackendGets() {}

    /** Device {@code sdb1} of the node listening on {@code server}. */
    static Device localNode(Channel server) {
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        return new Device(0, 1, 1, "127.0.0.1", port, "127.0.0.1", port, "sdb1", 1.0, "");
    }

    /**
     * Runs one GET source for {@code path} on {@code loop}; completes with the body, or exceptionally when the
     * node answered other than 200 or the source failed.
     */
    static CompletableFuture<String> body(
            BackendConnector connector, EventLoop loop, Device node, Duration timeout, String path) {
        CompletableFuture<String> result = new CompletableFuture<>();
        StringBuilder body = new StringBuilder();
        GetConnection.Listener listener = new GetConnection.Listener() {
            @Override
            public void head(GetConnection c, HttpResponse head) {
                if (head.status().code() != 200) {
                    result.completeExceptionally(new AssertionError("status " + head.status()));
                }
            }

            @Override
            public void body(GetConnection c, HttpContent content) {
                body.append(content.content().toString(StandardCharsets.UTF_8));
                content.release();
                if (content instanceof LastHttpContent) {
                    c.close();
                    result.complete(body.toString());
                }
            }

            @Override
            public void failed(GetConnection c) {
                result.completeExceptionally(new AssertionError("source failed"));
            }
        };
        loop.execute(() -> new GetConnection(node, listener, timeout, timeout)
                .start(connector, loop, HttpMethod.GET, path, new DefaultHttpHeaders()));
        return result;
    }
}
