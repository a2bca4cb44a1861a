package io.cairn.compute.compute.agent;

import io.cairn.common.concurrent.NamedThreadFactory;
import io.cairn.compute.compute.ComputeHost;
import io.cairn.compute.compute.Server;
import io.cairn.compute.compute.VmState;
import io.cairn.compute.compute.driver.ComputeDriver;
import io.cairn.compute.compute.driver.GuestSpec;
import io.cairn.compute.compute.driver.HostResources;
import io.cairn.compute.compute.driver.ImageSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.databind.json.JsonMapper;

/**
 * One compute host's agent (nova-compute): reports its resources and a heartbeat, takes the messages of its topic
 * and drives its {@link ComputeDriver}, one message at a time per server, writing the server's states as the
 * driver gets through them. A driver failure puts the server in ERROR with the failure as its fault.
 */
public final class ComputeAgent implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ComputeAgent.class.getName());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AgentContext ctx;
    private final String host;
    private final String zone;
    private final ComputeDriver driver;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat;

    public ComputeAgent(AgentContext ctx, String host, String zone, ComputeDriver driver) {
        this.ctx = ctx;
        this.host = host;
        this.zone = zone;
        this.driver = driver;
        report();
        // as nova-compute's init_host: what the database says runs here is checked against the driver before any
        // new work arrives (after a host reboot, the guests are gone)
        syncPowerStates();
        ctx.bus().listen(MessageBus.computeTopic(host), this::handle);
        heartbeat = Executors.newSingleThreadScheduledExecutor(NamedThreadFactory.single("compute-heartbeat-" + host));
        long period = ctx.properties().heartbeat().toMillis();
        heartbeat.scheduleWithFixedDelay(this::report, period, period, TimeUnit.MILLISECONDS);
        long sync = ctx.properties().syncPowerStateInterval().toMillis();
        if (sync > 0) {
            heartbeat.scheduleWithFixedDelay(this::syncPowerStates, sync, sync, TimeUnit.MILLISECONDS);
        }
    }

    public String host() {
        return host;
    }

    /** What the driver reports itself as ({@code QEMU}, {@code fake}). */
    public String hypervisorType() {
        return driver.resources().hypervisorType();
    }

    private void report() {
        try {
            HostResources r = driver.resources();
            ctx.hosts()
                    .report(
                            new ComputeHost(
                                    host,
                                    0,
                                    r.hypervisorType(),
                                    r.hypervisorVersion(),
                                    zone,
                                    r.vcpus(),
                                    r.memoryMb(),
                                    r.diskGb(),
                                    r.cpuInfo(),
                                    "127.0.0.1",
                                    false,
                                    null,
                                    0),
                            ctx.clock().millis());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, host + ": heartbeat failed", e);
        }
    }

    /**
     * One pass of Nova's {@code _sync_power_states} over the servers the database places on this host, each under
     * its server lock and skipped while it has a task (the action's end writes its states): the power state is
     * refreshed from the driver, and a server that should have a guest ({@code active}, {@code paused}, {@code
     * suspended}) whose guest is gone or powered off (the driver knows none — its QEMU process ended with the host
     * —, or reports it shut down or crashed) becomes {@code stopped} with power state SHUTDOWN, status SHUTOFF: as
     * Nova's sync calls the stop API for a guest that shut down by itself. Nova only logs an ACTIVE guest its
     * hypervisor cannot find (libvirt still lists a domain whose process is gone, as shut off); here the driver is
     * in this process, so a guest it does not know is not running. Never throws (a failure is logged).
     *
     * @return how many servers were changed
     */
    public int syncPowerStates() {
        int changed = 0;
        try {
            for (Server listed : ctx.servers().onHost(host)) {
                ReentrantLock lock = locks.computeIfAbsent(listed.id, k -> new ReentrantLock());
                lock.lock();
                try {
                    Optional<Server> s = ctx.servers().find(listed.id);
                    if (s.isPresent() && syncPowerState(s.get())) {
                        changed++;
                    }
                } finally {
                    lock.unlock();
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, host + ": power state sync failed", e);
        }
        return changed;
    }

    private boolean syncPowerState(Server s) {
        if (s.taskState != null || VmState.BUILDING.equals(s.vmState)) {
            return false;
        }
        int actual = driver.powerState(s.id);
        boolean guestDown = actual == VmState.NOSTATE || actual == VmState.SHUTDOWN || actual == VmState.CRASHED;
        String vmState = s.vmState;
        int power = actual;
        if (guestDown && SHOULD_HAVE_A_GUEST.contains(vmState)) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    host + ": " + s.id + " is " + vmState + " but its guest is "
                            + (actual == VmState.NOSTATE ? "gone" : "not running (power state " + actual + ")")
                            + ": stopped");
            vmState = VmState.STOPPED;
            power = VmState.SHUTDOWN;
        } else if (actual == VmState.NOSTATE && VmState.STOPPED.equals(vmState)) {
            power = VmState.SHUTDOWN; // a stopped guest the driver forgot is still shut down
        }
        if (vmState.equals(s.vmState) && power == s.powerState) {
            return false;
        }
        return ctx.servers()
                .syncPowerState(s.id, s.vmState, vmState, power, ctx.clock().millis());
    }

    private static final java.util.Set<String> SHOULD_HAVE_A_GUEST =
            java.util.Set.of(VmState.ACTIVE, VmState.PAUSED, VmState.SUSPENDED);

    private String handle(ComputeMessage m) {
        ReentrantLock lock = locks.computeIfAbsent(m.serverId(), k -> new ReentrantLock());
        lock.lock();
        try {
            Optional<Server> found = ctx.servers().find(m.serverId());
            if (found.isEmpty()) {
                return "";
            }
            return perform(found.get(), m);
        } finally {
            lock.unlock();
        }
    }

    private String perform(Server s, ComputeMessage m) {
        long start = ctx.clock().millis();
        String event = "compute_" + m.kind();
        try {
            String reply = dispatch(s, m);
            if (!m.kind().equals("console")) {
                ctx.actions()
                        .event(s.id, m.requestId(), event, start, ctx.clock().millis(), null);
            }
            return reply;
        } catch (IOException | RuntimeException e) {
            failed(s, m, event, start, e);
            if (m.kind().equals("console")) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(s, m, event, start, e);
            return "";
        }
    }

    private void failed(Server s, ComputeMessage m, String event, long start, Exception e) {
        LOG.log(System.Logger.Level.WARNING, host + ": " + m.kind() + " of " + s.id + " failed", e);
        if (m.kind().equals("console")) {
            return;
        }
        long now = ctx.clock().millis();
        ctx.actions().event(s.id, m.requestId(), event, start, now, String.valueOf(e));
        if (m.kind().equals("build") || m.kind().equals("rebuild")) {
            ServerFaults.fail(s, "Build of instance " + s.id + " aborted: " + e.getMessage(), String.valueOf(e), now);
            s.powerState = driver.powerState(s.id);
        } else {
            // as Nova: a failed action leaves the server in its state, task cleared; the action records the error
            s.taskState = null;
            s.updatedAt = now;
        }
        ctx.servers().updateState(s);
    }

    private String dispatch(Server s, ComputeMessage m) throws IOException, InterruptedException {
        switch (m.kind()) {
            case "build" -> build(s, m);
            case "delete" -> delete(s);
            case "reboot" -> {
                driver.reboot(
                        s.id,
                        m.arg("type", "SOFT").equals("HARD"),
                        ctx.properties().softTimeout());
                settle(s, VmState.ACTIVE);
            }
            case "stop" -> {
                driver.powerOff(s.id, ctx.properties().softTimeout());
                settle(s, VmState.STOPPED);
            }
            case "start" -> power(s, () -> driver.powerOn(guest(s), images(m.token())), VmState.ACTIVE);
            case "pause" -> power(s, () -> driver.pause(s.id), VmState.PAUSED);
            case "unpause" -> power(s, () -> driver.unpause(s.id), VmState.ACTIVE);
            case "suspend" -> power(s, () -> driver.suspend(s.id), VmState.SUSPENDED);
            case "resume" -> power(s, () -> driver.resume(s.id), VmState.ACTIVE);
            case "rebuild" -> rebuild(s, m);
            case "snapshot" -> snapshot(s, m);
            case "console" -> {
                return driver.consoleOutput(s.id, Integer.parseInt(m.arg("length", "-1")));
            }
            default -> throw new IllegalArgumentException("unknown message kind " + m.kind());
        }
        return "";
    }

    /** A driver step that may throw, for {@link #power}. */
    private interface Step {
        void run() throws IOException, InterruptedException;
    }

    private void power(Server s, Step step, String vmState) throws IOException, InterruptedException {
        step.run();
        settle(s, vmState);
    }

    private void settle(Server s, String vmState) {
        s.vmState = vmState;
        s.taskState = null;
        s.powerState = driver.powerState(s.id);
        s.updatedAt = ctx.clock().millis();
        ctx.servers().updateState(s);
    }

    private void build(Server s, ComputeMessage m) throws IOException, InterruptedException {
        if (!VmState.BUILDING.equals(s.vmState) || VmState.DELETING.equals(s.taskState)) {
            return; // deleted, or failed by the watchdog, before this agent got to it
        }
        s.taskState = VmState.SPAWNING;
        s.updatedAt = ctx.clock().millis();
        ctx.servers().updateState(s);
        driver.spawn(guest(s), images(m.token()));
        // deleted while it was spawning: the delete found nothing to destroy yet, so do it now
        Optional<Server> now = ctx.servers().find(s.id);
        // or failed meanwhile by the watchdog (this host was silent too long): the server stays in ERROR, no guest
        if (now.isEmpty()
                || VmState.DELETING.equals(now.get().taskState)
                || !VmState.BUILDING.equals(now.get().vmState)) {
            driver.destroy(s.id);
            return;
        }
        s.launchedAt = ctx.clock().millis();
        settle(s, VmState.ACTIVE);
    }

    private void rebuild(Server s, ComputeMessage m) throws IOException, InterruptedException {
        s.imageId = m.arg("image", s.imageId);
        driver.rebuild(guest(s), images(m.token()));
        s.launchedAt = ctx.clock().millis();
        settle(s, VmState.ACTIVE);
    }

    private void delete(Server s) throws IOException, InterruptedException {
        driver.destroy(s.id);
        long now = ctx.clock().millis();
        s.vmState = VmState.DELETED;
        s.taskState = null;
        s.powerState = VmState.NOSTATE;
        s.deleted = true;
        s.terminatedAt = now;
        s.updatedAt = now;
        ctx.servers().updateState(s);
        locks.remove(s.id);
    }

    private void snapshot(Server s, ComputeMessage m) throws IOException, InterruptedException {
        String imageId = m.arg("image", "");
        Path dir = Files.createTempDirectory("cairn-snapshot");
        Path file = dir.resolve("disk");
        try {
            String format = driver.snapshot(s.id, file);
            ctx.images().setFormats(m.token(), imageId, format, "bare");
            ctx.images().upload(m.token(), imageId, file);
        } catch (IOException | RuntimeException e) {
            ctx.images().delete(m.token(), imageId);
            throw e;
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
        s.taskState = null;
        s.updatedAt = ctx.clock().millis();
        ctx.servers().updateState(s);
    }

    private ImageSource images(String token) {
        return new ImageSource() {
            @Override
            public Map<String, String> describe(String imageId) throws IOException {
                try {
                    Map<String, String> fields = new LinkedHashMap<>();
                    var doc = ctx.images()
                            .show(token, imageId)
                            .orElseThrow(() -> new IOException("image " + imageId + " is gone"));
                    for (var e : doc.properties()) {
                        fields.put(
                                e.getKey(),
                                e.getValue().isString()
                                        ? e.getValue().asString()
                                        : e.getValue().toString());
                    }
                    return fields;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }

            @Override
            public String download(String imageId, Path target) throws IOException {
                try {
                    return ctx.images().download(token, imageId, target);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        };
    }

    private GuestSpec guest(Server s) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("uuid", s.id);
        meta.put("name", s.name);
        meta.put("hostname", s.name.replaceAll("[^A-Za-z0-9-]", "-").toLowerCase(java.util.Locale.ROOT));
        meta.put("launch_index", s.launchIndex);
        meta.put("availability_zone", s.availabilityZone == null ? zone : s.availabilityZone);
        meta.put("project_id", s.projectId);
        meta.put("meta", s.metadata);
        if (s.keyName != null && s.keyData != null) {
            meta.put("public_keys", Map.of(s.keyName, s.keyData));
            meta.put("keys", java.util.List.of(Map.of("name", s.keyName, "type", "ssh", "data", s.keyData)));
        }
        meta.put("devices", java.util.List.of());
        return new GuestSpec(
                s.id,
                s.name,
                s.flavorRam,
                s.flavorVcpus,
                s.flavorDisk,
                s.imageId,
                JSON.writeValueAsString(meta),
                s.userData);
    }

    /** Stops taking messages and reporting (the host goes down for the scheduler after service_down_time). */
    @Override
    public void close() {
        ctx.bus().unlisten(MessageBus.computeTopic(host));
        heartbeat.shutdownNow();
        driver.close();
    }
}
