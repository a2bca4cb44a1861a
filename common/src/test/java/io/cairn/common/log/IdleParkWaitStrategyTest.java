package io.cairn.common.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IdleParkWaitStrategyTest {
    private static final long MICROS = TimeUnit.MICROSECONDS.toNanos(1);

    private static RingBuffer<long[]> ring(long idleTimeoutNanos) {
        return RingBuffer.createMultiProducer(
                () -> new long[1], 8, new IdleParkWaitStrategy(10 * MICROS, 1000 * MICROS, idleTimeoutNanos));
    }

    @Test
    void shouldTimeOutWhenNothingIsPublishedForTheIdleTimeout() {
        RingBuffer<long[]> ring = ring(TimeUnit.MILLISECONDS.toNanos(20));
        SequenceBarrier barrier = ring.newBarrier();

        long start = System.nanoTime();
        assertThatThrownBy(() -> barrier.waitFor(0)).isSameAs(TimeoutException.INSTANCE);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
    }

    @Test
    void shouldReturnTheLastPublishedSequenceWhenLinesArePublished() throws Exception {
        RingBuffer<long[]> ring = ring(TimeUnit.SECONDS.toNanos(30));
        SequenceBarrier barrier = ring.newBarrier();
        Thread publisher = new Thread(() -> {
            for (int i = 0; i < 3; i++) {
                ring.publish(ring.next());
            }
        });
        publisher.start();

        long available = barrier.waitFor(0);
        publisher.join();

        assertThat(available).isBetween(0L, 2L);
        assertThat(barrier.waitFor(2)).isEqualTo(2);
    }

    @Test
    void shouldStopWaitingWhenTheBarrierIsAlertedWhileParked() throws InterruptedException {
        RingBuffer<long[]> ring = ring(TimeUnit.SECONDS.toNanos(30));
        SequenceBarrier barrier = ring.newBarrier();
        Thread alerter = new Thread(barrier::alert);
        alerter.start();

        assertThatThrownBy(() -> barrier.waitFor(0)).isInstanceOf(AlertException.class);
        alerter.join();
    }

    @Test
    void shouldRejectParkTimesOutOfOrderWhenBuilt() {
        assertThatThrownBy(() -> new IdleParkWaitStrategy(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdleParkWaitStrategy(2, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdleParkWaitStrategy(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
