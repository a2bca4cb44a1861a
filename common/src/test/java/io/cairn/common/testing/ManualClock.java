package io.cairn.common.testing;

import io.cairn.common.concurrent.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand; as a {@link Sleeper} it "sleeps" by advancing itself. Thread-safe. */
public final class ManualClock extends Clock implements Sleeper {
    private Instant now;
    private Duration slept = Duration.ZERO;

    public ManualClock(Instant start) {
        this.now = start;
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    /** Total time passed to {@link #sleep}. */
    public synchronized Duration slept() {
        return slept;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        slept = slept.plus(duration);
        now = now.plus(duration);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a manual clock stays in UTC");
    }
}
