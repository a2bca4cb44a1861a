package io.cairn.common.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.http.Transport;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class StorageServerIT {
    private static StorageServerSettings settings() {
        return new StorageServerSettings(
                "test", "127.0.0.1", 0, 1, 1, 4, Path.of("/srv/node"), Duration.ofSeconds(5), 8192, false, List.of());
    }

    /** Answers every request 200 with an empty body. */
    private static final class Ok extends SimpleChannelInboundHandler<HttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpRequest msg) {
            DefaultFullHttpResponse r =
                    new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.EMPTY_BUFFER);
            r.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
            ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Test
    void shouldServeTheServersStagesAndCloseWhatItOwnsInOrderWhenStopped() throws Exception {
        List<String> closed = new ArrayList<>();
        StorageServer server = new StorageServer(settings(), Transport.select(false), null);
        server.closeAfterExecutors(() -> closed.add(
                server.executors().submit("sda", () -> null).isCompletedExceptionally()
                        ? "brokers"
                        : "brokers before the executors stopped"));
        server.closeBeforeExecutors(() -> closed.add("client"));
        server.closeBeforeExecutors(() -> {
            closed.add("ring");
            // the executors still run while what was handed to closeBeforeExecutors closes
            server.executors().submit("sda", () -> null).join();
        });
        try {
            server.start(true, p -> p.addLast("dispatch", new Ok()));
            assertThat(server.port()).isPositive();
            HttpResponse<Void> r = HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/x"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            assertThat(r.statusCode()).isEqualTo(200);
        } finally {
            server.close();
        }
        assertThat(closed).containsExactly("client", "ring", "brokers");
        assertThatThrownBy(() -> server.executors().submit("sda", () -> null).join())
                .hasRootCauseInstanceOf(RejectedExecutionException.class);
    }
}
