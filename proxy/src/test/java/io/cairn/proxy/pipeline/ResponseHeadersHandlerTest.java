package io.cairn.proxy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseHeadersHandlerTest {
    /** 2026-12-06T21:50:07Z. */
    private static final long NOW_MILLIS = 1_796_593_807_123L;

    private static FullHttpResponse exchange(String uri, String connection, HttpResponseStatus status) {
        EmbeddedChannel ch = new EmbeddedChannel(new ResponseHeadersHandler(() -> NOW_MILLIS));
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
        if (!connection.isEmpty()) {
            request.headers().set("Connection", connection);
        }
        ch.writeInbound(request);
        ch.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status));
        FullHttpResponse out = ch.readOutbound();
        ch.finishAndReleaseAll();
        return out;
    }

    @Test
    void shouldDateEveryResponseAsEventletDoes() {
        FullHttpResponse r = exchange("/v1/AUTH_test", "", HttpResponseStatus.NO_CONTENT);
        assertThat(r.headers().get("Date")).isEqualTo("Sun, 06 Dec 2026 21:50:07 GMT");
        assertThat(r.headers().contains("Connection")).isFalse();
        assertThat(r.headers().contains("Www-Authenticate")).isFalse();
    }

    @Test
    void shouldEchoKeepAliveOnlyToClientsThatSentIt() {
        assertThat(exchange("/v1/AUTH_test", "keep-alive", HttpResponseStatus.OK)
                        .headers()
                        .get("Connection"))
                .isEqualTo("keep-alive");
        assertThat(exchange("/v1/AUTH_test", "close", HttpResponseStatus.OK)
                        .headers()
                        .get("Connection"))
                .isNull();
    }

    @Test
    void shouldQuoteTheAccountAsRealmOfEvery401() {
        String hax = "AUTH_haxx\"\nContent-Length: 13\n\n<b>Hello World";
        String quoted = URLEncoder.encode(hax, StandardCharsets.UTF_8).replace("+", "%20");
        FullHttpResponse r = exchange("/v1/" + quoted + "/c", "", HttpResponseStatus.UNAUTHORIZED);
        assertThat(r.headers().get("Www-Authenticate")).isEqualTo("Swift realm=\"" + quoted + "\"");
        assertThat(exchange("/v1.0/x", "", HttpResponseStatus.UNAUTHORIZED)
                        .headers()
                        .get("Www-Authenticate"))
                .isEqualTo("Swift realm=\"x\"");
        assertThat(exchange("/auth/v1.0", "", HttpResponseStatus.UNAUTHORIZED)
                        .headers()
                        .get("Www-Authenticate"))
                .isEqualTo("Swift realm=\"unknown\"");
        assertThat(exchange("//v1", "", HttpResponseStatus.UNAUTHORIZED)
                        .headers()
                        .get("Www-Authenticate"))
                .isEqualTo("Swift realm=\"unknown\"");
    }

    @Test
    void shouldQuoteNonAsciiAccountsByteForByte() {
        assertThat(ResponseHeadersHandler.realm("/v1/AUTH_%CF%89/c")).isEqualTo("AUTH_%CF%89");
    }
}
