package io.cairn.common.daemon;

import io.cairn.common.concurrent.NamedThreadFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs daemons' passes forever at their intervals (Swift's {@code run_forever}): each daemon on its own
 * thread, the next pass {@code interval} after the previous one ended, so a slow pass never overlaps
 * itself and one daemon's pass never delays another's. A pass that throws is recorded as an incomplete
 * pass and the schedule goes on — an {@link Error} too: {@code scheduleWithFixedDelay} cancels every later
 * run of a task that throws, so a daemon hit by one {@code StackOverflowError} or {@code LinkageError} would
 * otherwise stop for good with nothing logged. Such failures are counted in recon ({@code
 * <daemon>_pass_failures}).
 *
 * <p>Thread-safety: {@link #schedule} and {@link #close} from the owner thread.
 */
public final class DaemonScheduler implements AutoCloseable {
    private final Clock clock;
    private final ReconRegistry recon;
    private final Consumer<String> log;
    private final List<ScheduledExecutorService> executors = new ArrayList<>();
    private final List<ScheduledFuture<?>> futures = new ArrayList<>();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();

    public DaemonScheduler(Clock clock, ReconRegistry recon, Consumer<String> log) {
        this.clock = clock;
        this.recon = recon;
        this.log = log;
    }

    /** Runs {@code daemon} every {@code interval}, the first pass after {@code initialDelay}. */
    public void schedule(Daemon daemon, Duration initialDelay, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(daemon.name() + ": interval must be positive, got " + interval);
        }
        ScheduledExecutorService executor =
                Executors.newSingleThreadScheduledExecutor(NamedThreadFactory.single("cairn-" + daemon.name()));
        executors.add(executor);
        AtomicLong failed = failures.computeIfAbsent(daemon.name(), name -> new AtomicLong());
        recon.gauge(daemon.name() + "_pass_failures", failed::get);
        futures.add(executor.scheduleWithFixedDelay(
                () -> runScheduledPass(daemon, failed),
                initialDelay.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS));
    }

    /** A pass on the schedule: nothing it throws may escape into the executor (which would end the schedule). */
    @SuppressWarnings("IllegalCatch")
    private void runScheduledPass(Daemon daemon, AtomicLong failed) {
        Instant start = clock.instant();
        try {
            PassReport report = runPass(daemon);
            if (!report.completed()) {
                failed.incrementAndGet();
            }
        } catch (Throwable t) {
            failed.incrementAndGet();
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            log.accept(daemon.name() + ": pass died: " + trace);
            recon.passFinished(new PassReport.Builder(daemon.name(), start)
                    .error(String.valueOf(t))
                    .build(clock.instant()));
        }
    }

    /** One pass of {@code daemon} on the calling thread, recorded in recon; what {@code --once} runs. */
    public PassReport runPass(Daemon daemon) {
        Instant start = clock.instant();
        recon.passStarted(daemon.name(), start);
        PassReport report;
        try {
            report = daemon.runOnce();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report = new PassReport.Builder(daemon.name(), start)
                    .error("interrupted")
                    .build(clock.instant());
        } catch (RuntimeException e) {
            log.accept(daemon.name() + ": pass failed: " + e);
            report = new PassReport.Builder(daemon.name(), start)
                    .error(String.valueOf(e))
                    .build(clock.instant());
        }
        recon.passFinished(report);
        log.accept(daemon.name() + ": pass " + (report.completed() ? "completed" : "incomplete") + " in "
                + report.duration().toMillis() + " ms " + report.counters());
        return report;
    }

    /** Stops every schedule, interrupting passes in flight, and waits for their threads to end. */
    @Override
    public void close() {
        futures.forEach(future -> future.cancel(true));
        executors.forEach(ScheduledExecutorService::shutdownNow);
        try {
            for (ScheduledExecutorService executor : executors) {
                if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                    log.accept("a daemon did not stop within 30 s of interruption");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
