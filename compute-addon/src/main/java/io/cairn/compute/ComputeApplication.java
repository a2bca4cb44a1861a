package io.cairn.compute;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelOption;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/** The Spring Boot application: identity and image APIs on one Reactor Netty server. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ComputeApplication {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Reactor Netty resources of this application alone: with the global ones (Boot's default), closing one
     * embedded application (a second compute service in the same JVM, a test's) would dispose the event loops the
     * other applications' servers run on.
     */
    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory f = new ReactorResourceFactory();
        f.setUseGlobalResources(false);
        return f;
    }

    /**
     * Request bodies arrive in buffers of up to what one socket read holds (Netty reads up to 64 KiB) instead of
     * Reactor Netty's default 8 KiB chunks: an image upload then passes its hashing, inspection and forwarding to
     * the object store in fewer, larger steps (each step a reactive signal, a timer reset and a write to the store's
     * connection). The decoder slices, never copies, so this adds no memory. The setting is deprecated
     * (Netty 5 drops it) but Netty 4.2's decoder still cuts bodies at it: without it, 8 KiB it is. A socket read
     * may grow to {@link #MAX_SOCKET_READ} while a body streams in ({@link #socketReads}).
     */
    @Bean
    @SuppressWarnings("deprecation")
    NettyServerCustomizer largeRequestChunks() {
        return server -> server.httpRequestDecoder(spec -> spec.maxChunkSize(MAX_SOCKET_READ))
                .childOption(ChannelOption.RECVBUF_ALLOCATOR, socketReads());
    }

    /**
     * The largest socket read on a connection that keeps its reads full (an image streaming in or out), and so the
     * largest body chunk the HTTP codecs hand on: a chunk is one read, sliced, never copied.
     */
    public static final int MAX_SOCKET_READ = 1 << 20;

    /**
     * Netty's adaptive socket reads, allowed to grow past its 64 KiB default up to {@link #MAX_SOCKET_READ}: an
     * image streaming at loopback speed fills every read, and each read is a system call, a reactive signal through
     * the relay and a write on the other connection. A connection carrying small requests never grows its buffer.
     */
    public static AdaptiveRecvByteBufAllocator socketReads() {
        return new AdaptiveRecvByteBufAllocator(64, 2048, MAX_SOCKET_READ);
    }

    public static void main(String[] args) {
        SpringApplication.run(ComputeApplication.class, args);
    }
}
