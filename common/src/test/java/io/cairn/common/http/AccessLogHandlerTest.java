package io.cairn.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AccessLogHandlerTest {
    @Test
    void shouldWriteOneLineWithStatusAndBytesWhenAResponseCompletes() {
        List<String> lines = new ArrayList<>();
        AtomicLong now = new AtomicLong(1_000_000_000L);
        EmbeddedChannel ch = new EmbeddedChannel(new AccessLogHandler("object-server", lines::add, now::get));
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/sda/1/a/c/o");
        req.headers().set("X-Trans-Id", "tx123");
        ch.writeInbound(req);
        FullHttpRequest received = ch.readInbound();
        received.release();

        now.addAndGet(1_500_000_000L);
        ch.writeOutbound(new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(new byte[42])));

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .startsWith("object-server ")
                .contains("\"GET /sda/1/a/c/o\" 200 42 \"-\" \"tx123\" \"-\" 1.500000");
        assertThat(ch.finishAndReleaseAll()).isTrue();
    }

    @Test
    void shouldLog499WhenTheClientDisconnectsBeforeTheResponse() {
        List<String> lines = new ArrayList<>();
        AtomicLong now = new AtomicLong(1_000_000_000L);
        EmbeddedChannel ch = new EmbeddedChannel(new AccessLogHandler("proxy-server", lines::add, now::get));
        ch.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.PUT, "/v1/a/c/o"));
        FullHttpRequest received = ch.readInbound();
        received.release();

        ch.close();

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("\"PUT /v1/a/c/o\" 499 0 ");
    }
}
