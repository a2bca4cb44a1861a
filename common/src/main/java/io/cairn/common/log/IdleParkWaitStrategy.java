package io.cairn.common.log;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import java.util.concurrent.locks.LockSupport;

/**
 * The access-log ring's wait strategy: publishers never signal ({@link #signalAllWhenBlocking} does nothing,
 * so handing off a line takes no lock and no system call on an event loop); the one consumer polls, parking
 * between polls for a time that doubles from {@code minParkNanos} to {@code maxParkNanos} while the ring stays
 * empty, and gives up with a {@link TimeoutException} after {@code idleTimeoutNanos} so the consumer gets a
 * periodic {@code onTimeout} (to report dropped lines) even when nothing is logged. A log line thus waits at
 * most {@code maxParkNanos} before it is written; an idle process wakes its writer {@code 1e9 / maxParkNanos}
 * times a second.
 *
 * <p>Thread-safe (stateless between calls); {@code waitFor} is called by the consumer thread only.
 */
final class IdleParkWaitStrategy implements WaitStrategy {
    private final long minParkNanos;
    private final long maxParkNanos;
    private final long idleTimeoutNanos;

    IdleParkWaitStrategy(long minParkNanos, long maxParkNanos, long idleTimeoutNanos) {
        if (minParkNanos <= 0 || maxParkNanos < minParkNanos || idleTimeoutNanos <= 0) {
            throw new IllegalArgumentException("need 0 < minParkNanos <= maxParkNanos and idleTimeoutNanos > 0, got "
                    + minParkNanos + ", " + maxParkNanos + ", " + idleTimeoutNanos);
        }
        this.minParkNanos = minParkNanos;
        this.maxParkNanos = maxParkNanos;
        this.idleTimeoutNanos = idleTimeoutNanos;
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException, TimeoutException {
        long available = dependentSequence.get();
        if (available >= sequence) {
            return available;
        }
        long start = System.nanoTime();
        long park = minParkNanos;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            if (System.nanoTime() - start >= idleTimeoutNanos) {
                throw TimeoutException.INSTANCE;
            }
            LockSupport.parkNanos(this, park);
            park = Math.min(park << 1, maxParkNanos);
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking() {
        // publishers never wake the consumer: it polls
    }
}
