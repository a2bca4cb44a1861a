package io.cairn.compute.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/** Segments written as consecutive chunked PUTs over Reactor Netty, as {@link SwiftImageStore} writes them. */
class SegmentedPutTest {
    @Test
    void consecutiveChunkedPutsOfOneStreamComplete() {
        List<Long> received = new CopyOnWriteArrayList<>();
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((req, res) -> req.receive()
                        .map(ByteBuf::readableBytes)
                        .reduce(0L, Long::sum)
                        .flatMap(n -> {
                            received.add(n);
                            return res.status(201).send().then();
                        }))
                .bindNow();
        try {
            HttpClient http = HttpClient.create();
            Flux<ByteBuf> body = Flux.range(0, 300)
                    .publishOn(Schedulers.parallel())
                    .map(k -> Unpooled.wrappedBuffer(new byte[10_000]));
            Long puts = SegmentSplitter.split(body, 1 << 20)
                    .concatMap(window -> http.put()
                            .uri("http://127.0.0.1:" + server.port() + "/seg")
                            .send(window)
                            .responseSingle((r, b) -> Mono.just(r.status().code())))
                    .count()
                    .block(Duration.ofSeconds(30));
            assertThat(puts).isEqualTo(3L);
            assertThat(received).containsExactly(1L << 20, 1L << 20, 3_000_000L - (2L << 20));
        } finally {
            server.disposeNow();
        }
    }
}
