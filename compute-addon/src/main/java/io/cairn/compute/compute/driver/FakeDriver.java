package io.cairn.compute.compute.driver;

import io.cairn.compute.compute.VmState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * No hypervisor (Nova's {@code nova/virt/fake.py}): guests are entries in a map, every transition is instant and
 * the console says what happened, so tests can see the agent really called the driver.
 */
public final class FakeDriver implements ComputeDriver {
    private final HostResources resources;
    private final Clock clock;
    private final Map<String, Guest> guests = new ConcurrentHashMap<>();

    private static final class Guest {
        volatile int power = VmState.RUNNING;
        final StringBuilder console = new StringBuilder();
    }

    public FakeDriver(int vcpus, int memoryMb, int diskGb, Clock clock) {
        this.resources = new HostResources("fake", 1000, vcpus, memoryMb, diskGb, "{\"arch\": \"x86_64\"}");
        this.clock = clock;
    }

    @Override
    public HostResources resources() {
        return resources;
    }

    private Guest guest(String id) {
        Guest g = guests.get(id);
        if (g == null) {
            throw new IllegalStateException("no such guest " + id);
        }
        return g;
    }

    private void log(Guest g, String line) {
        synchronized (g.console) {
            g.console
                    .append('[')
                    .append(clock.instant())
                    .append("] ")
                    .append(line)
                    .append('\n');
        }
    }

    @Override
    public void spawn(GuestSpec guest, ImageSource images) {
        Guest g = new Guest();
        log(
                g,
                "fake guest " + guest.name() + " booted from image " + guest.imageId() + " with " + guest.ramMb()
                        + " MB, " + guest.vcpus() + " vCPUs, " + guest.diskGb() + " GB");
        log(g, "meta_data.json: " + guest.metaDataJson());
        guests.put(guest.id(), g);
    }

    @Override
    public void destroy(String id) {
        guests.remove(id);
    }

    @Override
    public void reboot(String id, boolean hard, Duration softTimeout) {
        Guest g = guest(id);
        g.power = VmState.RUNNING;
        log(g, (hard ? "hard" : "soft") + " reboot");
    }

    @Override
    public void powerOff(String id, Duration timeout) {
        Guest g = guest(id);
        g.power = VmState.SHUTDOWN;
        log(g, "powered off");
    }

    @Override
    public void powerOn(GuestSpec guest, ImageSource images) {
        Guest g = guests.computeIfAbsent(guest.id(), id -> {
            Guest adopted = new Guest();
            log(adopted, "fake guest " + guest.name() + " found again after a restart");
            return adopted;
        });
        g.power = VmState.RUNNING;
        log(g, "powered on");
    }

    @Override
    public void pause(String id) {
        Guest g = guest(id);
        g.power = VmState.POWER_PAUSED;
        log(g, "paused");
    }

    @Override
    public void unpause(String id) {
        Guest g = guest(id);
        g.power = VmState.RUNNING;
        log(g, "unpaused");
    }

    @Override
    public void suspend(String id) {
        Guest g = guest(id);
        g.power = VmState.POWER_SUSPENDED;
        log(g, "suspended");
    }

    @Override
    public void resume(String id) {
        Guest g = guest(id);
        g.power = VmState.RUNNING;
        log(g, "resumed");
    }

    @Override
    public void rebuild(GuestSpec guest, ImageSource images) {
        Guest g = guest(guest.id());
        g.power = VmState.RUNNING;
        log(g, "rebuilt from image " + guest.imageId());
    }

    @Override
    public String snapshot(String id, Path target) throws java.io.IOException {
        Guest g = guest(id);
        Files.writeString(target, "fake snapshot of " + id + "\n", StandardCharsets.UTF_8);
        log(g, "snapshot taken");
        return "raw";
    }

    @Override
    public String consoleOutput(String id, int lines) {
        Guest g = guest(id);
        synchronized (g.console) {
            return ComputeDriver.tail(g.console.toString(), lines);
        }
    }

    @Override
    public int powerState(String id) {
        Guest g = guests.get(id);
        return g == null ? VmState.NOSTATE : g.power;
    }

    @Override
    public void close() {
        guests.clear();
    }
}
