package io.cairn.common.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.daemon.ReconDocuments;
import io.cairn.common.daemon.ReconRegistry;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StorageServerInitializerTest {
    private static final StorageServerSettings SETTINGS = new StorageServerSettings(
            "test", "127.0.0.1", 0, 1, 1, 1, Path.of("/srv/node"), Duration.ofSeconds(60), 8192, true, List.of());

    private @Nullable EmbeddedChannel channel;

    @AfterEach
    void release() {
        EmbeddedChannel ch = channel;
        if (ch != null) {
            ch.finishAndReleaseAll();
        }
    }

    private EmbeddedChannel init(boolean keepAlive, boolean recon, ServerStages stages) {
        ReconDocuments documents = recon ? new ReconDocuments(new ReconRegistry(), null) : null;
        EmbeddedChannel ch = new EmbeddedChannel(new StorageServerInitializer(
                SETTINGS, line -> {}, keepAlive, documents, recon ? Runnable::run : null, stages));
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
}
