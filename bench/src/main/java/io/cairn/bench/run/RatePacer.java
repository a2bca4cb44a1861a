package io.cairn.bench.run;

import java.util.function.LongSupplier;

/**
 * One connection's walk through a {@link RateSchedule}. Whenever the connection is free it asks {@link #next}: its next
 * slot is {@link Next#DUE} (the intended start has come, or passed while the connection was busy: then it starts as
 * soon as it is free), or the connection should {@link Next#WAIT} {@link #waitNanos}, or its run is over
 * ({@link Next#STOP}: the next slot is past the measured window, or the connection is still behind its schedule when
 * the schedule's drain bound has passed, and its remaining measured slots count as not started). It also keeps the
 * accounting of its measured slots: how many were issued, how many started late because the connection was still busy
 * at the intended start, the largest start delay, and how many operations succeeded inside the measured window (warm-up
 * slots included: that is the throughput the server sustained there). The clock ({@link System#nanoTime} in a run) is
 * injected so all of this can be tested without real time. Not thread-safe: confined to the connection's event loop.
 */
final class RatePacer {
    /** What a free connection does now. */
    enum Next {
        /** Take the slot ({@link #take}) and issue its operation now. */
        DUE,
        /** Nothing is due yet: come back after {@link #waitNanos}. */
        WAIT,
        /** No more slots for this connection. */
        STOP
    }

    private final RateSchedule schedule;
    private final LongSupplier clock;
    private long slot;
    private long waitNanos;
    private long busyUntilNanos = Long.MIN_VALUE;
    // the slot taken last
    private long intendedNanos;
    private boolean measured;
    // accounting of measured slots
    private long measuredSlots;
    private long lateStarts;
    private long maxStartDelayNanos;
    private long notStarted;
    private long completedInWindow;

    RatePacer(RateSchedule schedule, int connection, LongSupplier clock) {
        this.schedule = schedule;
        this.clock = clock;
        this.slot = schedule.firstSlot(connection);
    }

    /** Decides what the (free) connection does now; see {@link Next}. */
    Next next() {
        long now = clock.getAsLong();
        long intended = schedule.intendedStartNanos(slot);
        if (intended >= schedule.measureEndNanos()) {
            return Next.STOP;
        }
        if (now < intended) {
            waitNanos = intended - now;
            return Next.WAIT;
        }
        if (now >= schedule.abandonAfterNanos()) {
            abandonRemaining();
            return Next.STOP;
        }
        return Next.DUE;
    }

    /** How long to wait after {@link Next#WAIT}. */
    long waitNanos() {
        return waitNanos;
    }

    /**
     * Takes the due slot: its intended start becomes {@link #intendedNanos}, and a measured one is counted, late if the
     * connection was busy past its intended start.
     */
    void take() {
        long now = clock.getAsLong();
        intendedNanos = schedule.intendedStartNanos(slot);
        measured = schedule.measured(slot);
        if (measured) {
            measuredSlots++;
            maxStartDelayNanos = Math.max(maxStartDelayNanos, now - intendedNanos);
            if (busyUntilNanos > intendedNanos) {
                lateStarts++;
            }
        }
        slot += schedule.connections();
    }

    /** The operation of the slot taken last ended now, successfully or not. */
    void finished(boolean success) {
        long now = clock.getAsLong();
        busyUntilNanos = now;
        if (success && now >= schedule.measureStartNanos() && now < schedule.measureEndNanos()) {
            completedInWindow++;
        }
    }

    private void abandonRemaining() {
        for (long t = schedule.intendedStartNanos(slot);
                t < schedule.measureEndNanos();
                t = schedule.intendedStartNanos(slot)) {
            if (t >= schedule.measureStartNanos()) {
                notStarted++;
            }
            slot += schedule.connections();
        }
    }

    /** The intended start of the slot taken last: latency counts from here. */
    long intendedNanos() {
        return intendedNanos;
    }

    /** Whether the slot taken last lies in the measured window. */
    boolean measured() {
        return measured;
    }

    /** Measured slots issued. */
    long measuredSlots() {
        return measuredSlots;
    }

    /** Measured slots issued after their intended start because the connection was still busy then. */
    long lateStarts() {
        return lateStarts;
    }

    /** The largest (actual − intended) start of an issued measured slot. */
    long maxStartDelayNanos() {
        return maxStartDelayNanos;
    }

    /** Measured slots never issued: the connection was still behind its schedule when the drain bound passed. */
    long notStarted() {
        return notStarted;
    }

    /** Successful operations (of any slot) that ended inside the measured window. */
    long completedInWindow() {
        return completedInWindow;
    }
}
