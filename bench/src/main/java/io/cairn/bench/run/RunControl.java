package io.cairn.bench.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The state the runner thread shares with the connections: the phase, the open-loop schedule (if any), the id counters,
 * the measured-operation budget, the latches connections count down when they go idle, and live counters for the
 * progress line. Thread-safe (volatile fields, atomics, latches).
 */
final class RunControl {
    private volatile Phase phase = Phase.PREFILL;
    private volatile boolean prefillCut;
    private final long prefillTarget;
    private final AtomicLong prefillNext = new AtomicLong();
    private final AtomicLong nextObjectId;
    private final AtomicLong measuredBudget;
    final CountDownLatch prefillIdle;
    final CountDownLatch stopped;
    final LongAdder prefillDone = new LongAdder();
    final LongAdder prefillErrors = new LongAdder();
    final LongAdder measuredOps = new LongAdder();
    final LongAdder measuredBytes = new LongAdder();
    final LongAdder errors = new LongAdder();
    private volatile long measureStartNanos;
    private volatile @Nullable RateSchedule rateSchedule;

    RunControl(int connections, long prefillTarget, long measuredOperations) {
        this.prefillTarget = prefillTarget;
        this.nextObjectId = new AtomicLong(prefillTarget);
        this.measuredBudget = new AtomicLong(measuredOperations > 0 ? measuredOperations : Long.MAX_VALUE);
        this.prefillIdle = new CountDownLatch(connections);
        this.stopped = new CountDownLatch(connections);
    }

    Phase phase() {
        return phase;
    }

    void phase(Phase next) {
        if (next == Phase.MEASURE) {
            measureStartNanos = System.nanoTime();
        }
        phase = next;
    }

    /** Enters the measure phase with the window starting at {@code startNanos} (an open loop's scheduled start). */
    void measureFrom(long startNanos) {
        measureStartNanos = startNanos;
        phase = Phase.MEASURE;
    }

    long measureStartNanos() {
        return measureStartNanos;
    }

    /** Sets the open-loop schedule; before the connections are kicked into the warm-up. */
    void rateSchedule(RateSchedule schedule) {
        rateSchedule = schedule;
    }

    /**
     * The open-loop schedule.
     *
     * @throws IllegalStateException when the runner set none (a closed-loop run)
     */
    RateSchedule rateSchedule() {
        RateSchedule s = rateSchedule;
        if (s == null) {
            throw new IllegalStateException("no rate schedule: the run is closed-loop");
        }
        return s;
    }

    /** The next prefill object id, or -1 when the pool is complete or the prefill was cut short. */
    long nextPrefillId() {
        if (prefillCut) {
            return -1;
        }
        long id = prefillNext.getAndIncrement();
        return id < prefillTarget ? id : -1;
    }

    /** Stops handing out prefill ids (the prefill timeout passed). */
    void cutPrefill() {
        prefillCut = true;
    }

    /** A fresh id for a measured or warm-up PUT (never collides with the prefill ids). */
    long nextObjectId() {
        return nextObjectId.getAndIncrement();
    }

    /** Whether one more measured operation may start (false once an operation-count bound is used up). */
    boolean takeMeasuredOp() {
        return measuredBudget.getAndDecrement() > 0;
    }

    /** The highest prefill id handed out + 1 (bounds listing markers). */
    long prefillIssued() {
        return Math.min(prefillNext.get(), prefillTarget);
    }
}
