package io.cairn.compute.compute.driver;

import io.cairn.compute.compute.VmState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Guests as {@code qemu-system-x86_64} processes (no libvirt): images come from the image service into a verified
 * base cache, each guest runs on a qcow2 overlay sized to its flavor, its serial console goes to a file, and it is
 * controlled over QMP. Soft reboot and stop press the ACPI power button and act hard when the guest has not
 * powered off within the timeout. Suspend keeps the paused guest's memory in the QEMU process (no save to disk).
 * Closing the driver ends its QEMU processes (their disks stay).
 */
public final class QemuDriver implements ComputeDriver {
    private static final System.Logger LOG = System.getLogger(QemuDriver.class.getName());
    private static final Duration POLL = Duration.ofMillis(200);

    private final QemuSettings settings;
    private final ImageCache cache;
    private final Map<String, Guest> guests = new ConcurrentHashMap<>();
    private final Path sockets;

    /**
     * Where and how guests run.
     *
     * @param temporary the instances path is a temporary directory of this process: removed (cache and disks) on
     *     close
     */
    public record QemuSettings(
            Path instancesPath,
            String qemu,
            String qemuImg,
            String busybox,
            boolean kvm,
            Duration bootTimeout,
            boolean temporary) {}

    /** One guest: its files, its QEMU process (null while powered off) and its metadata service. */
    private static final class Guest {
        final GuestSpec spec;
        final Path dir;
        final Path qmp;
        final MetadataServer metadata;

        @Nullable
        Path kernel;

        @Nullable
        Path ramdisk;

        String kernelArgs = "";

        @Nullable
        Process process;

        volatile boolean suspended;

        Guest(GuestSpec spec, Path dir, Path qmp, MetadataServer metadata) {
            this.spec = spec;
            this.dir = dir;
            this.qmp = qmp;
            this.metadata = metadata;
        }
    }

    public QemuDriver(QemuSettings settings) throws IOException {
        this.settings = settings;
        this.cache = new ImageCache(settings.instancesPath());
        // UNIX socket paths are short (108 bytes): QMP sockets live in a short temporary directory
        this.sockets = Files.createTempDirectory("cairn-qmp");
    }

    /** Whether KVM can run guests here: {@code /dev/kvm} read-write and vmx/svm in the CPU flags. */
    public static boolean kvmUsable() {
        Path kvm = Path.of("/dev/kvm");
        if (!Files.isReadable(kvm) || !Files.isWritable(kvm)) {
            return false;
        }
        try {
            String cpu = Files.readString(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8);
            return cpu.contains(" vmx") || cpu.contains(" svm");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public HostResources resources() {
        int vcpus = Runtime.getRuntime().availableProcessors();
        int memoryMb = 4096;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("MemTotal:")) {
                    memoryMb = (int) (Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read /proc/meminfo; reporting " + memoryMb + " MB");
        }
        int diskGb;
        try {
            diskGb = (int) (Files.getFileStore(settings.instancesPath()).getTotalSpace() >> 30);
        } catch (IOException e) {
            diskGb = 10;
        }
        String cpuInfo = "{\"arch\": \"x86_64\", \"model\": \"" + (settings.kvm() ? "host" : "qemu64")
                + "\", \"vendor\": \"QEMU\", \"topology\": {\"cells\": 1, \"sockets\": 1, \"cores\": " + vcpus
                + ", \"threads\": 1}, \"features\": []}";
        return new HostResources("QEMU", 7002000, vcpus, memoryMb, diskGb, cpuInfo);
    }

    @Override
    public void spawn(GuestSpec spec, ImageSource images) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(settings.instancesPath().resolve(spec.id()));
        Path qmp = sockets.resolve(spec.id() + ".sock");
        MetadataServer metadata = new MetadataServer(spec.metaDataJson(), spec.userData());
        Guest g = new Guest(spec, dir, qmp, metadata);
        guests.put(spec.id(), g);
        prepareDisk(g, spec, images);
        launch(g);
    }

    private void prepareDisk(Guest g, GuestSpec spec, ImageSource images) throws IOException, InterruptedException {
        Map<String, String> image = images.describe(spec.imageId());
        Path base = cache.fetch(spec.imageId(), image, images);
        bootFiles(g, image, images);
        String format = image.getOrDefault("disk_format", "raw").equals("qcow2") ? "qcow2" : "raw";
        Path disk = g.dir.resolve("disk");
        Files.deleteIfExists(disk);
        List<String> create = new ArrayList<>(List.of(
                settings.qemuImg(),
                "create",
                "-q",
                "-f",
                "qcow2",
                "-F",
                format,
                "-b",
                base.toString(),
                disk.toString()));
        if (spec.diskGb() > 0) {
            long virtual = virtualSize(base);
            long wanted = (long) spec.diskGb() << 30;
            create.add(String.valueOf(Math.max(virtual, wanted)));
        }
        run(create, g.dir.resolve("qemu-img.log"));
    }

    /** AMI-style boot: the image's {@code kernel_id}/{@code ramdisk_id} from the cache, and the kernel line. */
    private void bootFiles(Guest g, Map<String, String> image, ImageSource images) throws IOException {
        String kernelId = image.get("kernel_id");
        if (kernelId != null) {
            g.kernel = cache.fetch(kernelId, images.describe(kernelId), images);
            String ramdiskId = image.get("ramdisk_id");
            g.ramdisk = ramdiskId == null ? null : cache.fetch(ramdiskId, images.describe(ramdiskId), images);
            g.kernelArgs = "root=/dev/vda console=ttyS0 " + image.getOrDefault("os_command_line", "");
        }
    }

    private long virtualSize(Path image) throws IOException, InterruptedException {
        Path out = Files.createTempFile("qemu-img-info", ".json");
        try {
            run(List.of(settings.qemuImg(), "info", "--output=json", image.toString()), out);
            String json = Files.readString(out, StandardCharsets.UTF_8);
            int i = json.indexOf("\"virtual-size\":");
            return i < 0 ? 0 : Long.parseLong(json.substring(i + 15).trim().split("[,\\s}]")[0]);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static void run(List<String> argv, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(argv.get(0) + " ran over 5 minutes");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", argv) + " failed (" + p.exitValue() + "): "
                    + Files.readString(log, StandardCharsets.UTF_8).strip());
        }
    }

    private void launch(Guest g) throws IOException, InterruptedException {
        Files.deleteIfExists(g.qmp);
        QemuCommand cmd = new QemuCommand(
                settings.qemu(),
                settings.kvm(),
                "instance-" + g.spec.id(),
                g.spec.ramMb(),
                Math.max(1, g.spec.vcpus()),
                g.dir.resolve("disk"),
                g.dir.resolve("console.log"),
                g.qmp,
                settings.busybox() + " nc 127.0.0.1 " + g.metadata.port(),
                g.kernel,
                g.ramdisk,
                g.kernelArgs.strip());
        Path log = g.dir.resolve("qemu.log");
        g.process = new ProcessBuilder(cmd.argv())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        g.suspended = false;
        long deadline = System.nanoTime() + settings.bootTimeout().toNanos();
        while (true) {
            Process p = g.process;
            if (p == null || !p.isAlive()) {
                g.process = null;
                throw new IOException("qemu exited at start: "
                        + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
            if (Files.exists(g.qmp) && statusOrNull(g).equals("running")) {
                return;
            }
            if (System.nanoTime() > deadline) {
                kill(g);
                throw new IOException("qemu did not come up within " + settings.bootTimeout());
            }
            pause();
        }
    }

    private static void pause() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
    }

    private static String statusOrNull(Guest g) {
        try {
            return Qmp.status(g.qmp);
        } catch (IOException e) {
            return "";
        }
    }

    private Guest guest(String id) {
        Guest g = guests.get(id);
        if (g == null) {
            throw new IllegalStateException("no guest " + id + " on this host");
        }
        return g;
    }

    private static boolean running(Guest g) {
        Process p = g.process;
        return p != null && p.isAlive();
    }

    /** Presses the power button and waits for the guest to power off; false if it did not in time. */
    private static boolean acpiShutdown(Guest g, Duration timeout) throws IOException, InterruptedException {
        Qmp.execute(g.qmp, "system_powerdown");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (statusOrNull(g).equals("shutdown")) {
                return true;
            }
            pause();
        }
        return false;
    }

    private static void kill(Guest g) throws InterruptedException {
        Process p = g.process;
        if (p == null) {
            return;
        }
        try {
            Qmp.execute(g.qmp, "quit");
        } catch (IOException e) {
            // not answering: it is killed below
        }
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        g.process = null;
    }

    @Override
    public void destroy(String id) throws IOException, InterruptedException {
        Guest g = guests.remove(id);
        if (g == null) {
            // left by a previous run of this host (or never built): its directory goes with the server (never the
            // base-image cache or anything outside the instances path)
            Path dir = settings.instancesPath().resolve(id).normalize();
            if (settings.instancesPath().equals(dir.getParent()) && !id.startsWith("_")) {
                deleteTree(dir);
            }
            return;
        }
        kill(g);
        g.metadata.close();
        Files.deleteIfExists(g.qmp);
        deleteTree(g.dir);
    }

    @Override
    public void reboot(String id, boolean hard, Duration softTimeout) throws IOException, InterruptedException {
        Guest g = guest(id);
        if (!running(g)) {
            launch(g); // a hard reboot of a stopped server starts it
            return;
        }
        if (!hard && !acpiShutdown(g, softTimeout)) {
            LOG.log(System.Logger.Level.INFO, id + ": no ACPI power-off within " + softTimeout + "; resetting");
        }
        Qmp.execute(g.qmp, "system_reset");
        if (!statusOrNull(g).equals("running")) {
            Qmp.execute(g.qmp, "cont");
        }
        g.suspended = false;
    }

    @Override
    public void powerOff(String id, Duration timeout) throws IOException, InterruptedException {
        Guest g = guest(id);
        if (running(g) && !acpiShutdown(g, timeout)) {
            LOG.log(System.Logger.Level.INFO, id + ": no ACPI power-off within " + timeout + "; destroying");
        }
        kill(g);
    }

    @Override
    public void powerOn(GuestSpec spec, ImageSource images) throws IOException, InterruptedException {
        Guest g = guests.get(spec.id());
        if (g == null) {
            g = adopt(spec, images);
        }
        if (!running(g)) {
            launch(g);
        }
    }

    /**
     * A guest a previous run of this host left: its directory and disk are still in the instances path, its QEMU
     * process and metadata service are gone. The kernel and ramdisk come from the base-image cache (fetched again
     * only if the cache lost them); the disk is kept as it is.
     */
    private Guest adopt(GuestSpec spec, ImageSource images) throws IOException {
        Path dir = settings.instancesPath().resolve(spec.id());
        if (!Files.isRegularFile(dir.resolve("disk"))) {
            throw new IOException("no disk for " + spec.id() + " in " + dir + " (rebuild or delete the server)");
        }
        Map<String, String> image = images.describe(spec.imageId());
        MetadataServer metadata = new MetadataServer(spec.metaDataJson(), spec.userData());
        Guest g = new Guest(spec, dir, sockets.resolve(spec.id() + ".sock"), metadata);
        try {
            bootFiles(g, image, images);
        } catch (IOException | RuntimeException e) {
            metadata.close();
            throw e;
        }
        guests.put(spec.id(), g);
        LOG.log(System.Logger.Level.INFO, spec.id() + ": found its disk from a previous run; starting it again");
        return g;
    }

    @Override
    public void pause(String id) throws IOException {
        Qmp.execute(guest(id).qmp, "stop");
    }

    @Override
    public void unpause(String id) throws IOException {
        Qmp.execute(guest(id).qmp, "cont");
    }

    @Override
    public void suspend(String id) throws IOException {
        Guest g = guest(id);
        Qmp.execute(g.qmp, "stop");
        g.suspended = true;
    }

    @Override
    public void resume(String id) throws IOException {
        Guest g = guest(id);
        Qmp.execute(g.qmp, "cont");
        g.suspended = false;
    }

    @Override
    public void rebuild(GuestSpec spec, ImageSource images) throws IOException, InterruptedException {
        Guest old = guest(spec.id());
        kill(old);
        old.metadata.update(spec.metaDataJson(), spec.userData());
        Guest g = new Guest(spec, old.dir, old.qmp, old.metadata);
        guests.put(spec.id(), g);
        prepareDisk(g, spec, images);
        launch(g);
    }

    @Override
    public String snapshot(String id, Path target) throws IOException, InterruptedException {
        Guest g = guest(id);
        boolean wasRunning = running(g) && statusOrNull(g).equals("running");
        if (wasRunning) {
            // a consistent copy: no guest writes while it is read (-U: QEMU holds the image lock meanwhile)
            Qmp.execute(g.qmp, "stop");
        }
        try {
            run(
                    List.of(
                            settings.qemuImg(),
                            "convert",
                            "-U",
                            "-O",
                            "qcow2",
                            g.dir.resolve("disk").toString(),
                            target.toString()),
                    g.dir.resolve("qemu-img.log"));
        } finally {
            if (wasRunning) {
                Qmp.execute(g.qmp, "cont");
            }
        }
        return "qcow2";
    }

    @Override
    public String consoleOutput(String id, int lines) throws IOException {
        Path console = guest(id).dir.resolve("console.log");
        if (!Files.exists(console)) {
            return "";
        }
        // the guest writes what it likes; invalid UTF-8 becomes replacement characters
        String text = new String(Files.readAllBytes(console), StandardCharsets.UTF_8);
        return ComputeDriver.tail(text, lines);
    }

    @Override
    public int powerState(String id) {
        Guest g = guests.get(id);
        if (g == null) {
            return VmState.NOSTATE;
        }
        if (!running(g)) {
            return VmState.SHUTDOWN;
        }
        return switch (statusOrNull(g).toLowerCase(Locale.ROOT)) {
            case "running" -> VmState.RUNNING;
            case "paused" -> g.suspended ? VmState.POWER_SUSPENDED : VmState.POWER_PAUSED;
            case "shutdown" -> VmState.SHUTDOWN;
            case "guest-panicked", "internal-error" -> VmState.CRASHED;
            default -> VmState.NOSTATE;
        };
    }

    @Override
    public void close() {
        for (Guest g : guests.values()) {
            try {
                kill(g);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            g.metadata.close();
        }
        guests.clear();
        try {
            Files.deleteIfExists(sockets);
            if (settings.temporary()) {
                deleteTree(settings.instancesPath());
                Path parent = settings.instancesPath().getParent();
                if (parent != null) {
                    try (var left = Files.list(parent)) {
                        if (left.findAny().isEmpty()) {
                            Files.deleteIfExists(parent);
                        }
                    }
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "left behind: " + sockets + " or " + settings.instancesPath());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
