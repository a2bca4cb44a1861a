package io.cairn.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The open-loop schedule and one connection's walk through it, on a hand-driven clock (no real time). */
class RatePacerTest {
    private static final long ORIGIN = 5_000_000_000L; // any nanoTime value
    private static final long MS = 1_000_000L;

    /** A clock the test moves by hand. */
    private static final class FakeClock {
        long now = ORIGIN;

        void at(long offsetMillis) {
            now = ORIGIN + offsetMillis * MS;
        }
    }

    private final FakeClock clock = new FakeClock();

    private static RateSchedule schedule(double rate, int connections, long warmupMillis, long durationMillis) {
        return new RateSchedule(
                rate, connections, ORIGIN, Duration.ofMillis(warmupMillis), Duration.ofMillis(durationMillis));
    }

    private RatePacer pacer(RateSchedule schedule, int connection) {
        return new RatePacer(schedule, connection, () -> clock.now);
    }

    @Test
    void shouldSpaceIntendedStartsOneOverTheRateAndDealThemToConnectionsInTurn() {
        RateSchedule s = schedule(100, 4, 0, 1000); // 10 ms apart
        assertThat(s.intendedStartNanos(0)).isEqualTo(ORIGIN);
        assertThat(s.intendedStartNanos(7)).isEqualTo(ORIGIN + 70 * MS);
        assertThat(s.firstSlot(3)).isEqualTo(3);
        assertThat(s.measureStartNanos()).isEqualTo(ORIGIN);
        assertThat(s.measureEndNanos()).isEqualTo(ORIGIN + 1000 * MS);
        // drain bound: half the duration, at least 1 s
        assertThat(s.abandonAfterNanos()).isEqualTo(ORIGIN + 2000 * MS);
        assertThat(schedule(100, 4, 0, 10_000).abandonAfterNanos()).isEqualTo(ORIGIN + 15_000 * MS);

        // connection 1 of 4 owns slots 1, 5, 9, ...: it waits for 10 ms, then every 40 ms
        RatePacer p = pacer(s, 1);
        assertThat(p.next()).isEqualTo(RatePacer.Next.WAIT);
        assertThat(p.waitNanos()).isEqualTo(10 * MS);
        clock.at(10);
        assertThat(p.next()).isEqualTo(RatePacer.Next.DUE);
        p.take();
        assertThat(p.intendedNanos()).isEqualTo(ORIGIN + 10 * MS);
        assertThat(p.measured()).isTrue();
        clock.at(13);
        p.finished(true); // a 3 ms operation: free long before its next slot
        assertThat(p.next()).isEqualTo(RatePacer.Next.WAIT);
        assertThat(p.waitNanos()).isEqualTo(37 * MS);
        assertThat(p.lateStarts()).isZero();
        assertThat(p.maxStartDelayNanos()).isZero();
    }

    @Test
    void shouldStartALateSlotAtOnceAndCountItLateWhenTheConnectionWasBusyAtItsSlot() {
        RatePacer p = pacer(schedule(100, 4, 0, 1000), 1); // slots at 10, 50, 90, ... ms
        clock.at(10);
        assertThat(p.next()).isEqualTo(RatePacer.Next.DUE);
        p.take();
        clock.at(75); // the server took 65 ms: the 50 ms slot came while the connection was busy
        p.finished(true);
        assertThat(p.next()).isEqualTo(RatePacer.Next.DUE);
        p.take();
        // latency counts from the slot's intended start, not from now
        assertThat(p.intendedNanos()).isEqualTo(ORIGIN + 50 * MS);
        assertThat(p.lateStarts()).isEqualTo(1);
        assertThat(p.maxStartDelayNanos()).isEqualTo(25 * MS);
        assertThat(p.measuredSlots()).isEqualTo(2);
        // finished before the 90 ms slot: back on schedule
        clock.at(80);
        p.finished(true);
        assertThat(p.next()).isEqualTo(RatePacer.Next.WAIT);
        assertThat(p.waitNanos()).isEqualTo(10 * MS);
    }

    @Test
    void shouldNotCountAStartLateWhenTheConnectionWasIdleAtItsSlot() {
        RatePacer p = pacer(schedule(100, 1, 0, 1000), 0);
        clock.at(0);
        p.take();
        clock.at(4);
        p.finished(true);
        clock.at(12); // the timer for the 10 ms slot fired 2 ms late: a delay, but the connection was free
        assertThat(p.next()).isEqualTo(RatePacer.Next.DUE);
        p.take();
        assertThat(p.lateStarts()).isZero();
        assertThat(p.maxStartDelayNanos()).isEqualTo(2 * MS);
    }

    @Test
    void shouldMeasureOnlySlotsIntendedInsideTheWindowWhenThereIsAWarmup() {
        RateSchedule s = schedule(100, 1, 30, 50); // warm-up slots 0, 10, 20 ms; measured 30 .. 70 ms
        RatePacer p = pacer(s, 0);
        List<Boolean> measured = new ArrayList<>();
        for (long at = 0; at <= 70; at += 10) {
            clock.at(at);
            assertThat(p.next()).isEqualTo(RatePacer.Next.DUE);
            p.take();
            measured.add(p.measured());
            clock.at(at + 5); // 5 ms operations
            p.finished(true);
        }
        assertThat(p.next()).isEqualTo(RatePacer.Next.STOP); // the 80 ms slot is past the window
        assertThat(measured).containsExactly(false, false, false, true, true, true, true, true);
        assertThat(p.measuredSlots()).isEqualTo(5);
        // operations ended at 5, 15, ..., 75 ms; those in the window [30, 80): 35, 45, 55, 65, 75
        assertThat(p.completedInWindow()).isEqualTo(5);
        assertThat(p.notStarted()).isZero();
    }

    @Test
    void shouldStopAtTheWindowEndEvenWhileIdle() {
        RatePacer p = pacer(schedule(100, 4, 0, 100), 0); // connection 0: slots at 0, 40, 80 ms; 120 is past the end
        for (long at : new long[] {0, 40, 80}) {
            clock.at(at);
            assertThat(p.next()).isEqualTo(RatePacer.Next.DUE);
            p.take();
            p.finished(true);
        }
        assertThat(p.next()).isEqualTo(RatePacer.Next.STOP);
        assertThat(p.measuredSlots()).isEqualTo(3);
    }

    @Test
    void shouldCountTheRemainingSlotsNotStartedWhenStillBehindAtTheDrainBound() {
        RatePacer p = pacer(schedule(100, 1, 0, 1000), 0); // slots every 10 ms, window [0, 1000), drain bound 2000
        clock.at(0);
        p.take();
        clock.at(1500); // one operation hung for 1.5 s: the connection is 149 slots behind, within the drain bound
        p.finished(false);
        assertThat(p.next()).isEqualTo(RatePacer.Next.DUE);
        p.take();
        assertThat(p.intendedNanos()).isEqualTo(ORIGIN + 10 * MS);
        assertThat(p.lateStarts()).isEqualTo(1);
        clock.at(2000); // still behind when the bound passes: the 98 slots from 20 to 990 ms are given up
        p.finished(true);
        assertThat(p.next()).isEqualTo(RatePacer.Next.STOP);
        assertThat(p.notStarted()).isEqualTo(98);
        assertThat(p.measuredSlots()).isEqualTo(2);
        assertThat(p.completedInWindow()).isZero(); // the one success ended after the window
        assertThat(p.next()).isEqualTo(RatePacer.Next.STOP);
        assertThat(p.notStarted()).isEqualTo(98);
    }

    @Test
    void shouldRejectAScheduleWhenTheRateOrWindowIsUnusable() {
        assertThatThrownBy(() -> schedule(0, 1, 0, 1000)).hasMessageContaining("rate must be > 0");
        assertThatThrownBy(() -> schedule(Double.NaN, 1, 0, 1000)).hasMessageContaining("rate must be > 0");
        assertThatThrownBy(() -> schedule(10, 0, 0, 1000)).hasMessageContaining("connections must be >= 1");
        assertThatThrownBy(() -> schedule(10, 1, 0, 0)).hasMessageContaining("duration > 0");
        assertThatThrownBy(() -> schedule(10, 2, 0, 1000).firstSlot(2)).hasMessageContaining("connection 2 of 2");
    }

    /**
     * Every connection kept on time (the clock jumps to each slot it waits for): together they issue exactly the
     * window's slots, 1/rate apart, and none late.
     */
    @Property(tries = 200)
    void shouldIssueEveryIntendedStartOfTheWindowOnceWhenConnectionsKeepUp(
            @ForAll @IntRange(min = 1, max = 5000) int rate,
            @ForAll @IntRange(min = 1, max = 32) int connections,
            @ForAll @IntRange(min = 0, max = 300) int warmupMillis,
            @ForAll @IntRange(min = 1, max = 700) int durationMillis) {
        RateSchedule s = schedule(rate, connections, warmupMillis, durationMillis);
        List<Long> starts = new ArrayList<>();
        long scheduled = 0;
        for (int c = 0; c < connections; c++) {
            FakeClock own = new FakeClock();
            RatePacer p = new RatePacer(s, c, () -> own.now);
            for (RatePacer.Next n = p.next(); n != RatePacer.Next.STOP; n = p.next()) {
                if (n == RatePacer.Next.WAIT) {
                    own.now += p.waitNanos();
                    continue;
                }
                p.take();
                assertThat(p.intendedNanos()).isEqualTo(own.now);
                if (p.measured()) {
                    starts.add(p.intendedNanos());
                }
                p.finished(true);
            }
            scheduled += p.measuredSlots();
            assertThat(p.lateStarts()).isZero();
            assertThat(p.notStarted()).isZero();
        }
        Collections.sort(starts);
        assertThat(scheduled).isEqualTo(starts.size());
        // the window holds ceil((end - first slot at/after start) / interval) slots; check spacing and bounds instead
        double interval = 1e9 / rate;
        assertThat(starts)
                .allSatisfy(t -> assertThat(t)
                        .isGreaterThanOrEqualTo(s.measureStartNanos())
                        .isLessThan(s.measureEndNanos()));
        for (int i = 1; i < starts.size(); i++) {
            assertThat((double) (starts.get(i) - starts.get(i - 1))).isBetween(interval - 1, interval + 1);
        }
        if (!starts.isEmpty()) {
            assertThat((double) (starts.get(0) - s.measureStartNanos())).isLessThan(interval + 1);
            assertThat((double) (s.measureEndNanos() - starts.get(starts.size() - 1)))
                    .isLessThanOrEqualTo(interval + 1);
        } else {
            assertThat((double) durationMillis * MS).isLessThan(interval + 1);
        }
    }
}
