package io.cairn.compute.compute.agent;

import io.cairn.common.concurrent.NamedThreadFactory;
import io.cairn.compute.compute.ComputeHost;
import io.cairn.compute.compute.Server;
import io.cairn.compute.compute.scheduler.HostState;
import io.cairn.compute.compute.scheduler.RequestSpec;
import io.cairn.compute.compute.scheduler.Scheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler as a service: takes {@code schedule} messages, places each server with {@link Scheduler} over the
 * hosts' reported resources minus what live servers use, records the host and sends {@code build} to that host's
 * agent. Decisions are serialised (one at a time), so two requests never claim the same room. Its watchdog fails
 * builds on hosts whose agent went silent.
 */
public final class SchedulerService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SchedulerService.class.getName());

    private final AgentContext ctx;
    private final Scheduler scheduler;
    private final ScheduledExecutorService watchdog =
            Executors.newSingleThreadScheduledExecutor(NamedThreadFactory.single("compute-watchdog"));

    public SchedulerService(AgentContext ctx, Scheduler scheduler) {
        this.ctx = ctx;
        this.scheduler = scheduler;
        ctx.bus().listen(MessageBus.SCHEDULER, this::handle);
        long period = ctx.properties().heartbeat().toMillis();
        watchdog.scheduleWithFixedDelay(this::failBuildsOnSilentHosts, period, period, TimeUnit.MILLISECONDS);
    }

    private synchronized String handle(ComputeMessage m) {
        List<Server> servers = new ArrayList<>();
        for (String id : m.arg("servers", m.serverId()).split(",")) {
            ctx.servers().find(id).ifPresent(servers::add);
        }
        if (servers.isEmpty()) {
            return "";
        }
        Server first = servers.get(0);
        RequestSpec spec = new RequestSpec(
                first.flavorRam, first.flavorVcpus, first.flavorDisk, first.availabilityZone, imageProperties(m));
        long now = ctx.clock().millis();
        List<HostState> chosen;
        try {
            chosen = scheduler.select(spec, hostStates(now), servers.size());
        } catch (Scheduler.NoValidHost e) {
            for (Server s : servers) {
                ServerFaults.fail(s, String.valueOf(e.getMessage()), "", now);
                ctx.servers().updateState(s);
                ctx.actions()
                        .event(
                                s.id,
                                m.requestId(),
                                "conductor_schedule_and_build_instances",
                                now,
                                now,
                                String.valueOf(e.getMessage()));
            }
            return "";
        }
        for (int i = 0; i < servers.size(); i++) {
            Server s = servers.get(i);
            HostState h = chosen.get(i);
            ctx.servers().updatePlacement(s.id, h.host(), h.availabilityZone(), now);
            ctx.actions().event(s.id, m.requestId(), "conductor_schedule_and_build_instances", now, now, null);
            ctx.bus()
                    .cast(
                            MessageBus.computeTopic(h.host()),
                            new ComputeMessage("build", s.id, Map.of(), m.token(), m.requestId()));
        }
        return "";
    }

    private static Map<String, String> imageProperties(ComputeMessage m) {
        Map<String, String> props = new HashMap<>();
        for (Map.Entry<String, String> e : m.args().entrySet()) {
            if (e.getKey().startsWith("image.")) {
                props.put(e.getKey().substring("image.".length()), e.getValue());
            }
        }
        return props;
    }

    private List<HostState> hostStates(long now) {
        Map<String, int[]> usage = ctx.servers().usageByHost();
        long down = ctx.properties().serviceDownTime().toMillis();
        List<HostState> states = new ArrayList<>();
        for (ComputeHost h : ctx.hosts().all()) {
            states.add(new HostState(
                            h.host(),
                            h.availabilityZone(),
                            h.hypervisorType(),
                            h.isUp(now, down),
                            !h.disabled(),
                            new int[] {h.memoryMb(), h.vcpus(), h.localGb()})
                    .withUsage(usage.getOrDefault(h.host(), new int[4])));
        }
        return states;
    }

    /** Builds on a host that stopped reporting will never finish: ERROR with a fault, not BUILD forever. */
    void failBuildsOnSilentHosts() {
        try {
            long now = ctx.clock().millis();
            long down = ctx.properties().serviceDownTime().toMillis();
            for (ComputeHost h : ctx.hosts().all()) {
                if (h.isUp(now, down)) {
                    continue;
                }
                for (String id : ctx.servers().buildingOn(h.host())) {
                    Optional<Server> s = ctx.servers().find(id);
                    if (s.isPresent()) {
                        String msg = "Compute host " + h.host() + " stopped reporting (no heartbeat for "
                                + (now - h.heartbeatAt()) / 1000 + " s) while building the server";
                        ServerFaults.fail(s.get(), msg, "", now);
                        ctx.servers().updateState(s.get());
                        LOG.log(System.Logger.Level.WARNING, id + ": " + msg);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "watchdog pass failed", e);
        }
    }

    @Override
    public void close() {
        ctx.bus().unlisten(MessageBus.SCHEDULER);
        watchdog.shutdownNow();
    }
}
