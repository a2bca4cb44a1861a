package io.cairn.proxy.cnamelookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.IniFile;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pipeline stage: requests held during a lookup, then passed on rewritten or refused; Location turned back. */
@Timeout(30)
class CnameLookupHandlerTest {
    private final Map<String, CompletableFuture<CnameAnswer>> dns = new HashMap<>();
    private final CnameLookup lookup = new CnameLookup(
            CnameLookupConfig.from(
                    IniFile.parse("[filter:cname_lookup]\nstorage_domain = example.net\n", "proxy-server.conf")
                            .section("filter:cname_lookup"),
                    new ArrayList<>()),
            ch -> domain -> dns.computeIfAbsent(domain, d -> CompletableFuture.completedFuture(CnameAnswer.none())),
            () -> 0L);
    private final EmbeddedChannel channel = new EmbeddedChannel(new CnameLookupHandler(lookup));

    @AfterEach
    void close() {
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    private static HttpRequest request(HttpMethod method, String host) {
        HttpRequest r = new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, "/o");
        r.headers().set("Host", host);
        return r;
    }

    private static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }

    @Test
    void shouldHoldTheRequestAndItsBodyUntilTheLookupThenPassThemOnWithTheMappedHostWhenFound() {
        CompletableFuture<CnameAnswer> answer = new CompletableFuture<>();
        dns.put("www.customer.example", answer);

        channel.writeInbound(request(HttpMethod.PUT, "www.customer.example:8080"));
        channel.writeInbound(new DefaultHttpContent(bytes("first ")));
        assertThat(channel.config().isAutoRead()).isFalse();
        Object early = channel.readInbound();
        assertThat(early).isNull();

        answer.complete(CnameAnswer.of("c.AUTH_test.example.net", 60));
        channel.runPendingTasks();
        channel.writeInbound(new DefaultLastHttpContent(bytes("second")));

        HttpRequest passed = channel.readInbound();
        assertThat(passed.headers().get("Host")).isEqualTo("c.AUTH_test.example.net:8080");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            HttpContent part = channel.readInbound();
            body.append(part.content().toString(StandardCharsets.UTF_8));
            assertThat(part instanceof LastHttpContent).isEqualTo(i == 1);
            part.release();
        }
        assertThat(body).hasToString("first second");
        assertThat(channel.config().isAutoRead()).isTrue();

        FullHttpResponse redirect =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.MOVED_PERMANENTLY);
        redirect.headers().set("Location", "http://c.AUTH_test.example.net:8080/o/");
        redirect.headers().set("Content-Location", "https://other.example/o");
        channel.writeOutbound(redirect);
        FullHttpResponse out = channel.readOutbound();
        assertThat(out.headers().get("Location")).isEqualTo("http://www.customer.example:8080/o/");
        assertThat(out.headers().get("Content-Location")).isEqualTo("https://other.example/o");
        out.release();
    }

    @Test
    void shouldAnswer400AndDropTheBodyThenServeTheNextRequestWhenTheLookupFails() {
        channel.writeInbound(request(HttpMethod.PUT, "missing.example"));
        channel.writeInbound(new DefaultHttpContent(bytes("dropped")));
        channel.writeInbound(new DefaultLastHttpContent(bytes("dropped too")));

        FullHttpResponse refused = channel.readOutbound();
        assertThat(refused.status()).isEqualTo(HttpResponseStatus.BAD_REQUEST);
        assertThat(refused.headers().get("Content-Type")).isEqualTo("text/plain");
        assertThat(refused.content().toString(StandardCharsets.UTF_8)).isEqualTo(CnameLookup.NO_VALID_DOMAIN);
        refused.release();
        Object passed = channel.readInbound();
        assertThat(passed).isNull();

        channel.writeInbound(request(HttpMethod.HEAD, "missing.example"));
        FullHttpResponse head = channel.readOutbound();
        assertThat(head.content().readableBytes()).isZero();
        assertThat(head.headers().getInt("Content-Length")).isEqualTo(CnameLookup.NO_VALID_DOMAIN.length());
        head.release();

        channel.writeInbound(request(HttpMethod.GET, "c.AUTH_test.example.net"));
        HttpRequest storage = channel.readInbound();
        assertThat(storage.headers().get("Host")).isEqualTo("c.AUTH_test.example.net");
        ReferenceCountUtil.release(storage);
    }

    @Test
    void shouldReleaseWhatItHoldsWhenTheClientGoesAwayDuringALookup() {
        CompletableFuture<CnameAnswer> answer = new CompletableFuture<>();
        dns.put("slow.example", answer);
        channel.writeInbound(request(HttpMethod.PUT, "slow.example"));
        HttpContent part = new DefaultHttpContent(bytes("held"));
        channel.writeInbound(part);
        channel.close();
        answer.complete(CnameAnswer.of("c.AUTH_test.example.net", 60));
        channel.runPendingTasks();
        assertThat(part.refCnt()).isZero();
    }
}
