package io.cairn.compute;

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
     * (Netty 5 drops it) but Netty 4.2's decoder still cuts bodies at it: without it, 8 KiB it is.
     */
    @Bean
    @SuppressWarnings("deprecation")
    NettyServerCustomizer largeRequestChunks() {
        return server -> server.httpRequestDecoder(spec -> spec.maxChunkSize(REQUEST_CHUNK_BYTES));
    }

    /** Upper bound of one request body chunk; a socket read (at most 64 KiB) is the usual one. */
    static final int REQUEST_CHUNK_BYTES = 1 << 20;

    public static void main(String[] args) {
        SpringApplication.run(ComputeApplication.class, args);
    }
}
