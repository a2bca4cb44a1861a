package io.cairn.common.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReconHandlerTest {
    private final ReconRegistry registry = new ReconRegistry();
    private final EmbeddedChannel channel =
            new EmbeddedChannel(new ReconHandler(new ReconDocuments(registry, null), Runnable::run));

    private FullHttpResponse ask(String uri) {
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri));
        channel.runPendingTasks();
        FullHttpResponse response = channel.readOutbound();
        assertThat(response).as(uri).isNotNull();
        return response;
    }

    @Test
    void shouldAnswerJsonWhenTheDocumentExists() {
        registry.gauge("async_pendings", () -> 3);
        FullHttpResponse r = ask("/recon/async?x=1");
        try {
            assertThat(r.status().code()).isEqualTo(200);
            assertThat(r.headers().get("Content-Type")).startsWith("application/json");
            assertThat(r.content().toString(StandardCharsets.UTF_8))
                    .isEqualTo("{\"async_pending\": 3, \"async_pending_last\": null}");
            assertThat(channel.config().isAutoRead()).isTrue();
        } finally {
            r.release();
        }
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void shouldAnswer404WithTheBodySwiftSendsWhenThePathIsUnknown() {
        FullHttpResponse r = ask("/recon/bogus");
        try {
            assertThat(r.status().code()).isEqualTo(404);
            assertThat(r.content().toString(StandardCharsets.UTF_8)).isEqualTo("Invalid path: /recon/bogus");
        } finally {
            r.release();
        }
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void shouldPassOtherRequestsOnWhenNotUnderRecon() {
        HttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/sda/0/a/c/o");
        channel.writeInbound(request);
        Object passed = channel.readInbound();
        assertThat(passed).isSameAs(request);
        Object written = channel.readOutbound();
        assertThat(written).isNull();
        channel.finishAndReleaseAll();
        ((DefaultFullHttpRequest) request).release();
    }
}
