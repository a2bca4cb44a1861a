package io.cairn.common.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
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
    void shouldReturnTheAvailableSequenceWhenItReachesTheWantedOneWhileParked() throws Exception {
        IdleParkWaitStrategy strategy =
                new IdleParkWaitStrategy(10 * MICROS, 1000 * MICROS, TimeUnit.SECONDS.toNanos(30));
        SequenceBarrier barrier = ring(TimeUnit.SECONDS.toNanos(30)).newBarrier();
        Sequence cursor = new Sequence(-1);
        Thread publisher = new Thread(() -> cursor.set(2));
        publisher.start();

        long available = strategy.waitFor(1, cursor, cursor, barrier);
        publisher.join();

        assertThat(available).isEqualTo(2);
        assertThat(strategy.waitFor(2, cursor, cursor, barrier))
                .as("already there")
                .isEqualTo(2);
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
