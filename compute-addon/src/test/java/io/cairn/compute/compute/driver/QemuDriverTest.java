package io.cairn.compute.compute.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.compute.compute.VmState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link QemuDriver} booting one real guest (built by {@code scripts/build-test-image.sh} from Debian packages):
 * AMI-style kernel + ramdisk boot on a qcow2 overlay, the serial console, the metadata service, hard and soft
 * reboot, stop/start, pause, a snapshot, a base image that fails verification. Markers and deadlines, no sleeps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QemuDriverTest {
    private static final Duration BOOT = Duration.ofMinutes(4);
    private static final String QEMU = "/usr/bin/qemu-system-x86_64";

    private Path dir = Path.of("");
    private Path image = Path.of("");

    @BeforeAll
    void buildImage() throws Exception {
        assertThat(Path.of(QEMU))
                .as("apt-get install qemu-system-x86 qemu-utils busybox-static cpio")
                .isExecutable();
        dir = Files.createTempDirectory("qemu-driver-test");
        image = dir.resolve("image");
        Process p = new ProcessBuilder(
                        "bash",
                        Path.of("scripts/build-test-image.sh").toAbsolutePath().toString(),
                        image.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("build.log").toFile())
                .start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("build.log"))).isZero();
    }

    @AfterAll
    void clean() throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** The three images as the image service would describe and serve them. */
    private ImageSource images(boolean corruptKernelHash) {
        return new ImageSource() {
            @Override
            public Map<String, String> describe(String id) throws IOException {
                Path f = file(id);
                String hash = corruptKernelHash && id.equals("kernel") ? "00" : sha512(f);
                return switch (id) {
                    case "root" ->
                        Map.of(
                                "status",
                                "active",
                                "disk_format",
                                "ami",
                                "os_hash_algo",
                                "sha512",
                                "os_hash_value",
                                sha512(f),
                                "kernel_id",
                                "kernel",
                                "ramdisk_id",
                                "ramdisk",
                                "os_command_line",
                                "panic=1");
                    default ->
                        Map.of(
                                "status",
                                "active",
                                "disk_format",
                                id.equals("kernel") ? "aki" : "ari",
                                "os_hash_algo",
                                "sha512",
                                "os_hash_value",
                                hash);
                };
            }

            @Override
            public String download(String id, Path target) throws IOException {
                Files.copy(file(id), target);
                return sha512(target);
            }
        };
    }

    private Path file(String id) {
        return image.resolve(
                switch (id) {
                    case "kernel" -> "vmlinuz";
                    case "ramdisk" -> "initrd.gz";
                    default -> "root.raw";
                });
    }

    private static String sha512(Path f) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(f)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private QemuDriver driver(Path instances) throws IOException {
        return new QemuDriver(new QemuDriver.QemuSettings(
                instances,
                QEMU,
                "/usr/bin/qemu-img",
                "/bin/busybox",
                QemuDriver.kvmUsable(),
                Duration.ofMinutes(2),
                false));
    }

    @Test
    void aRealGuestBootsFetchesItsMetadataAndSurvivesRebootsAndStops() throws Exception {
        String id = "11111111-2222-3333-4444-555555555555";
        String userData = Base64.getEncoder().encodeToString("cairn-user-data-ünï".getBytes(StandardCharsets.UTF_8));
        GuestSpec spec =
                new GuestSpec(id, "guest", 256, 1, 1, "root", "{\"uuid\":\"" + id + "\",\"name\":\"guest\"}", userData);
        try (QemuDriver driver = driver(dir.resolve("instances"))) {
            driver.spawn(spec, images(false));
            assertThat(driver.powerState(id)).isEqualTo(VmState.RUNNING);
            String console = awaitReady(driver, id, 1);
            assertThat(console).contains("\"uuid\":\"" + id + "\"").contains("cairn-user-data-ünï");
            assertThat(dir.resolve("instances/_base")).isDirectoryContaining(p -> true);

            driver.reboot(id, true, Duration.ofSeconds(30));
            awaitReady(driver, id, 2);
            // soft: the guest's acpid powers it off on the ACPI button, then it is reset and boots again
            driver.reboot(id, false, Duration.ofMinutes(2));
            awaitReady(driver, id, 3);

            driver.pause(id);
            assertThat(driver.powerState(id)).isEqualTo(VmState.POWER_PAUSED);
            Path snap = dir.resolve("snapshot.qcow2");
            assertThat(driver.snapshot(id, snap)).isEqualTo("qcow2");
            assertThat(Files.readAllBytes(snap)).startsWith(new byte[] {'Q', 'F', 'I', (byte) 0xfb});
            assertThat(driver.powerState(id)).isEqualTo(VmState.POWER_PAUSED);
            driver.unpause(id);
            assertThat(driver.powerState(id)).isEqualTo(VmState.RUNNING);

            driver.powerOff(id, Duration.ofMinutes(2));
            assertThat(driver.powerState(id)).isEqualTo(VmState.SHUTDOWN);
            driver.powerOn(spec, images(false));
            awaitReady(driver, id, 4);
            assertThat(driver.consoleOutput(id, 3).split("\n")).hasSizeLessThanOrEqualTo(3);
        } // the agent stops: its QEMU processes end, the instance directory stays

        // a restarted agent's driver knows no guest; starting the server relaunches it on the disk it left
        try (QemuDriver restarted = driver(dir.resolve("instances"))) {
            assertThat(restarted.powerState(id)).isEqualTo(VmState.NOSTATE);
            restarted.powerOn(spec, images(false));
            assertThat(restarted.powerState(id)).isEqualTo(VmState.RUNNING);
            awaitReady(restarted, id, 5);
            restarted.destroy(id);
            assertThat(restarted.powerState(id)).isEqualTo(VmState.NOSTATE);
            assertThat(dir.resolve("instances").resolve(id)).doesNotExist();
        }
    }

    @Test
    void aGuestLeftByAPreviousRunIsRemovedWithItsServerAndTheCacheNever() throws Exception {
        Path instances = dir.resolve("instances-left");
        Path left = Files.createDirectories(instances.resolve("66666666-7777-8888-9999-000000000000"));
        Files.writeString(left.resolve("disk"), "an overlay from before the reboot");
        Files.createDirectories(instances.resolve("_base"));
        try (QemuDriver driver = driver(instances)) {
            GuestSpec gone = new GuestSpec("77777777-0000-0000-0000-000000000000", "g", 256, 1, 1, "root", "{}", null);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.powerOn(gone, images(false)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("no disk for " + gone.id());
            driver.destroy(left.getFileName().toString());
            driver.destroy("_base");
            driver.destroy("../instances-left");
        }
        assertThat(left).doesNotExist();
        assertThat(instances.resolve("_base")).isDirectory();
        assertThat(instances).isDirectory();
    }

    @Test
    void aBaseImageThatFailsItsHashIsRefusedAndNotCached() throws Exception {
        Path instances = dir.resolve("instances-bad");
        try (QemuDriver driver = driver(instances)) {
            GuestSpec spec = new GuestSpec("bad", "bad", 256, 1, 1, "root", "{}", null);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.spawn(spec, images(true)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("failed verification");
            try (var files = Files.list(instances.resolve("_base"))) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .noneMatch(n -> n.equals(ImageCache.sha1("kernel")) || n.endsWith(".part"));
            }
            driver.destroy("bad");
        }
    }

    /** The console once the guest printed its ready marker {@code boots} times. */
    private static String awaitReady(QemuDriver driver, String id, int boots) throws IOException {
        long deadline = System.nanoTime() + BOOT.toNanos();
        while (true) {
            String console = driver.consoleOutput(id, -1);
            int ready = console.split("CAIRN-GUEST-READY", -1).length - 1;
            if (ready >= boots) {
                return console;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "no CAIRN-GUEST-READY #" + boots + " within " + BOOT + "; console:\n" + console);
            }
            LockSupport.parkNanos(250_000_000L);
        }
    }
}
