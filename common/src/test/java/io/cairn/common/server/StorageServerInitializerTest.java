package io.cairn.common.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.daemon.ReconDocuments;
import io.cairn.common.daemon.ReconRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StorageServerInitializerTest {
    private static final StorageServerSettings SETTINGS = settings(8192);

    private static StorageServerSettings settings(int maxHeaderSize) {
        return new StorageServerSettings(
                "test",
                "127.0.0.1",
                0,
                1,
                1,
                1,
                Path.of("/srv/node"),
                Duration.ofSeconds(60),
                maxHeaderSize,
                true,
                List.of());
    }

    private @Nullable EmbeddedChannel channel;

    @AfterEach
    void release() {
        EmbeddedChannel ch = channel;
        if (ch != null) {
            ch.finishAndReleaseAll();
        }
    }

    private EmbeddedChannel init(boolean keepAlive, boolean recon, ServerStages stages) {
        return init(SETTINGS, keepAlive, recon, stages);
    }

    private EmbeddedChannel init(
            StorageServerSettings settings, boolean keepAlive, boolean recon, ServerStages stages) {
        ReconDocuments documents = recon ? new ReconDocuments(new ReconRegistry(), null) : null;
        EmbeddedChannel ch = new EmbeddedChannel(new StorageServerInitializer(
                settings, line -> {}, keepAlive, documents, recon ? Runnable::run : null, stages));
        channel = ch;
        return ch;
    }

    @Test
    void shouldPutTheSharedStagesAroundTheServersOwnWhenAChannelIsAccepted() {
        EmbeddedChannel ch = init(true, true, p -> p.addLast("dispatch", new ChannelInboundHandlerAdapter()));
        assertThat(ch.pipeline().names())
                .startsWith("codec", "idle", "access-log", "keep-alive", "recon", "dispatch", "idle-close");
    }

    @Test
    void shouldLeaveOutKeepAliveAndReconWhenTheServerHasNeither() {
        EmbeddedChannel ch = init(false, false, p -> p.addLast("dispatch", new ChannelInboundHandlerAdapter()));
        assertThat(ch.pipeline().names()).startsWith("codec", "idle", "access-log", "dispatch", "idle-close");
        assertThat(ch.pipeline().names()).doesNotContain("keep-alive", "recon");
    }

    @Test
    void shouldCloseTheConnectionWhenNoStageAnsweredTheIdleEvent() {
        EmbeddedChannel ch = init(false, false, p -> p.addLast("dispatch", new ChannelInboundHandlerAdapter()));
        ch.pipeline().context("idle").fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void shouldLeaveTheConnectionToTheServerWhenItsStageAnswersTheIdleEvent() {
        EmbeddedChannel ch = init(
                false,
                false,
                p -> p.addLast("dispatch", new ChannelInboundHandlerAdapter() {
                    @Override
                    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                        // consumed: e.g. the object server answers a PUT in progress with 408 first
                    }
                }));
        ch.pipeline().context("idle").fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        assertThat(ch.isOpen()).isTrue();
    }

    /** The request the codec decodes from one request with a header of {@code valueBytes} bytes. */
    private HttpRequest decode(int maxHeaderSize, int valueBytes) {
        EmbeddedChannel ch = init(settings(maxHeaderSize), false, false, p -> {});
        ch.writeInbound(Unpooled.copiedBuffer(
                "HEAD /sda/1/a HTTP/1.1\r\nX-Filler: " + "v".repeat(valueBytes) + "\r\n\r\n",
                StandardCharsets.US_ASCII));
        HttpRequest request = ch.readInbound();
        ch.finishAndReleaseAll();
        channel = null;
        assertThat(request).isNotNull();
        return request;
    }

    @Test
    void shouldRefuseAHeaderBlockOverWhatMaxHeaderSizeAllowsWhenDecoding() {
        // max_header_size = 1024: Swift's 202 lines of that size (HeaderLimits), 206,848 bytes
        assertThat(decode(1024, 150_000).decoderResult().isSuccess()).isTrue();
        HttpRequest refused = decode(1024, 210_000);
        assertThat(refused.decoderResult().isFailure()).isTrue();
        assertThat(refused.decoderResult().cause()).isInstanceOf(TooLongFrameException.class);
        // the default reads it
        assertThat(decode(8192, 210_000).decoderResult().isSuccess()).isTrue();
    }
}
