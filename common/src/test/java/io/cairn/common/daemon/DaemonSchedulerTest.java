package io.cairn.common.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.testing.Await;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DaemonSchedulerTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void shouldRecordCountersOfOnePassWhenRunDirectly() {
        ReconRegistry recon = new ReconRegistry();
        DaemonScheduler scheduler = new DaemonScheduler(clock, recon, log::add);
        Daemon daemon = counting("object-replicator", new AtomicInteger());

        PassReport report = scheduler.runPass(daemon);

        assertThat(report.completed()).isTrue();
        assertThat(report.counter("partitions_synced")).isEqualTo(1);
        assertThat(recon.lastPass("object-replicator")).isEqualTo(report);
        @SuppressWarnings("unchecked")
        Map<String, Object> daemons = (Map<String, Object>) recon.snapshot().get("daemons");
        assertThat(daemons).containsKey("object-replicator");
    }

    @Test
    void shouldKeepTheScheduleAndCountFailuresWhenAPassThrowsAnError() {
        ReconRegistry recon = new ReconRegistry();
        AtomicInteger passes = new AtomicInteger();
        Daemon dying = new Daemon() {
            @Override
            public String name() {
                return "object-updater";
            }

            @Override
            public PassReport runOnce() {
                passes.incrementAndGet();
                throw new StackOverflowError("deep recursion");
            }
        };
        try (DaemonScheduler scheduler = new DaemonScheduler(clock, recon, log::add)) {
            scheduler.schedule(dying, Duration.ZERO, Duration.ofMillis(5));
            Await.until("three passes despite the Error", Duration.ofSeconds(10), () -> passes.get() >= 3);
        }
        PassReport last = java.util.Objects.requireNonNull(recon.lastPass("object-updater"));
        assertThat(last.completed()).isFalse();
        assertThat(last.errors()).anySatisfy(e -> assertThat(e).contains("deep recursion"));
        @SuppressWarnings("unchecked")
        Map<String, Object> gauges = (Map<String, Object>)
                java.util.Objects.requireNonNull(recon.snapshot().get("gauges"));
        assertThat((Long) gauges.get("object-updater_pass_failures")).isGreaterThanOrEqualTo(3L);
        assertThat(log)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("object-updater: pass died: java.lang.StackOverflowError: deep recursion")
                        .contains("at "));
    }

    @Test
    void shouldRecordAnIncompletePassAndKeepGoingWhenAPassThrows() {
        ReconRegistry recon = new ReconRegistry();
        AtomicInteger passes = new AtomicInteger();
        Daemon failing = new Daemon() {
            @Override
            public String name() {
                return "object-auditor";
            }

            @Override
            public PassReport runOnce() {
                passes.incrementAndGet();
                throw new IllegalStateException("disk on fire");
            }
        };
        try (DaemonScheduler scheduler = new DaemonScheduler(clock, recon, log::add)) {
            scheduler.schedule(failing, Duration.ZERO, Duration.ofMillis(5));
            Await.until("three passes", Duration.ofSeconds(10), () -> passes.get() >= 3);
        }
        PassReport last = java.util.Objects.requireNonNull(recon.lastPass("object-auditor"));
        assertThat(last.completed()).isFalse();
        assertThat(last.errors()).anySatisfy(e -> assertThat(e).contains("disk on fire"));
    }

    @Test
    void shouldKeepAnErrorsCounterApartFromErrorMessagesInRecon() {
        PassReport report = new PassReport.Builder("object-auditor", clock.instant())
                .add("errors", 2)
                .error("disk sdb1 unreadable")
                .build(clock.instant());

        Map<String, Object> recon = report.toRecon();

        assertThat(recon).containsEntry("errors", 2L);
        assertThat(recon).containsEntry("error_messages", List.of("disk sdb1 unreadable"));
        assertThat(recon).containsEntry("completed", false);
    }

    @Test
    void shouldRejectNonPositiveInterval() {
        DaemonScheduler scheduler = new DaemonScheduler(clock, new ReconRegistry(), log::add);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> scheduler.schedule(counting("x", new AtomicInteger()), Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interval must be positive");
    }

    private Daemon counting(String name, AtomicInteger passes) {
        return new Daemon() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public PassReport runOnce() {
                passes.incrementAndGet();
                return new PassReport.Builder(name, clock.instant())
                        .add("partitions_synced", 1)
                        .build(clock.instant());
            }
        };
    }
}
