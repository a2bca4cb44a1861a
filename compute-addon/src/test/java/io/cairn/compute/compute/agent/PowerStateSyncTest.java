package io.cairn.compute.compute.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.compute.compute.Server;
import io.cairn.compute.compute.ServerRepository;
import io.cairn.compute.compute.VmState;
import io.cairn.compute.compute.driver.FakeDriver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The agent's power-state sync (Nova's {@code _sync_power_states}) against a real database: after a "restart" (a
 * fresh {@link FakeDriver}, which knows no guests, as a QEMU host after a reboot) the servers the database places on
 * the host are SHUTOFF, not ACTIVE forever; a guest that powers itself off is found by the periodic pass.
 */
class PowerStateSyncTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void shouldStopServersWhoseGuestsAreGoneWhenTheAgentRestarts() throws Exception {
        try (AgentTestDatabase db = AgentTestDatabase.start()) {
            AgentContext ctx = db.context();
            ServerRepository servers = ctx.servers();
            ComputeAgent before = new ComputeAgent(ctx, "h1", "nova", fake(db));
            Server active = build(db, "h1", "active");
            Server stopped = build(db, "h1", "stopped");
            Server paused = build(db, "h1", "paused");
            Server busy = build(db, "h1", "busy");
            act(ctx, stopped, "stop");
            assertThat(db.awaitState(stopped.id, VmState.STOPPED, WAIT).powerState)
                    .isEqualTo(VmState.SHUTDOWN);
            act(ctx, paused, "pause");
            db.awaitState(paused.id, VmState.PAUSED, WAIT);
            // an action the API claimed (its message not yet handled): the sync leaves it to the action
            assertThat(servers.startTask(
                            busy.id,
                            List.of(VmState.ACTIVE),
                            false,
                            VmState.REBOOTING,
                            db.clock().millis()))
                    .isTrue();
            before.close(); // the host goes down with its guests

            ComputeAgent after = new ComputeAgent(ctx, "h1", "nova", fake(db));
            try {
                for (Server s : List.of(active, paused)) {
                    Server now = servers.find(s.id).orElseThrow();
                    assertThat(now.vmState).as(s.name).isEqualTo(VmState.STOPPED);
                    assertThat(now.powerState).as(s.name).isEqualTo(VmState.SHUTDOWN);
                    assertThat(now.status()).as(s.name).isEqualTo("SHUTOFF");
                    assertThat(now.taskState).as(s.name).isNull();
                }
                Server stillStopped = servers.find(stopped.id).orElseThrow();
                assertThat(stillStopped.vmState).isEqualTo(VmState.STOPPED);
                assertThat(stillStopped.powerState).isEqualTo(VmState.SHUTDOWN);
                Server claimed = servers.find(busy.id).orElseThrow();
                assertThat(claimed.vmState).isEqualTo(VmState.ACTIVE);
                assertThat(claimed.taskState).isEqualTo(VmState.REBOOTING);
                // nothing left to change
                assertThat(after.syncPowerStates()).isZero();
                // os-start brings a stopped server whose guest the driver forgot back (the driver recreates it)
                act(ctx, active, "start");
                assertThat(db.awaitState(active.id, VmState.ACTIVE, WAIT).powerState)
                        .isEqualTo(VmState.RUNNING);
            } finally {
                after.close();
            }
        }
    }

    @Test
    void shouldStopAServerWhenItsGuestPowersItselfOffBetweenPasses() throws Exception {
        try (AgentTestDatabase db = AgentTestDatabase.start()) {
            AgentContext ctx = db.context();
            FakeDriver driver = fake(db);
            ComputeAgent agent = new ComputeAgent(ctx, "h2", "nova", driver);
            try {
                Server s = build(db, "h2", "self-halting");
                Server other = build(db, "h2", "running");
                assertThat(agent.syncPowerStates()).isZero();
                driver.powerOff(s.id, Duration.ZERO); // "poweroff" inside the guest: the agent was not asked
                assertThat(agent.syncPowerStates()).isEqualTo(1);
                Server now = ctx.servers().find(s.id).orElseThrow();
                assertThat(now.status()).isEqualTo("SHUTOFF");
                assertThat(now.powerState).isEqualTo(VmState.SHUTDOWN);
                assertThat(ctx.servers().find(other.id).orElseThrow().status()).isEqualTo("ACTIVE");
                // os-start works on it as on any stopped server
                act(ctx, s, "start");
                assertThat(db.awaitState(s.id, VmState.ACTIVE, WAIT).powerState).isEqualTo(VmState.RUNNING);
            } finally {
                agent.close();
            }
        }
    }

    private static FakeDriver fake(AgentTestDatabase db) {
        return new FakeDriver(8, 16384, 200, db.clock());
    }

    /** A server placed on the agent's host and built there (no scheduler: the placement is written directly). */
    private static Server build(AgentTestDatabase db, String host, String name) {
        AgentContext ctx = db.context();
        Server s = db.newServer(name);
        ctx.servers().updatePlacement(s.id, host, "nova", db.clock().millis());
        ctx.bus().cast(MessageBus.computeTopic(host), new ComputeMessage("build", s.id, Map.of(), "t", "req-" + name));
        Server built = db.awaitState(s.id, VmState.ACTIVE, WAIT);
        assertThat(built.powerState).isEqualTo(VmState.RUNNING);
        return built;
    }

    private static void act(AgentContext ctx, Server s, String kind) {
        Server now = ctx.servers().find(s.id).orElseThrow();
        ctx.bus()
                .cast(
                        MessageBus.computeTopic(java.util.Objects.requireNonNull(now.host)),
                        new ComputeMessage(kind, s.id, Map.of(), "t", "req-" + kind));
    }
}
