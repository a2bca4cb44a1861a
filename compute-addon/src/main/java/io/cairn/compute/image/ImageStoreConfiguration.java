package io.cairn.compute.image;

import io.cairn.compute.ComputeApplication;
import io.cairn.compute.config.StorageProperties;
import io.cairn.compute.identity.IdentityBootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpResponseDecoderSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link ImageStore}: Swift over HTTP, into the configured account or {@code AUTH_<admin project id>}
 * (single-tenant, as {@code cairn cloud} runs it). Tests put an in-memory store in its place.
 */
@Configuration(proxyBeanMethods = false)
public class ImageStoreConfiguration {
    /**
     * Bytes an upload may have queued on its connection to the store before it stops taking more from the client
     * (Netty's default is 64 KiB: a few socket reads, so the upload stalled and resumed every few reads).
     */
    private static final WriteBufferWaterMark STORE_WRITE_QUEUE = new WriteBufferWaterMark(512 << 10, 1 << 20);

    /**
     * A download's body from the store in buffers of up to one socket read, as uploads arrive
     * ({@code ComputeApplication.largeRequestChunks} says why): with Reactor Netty's default 8 KiB chunks every 64 KiB
     * read became eight signals through the relay and eight writes to the client. Deprecated (Netty 5 drops it), still
     * honoured by Netty 4.2's decoder.
     */
    @SuppressWarnings("deprecation")
    private static HttpResponseDecoderSpec largeChunks(HttpResponseDecoderSpec spec) {
        return spec.maxChunkSize(ComputeApplication.MAX_SOCKET_READ);
    }

    @Bean
    @ConditionalOnMissingBean(ImageStore.class)
    ImageStore swiftImageStore(
            StorageProperties storage, IdentityBootstrap identity, JsonMapper json, ReactorResourceFactory resources) {
        String configured = storage.account();
        // the application's event loops, not Reactor Netty's global ones: a connection opened while an upload is
        // read runs on the upload's event loop, so forwarding a buffer is a write on the same thread, no hand-off
        HttpClient http = HttpClient.create(resources.getConnectionProvider())
                .runOn(resources.getLoopResources())
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, STORE_WRITE_QUEUE)
                .option(ChannelOption.RECVBUF_ALLOCATOR, ComputeApplication.socketReads())
                .httpResponseDecoder(ImageStoreConfiguration::largeChunks)
                .responseTimeout(Duration.ofMinutes(2));
        return new SwiftImageStore(
                http,
                storage,
                () -> configured == null || configured.isBlank() ? "AUTH_" + identity.adminProjectId() : configured,
                json);
    }
}
