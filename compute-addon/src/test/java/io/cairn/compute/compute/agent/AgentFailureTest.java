package io.cairn.compute.compute.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.compute.compute.Server;
import io.cairn.compute.compute.VmState;
import io.cairn.compute.compute.driver.ComputeDriver;
import io.cairn.compute.compute.driver.FakeDriver;
import io.cairn.compute.compute.driver.GuestSpec;
import io.cairn.compute.compute.driver.HostResources;
import io.cairn.compute.compute.driver.ImageSource;
import io.cairn.compute.compute.scheduler.Scheduler;
import io.cairn.compute.compute.scheduler.SchedulerConfig;
import io.cairn.compute.config.ComputeProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Agents over the in-process bus against a real database (the Spring context of {@link AgentTestDatabase}): a build
 * whose agent dies ends in ERROR with a fault, a silent host is down and gets nothing, a driver failure is a fault.
 */
class AgentFailureTest {
    @Test
    void anAgentDyingMidBuildLeavesTheServerInErrorWithAFault() throws Exception {
        try (AgentTestDatabase db = AgentTestDatabase.start()) {
            CountDownLatch spawning = new CountDownLatch(1);
            CountDownLatch never = new CountDownLatch(1);
            ComputeDriver hanging = new Delegating(db.clock()) {
                @Override
                public void spawn(GuestSpec guest, ImageSource images) throws InterruptedException {
                    spawning.countDown();
                    never.await(); // the agent's process "dies" while the driver is here
                }
            };
            AgentContext ctx = db.context();
            SchedulerService scheduler =
                    new SchedulerService(ctx, new Scheduler(SchedulerConfig.of(ctx.properties()), new Random(1)));
            try {
                ComputeAgent agent = new ComputeAgent(ctx, "doomed", "nova", hanging);
                Server s = db.newServer("victim");
                ctx.bus().cast(MessageBus.SCHEDULER, new ComputeMessage("schedule", s.id, Map.of(), "t", "req-1"));
                assertThat(spawning.await(30, TimeUnit.SECONDS)).isTrue();
                agent.close(); // heartbeats stop; its build never reports
                Server failed = db.awaitState(s.id, VmState.ERROR, Duration.ofSeconds(30));
                assertThat(failed.faultMessage).contains("doomed").contains("stopped reporting");
                assertThat(failed.faultCode).isEqualTo(500);

                // the silent host is down: a new server finds no valid host instead of waiting on it
                Server next = db.newServer("after");
                ctx.bus().cast(MessageBus.SCHEDULER, new ComputeMessage("schedule", next.id, Map.of(), "t", "req-2"));
                Server unplaced = db.awaitState(next.id, VmState.ERROR, Duration.ofSeconds(30));
                assertThat(unplaced.faultMessage).startsWith("No valid host was found.");
                assertThat(unplaced.host).isNull();
            } finally {
                never.countDown();
                scheduler.close();
            }
        }
    }

    @Test
    void aDriverFailureDuringSpawnIsTheServersFault() throws Exception {
        try (AgentTestDatabase db = AgentTestDatabase.start()) {
            ComputeDriver broken = new Delegating(db.clock()) {
                @Override
                public void spawn(GuestSpec guest, ImageSource images) throws java.io.IOException {
                    throw new java.io.IOException("disk image is corrupt");
                }
            };
            AgentContext ctx = db.context();
            SchedulerService scheduler =
                    new SchedulerService(ctx, new Scheduler(SchedulerConfig.of(ctx.properties()), new Random(1)));
            ComputeAgent agent = new ComputeAgent(ctx, "h1", "nova", broken);
            try {
                Server s = db.newServer("broken");
                ctx.bus().cast(MessageBus.SCHEDULER, new ComputeMessage("schedule", s.id, Map.of(), "t", "req-3"));
                Server failed = db.awaitState(s.id, VmState.ERROR, Duration.ofSeconds(30));
                assertThat(failed.faultMessage).contains("aborted").contains("disk image is corrupt");
                assertThat(failed.host).isEqualTo("h1");
            } finally {
                agent.close();
                scheduler.close();
            }
        }
    }

    /** A fake driver whose spawn tests override. */
    private static class Delegating implements ComputeDriver {
        private final FakeDriver fake;

        Delegating(Clock clock) {
            fake = new FakeDriver(4, 8192, 100, clock);
        }

        @Override
        public HostResources resources() {
            return fake.resources();
        }

        @Override
        public void spawn(GuestSpec guest, ImageSource images) throws java.io.IOException, InterruptedException {
            fake.spawn(guest, images);
        }

        @Override
        public void destroy(String id) {
            fake.destroy(id);
        }

        @Override
        public void reboot(String id, boolean hard, Duration softTimeout) {
            fake.reboot(id, hard, softTimeout);
        }

        @Override
        public void powerOff(String id, Duration timeout) {
            fake.powerOff(id, timeout);
        }

        @Override
        public void powerOn(GuestSpec guest, ImageSource images) {
            fake.powerOn(guest, images);
        }

        @Override
        public void pause(String id) {
            fake.pause(id);
        }

        @Override
        public void unpause(String id) {
            fake.unpause(id);
        }

        @Override
        public void suspend(String id) {
            fake.suspend(id);
        }

        @Override
        public void resume(String id) {
            fake.resume(id);
        }

        @Override
        public void rebuild(GuestSpec guest, ImageSource images) {
            fake.rebuild(guest, images);
        }

        @Override
        public String snapshot(String id, Path target) throws java.io.IOException {
            return fake.snapshot(id, target);
        }

        @Override
        public String consoleOutput(String id, int lines) {
            return fake.consoleOutput(id, lines);
        }

        @Override
        public int powerState(String id) {
            return fake.powerState(id);
        }

        @Override
        public void close() {
            fake.close();
        }
    }

    static ComputeProperties properties() {
        return new ComputeProperties(
                true,
                "fake",
                0,
                false,
                "h",
                "nova",
                null,
                Duration.ofMillis(100),
                Duration.ofSeconds(2),
                Duration.ofMinutes(10),
                "filter",
                List.of("ComputeFilter", "RamFilter"),
                1.0,
                0.0,
                0.0,
                0.0,
                1,
                8,
                16384,
                200,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                10,
                20,
                51200,
                100,
                128,
                "local",
                null,
                "tcg",
                "/usr/bin/qemu-system-x86_64",
                "/usr/bin/qemu-img",
                "/bin/busybox");
    }
}
