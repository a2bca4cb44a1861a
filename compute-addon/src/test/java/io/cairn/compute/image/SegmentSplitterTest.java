package io.cairn.compute.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class SegmentSplitterTest {
    private static List<byte[]> segments(byte[] data, int bufferSize, long segmentSize) {
        Flux<ByteBuf> buffers = Flux.range(0, (data.length + bufferSize - 1) / bufferSize)
                .map(k -> Unpooled.copiedBuffer(
                        data, k * bufferSize, Math.min(bufferSize, data.length - k * bufferSize)));
        return java.util.Objects.requireNonNull(SegmentSplitter.split(buffers, segmentSize)
                .concatMap(window -> window.reduce(new ByteArrayOutputStream(), (out, buf) -> {
                    byte[] b = new byte[buf.readableBytes()];
                    buf.readBytes(b);
                    buf.release();
                    out.write(b, 0, b.length);
                    return out;
                }))
                .map(ByteArrayOutputStream::toByteArray)
                .collectList()
                .block());
    }

    @Test
    void cutsAtExactBoundariesWhateverTheBufferSizes() {
        byte[] data = new byte[10_000];
        new Random(7).nextBytes(data);
        for (int bufferSize : new int[] {1, 333, 1000, 4096, 10_000}) {
            List<byte[]> segs = segments(data, bufferSize, 3000);
            assertThat(segs).as("buffer " + bufferSize).hasSize(4);
            assertThat(segs.get(0)).hasSize(3000);
            assertThat(segs.get(3)).hasSize(1000);
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            segs.forEach(s -> joined.write(s, 0, s.length));
            assertThat(joined.toByteArray()).isEqualTo(data);
        }
    }

    @Test
    void anExactMultipleMakesNoEmptyTrailingSegment() {
        assertThat(segments(new byte[6000], 512, 3000)).hasSize(2);
    }

    /**
     * As the store consumes segments: each window is a request body written asynchronously, and the next segment
     * starts only after the previous request's response — the shape that deadlocked with a demand-less outer.
     */
    @Test
    void asynchronousConsumersOneSegmentAfterAnotherDoNotStall() {
        byte[] data = new byte[50_000];
        new Random(3).nextBytes(data);
        Flux<ByteBuf> buffers = Flux.range(0, 50)
                .publishOn(reactor.core.scheduler.Schedulers.parallel())
                .map(k -> Unpooled.copiedBuffer(data, k * 1000, 1000));
        java.util.concurrent.atomic.AtomicLong total = new java.util.concurrent.atomic.AtomicLong();
        Long segments = SegmentSplitter.split(buffers, 7000)
                .concatMap(window -> window.publishOn(reactor.core.scheduler.Schedulers.boundedElastic())
                        .doOnNext(buf -> {
                            total.addAndGet(buf.readableBytes());
                            buf.release();
                        })
                        .then(reactor.core.publisher.Mono.delay(java.time.Duration.ofMillis(5)))
                        .thenReturn(1))
                .count()
                .block(java.time.Duration.ofSeconds(20));
        assertThat(segments).isEqualTo(8L);
        assertThat(total.get()).isEqualTo(data.length);
    }
}
