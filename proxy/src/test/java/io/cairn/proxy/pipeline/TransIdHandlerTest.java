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
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransIdHandlerTest {
    /** Swift: 'tx%s-%010x%s' % (uuid.uuid4().hex[:21], time.time(), suffix). */
    private static final String SWIFT_SHAPE = "tx[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{4}-[0-9a-f]{10}";

    @Test
    void shouldBuildIdsShapedLikeSwiftsWhenGivenAnyRandomBits() {
        Random random = new Random(42);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = TransIdHandler.transId(random, 1_700_000_000L);
            assertThat(id).matches(SWIFT_SHAPE).endsWith("-006553f100");
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void shouldSetTheIdOnTheRequestAndEchoItWhenResponding() {
        EmbeddedChannel channel = new EmbeddedChannel(new TransIdHandler("-suffix", () -> 1_700_000_000_123L));
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/v1/AUTH_a");
        request.headers().set("X-Trans-Id-Extra", "x".repeat(40));
        channel.writeInbound(request);
        FullHttpRequest seen = channel.readInbound();
        String id = seen.headers().get("X-Trans-Id");
        assertThat(id).matches(SWIFT_SHAPE + "-suffix" + "x{32}");

        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        FullHttpResponse response = channel.readOutbound();
        assertThat(response.headers().get("X-Trans-Id")).isEqualTo(id);
        assertThat(response.headers().get("X-Openstack-Request-Id")).isEqualTo(id);
        seen.release();
        response.release();
        channel.finishAndReleaseAll();
    }
}
