package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code cairn cloud --compute-driver qemu} booting one real guest, driven by Debian's {@code openstack}: the
 * guest's kernel, ramdisk and root disk are built from Debian packages by {@code compute-addon/scripts/
 * build-test-image.sh}, uploaded through the image service (so into Cairn) as an AMI triple, booted with user
 * data, and watched through {@code console log show}: its markers, the metadata it fetched from 169.254.169.254,
 * a hard and a soft reboot, stop/start, delete. Timeouts of minutes on markers (a TCG boot on a busy box is slow).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudQemuIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration BOOT = Duration.ofMinutes(5);

    private Path tmp = Path.of("");
    private ServerLauncher.@Nullable Running cloud;
    private OpenStackClients admin;

    @BeforeAll
    void start() throws Exception {
        assertThat(Path.of("/usr/bin/qemu-system-x86_64"))
                .as("apt-get install qemu-system-x86 qemu-utils busybox-static cpio")
                .isExecutable();
        tmp = Files.createTempDirectory("cairn-qemu-it");
        Path data = tmp.resolve("cloud");
        ByteArrayOutputStream banner = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(banner, true, StandardCharsets.UTF_8);
        cloud = new CloudCommand(out, out, NodeDaemons.none())
                .start(List.of("--data", data.toString(), "--port", "0", "--compute-driver", "qemu"), Map.of());
        assertThat(banner.toString(StandardCharsets.UTF_8)).contains("driver QEMU");
        admin = new OpenStackClients(data.resolve("etc/openrc"), Files.createDirectories(tmp.resolve("home")));
    }

    @AfterAll
    void stop() throws IOException {
        if (cloud != null) {
            cloud.close();
        }
        try (var paths = Files.walk(tmp)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aRealGuestBootsFromCairnImagesAndFollowsTheCli() throws Exception {
        Path image = buildImage();
        String kernel = upload(image.resolve("vmlinuz"), "aki", "cairn-kernel");
        String ramdisk = upload(image.resolve("initrd.gz"), "ari", "cairn-ramdisk");
        admin.openstack(
                        "image",
                        "create",
                        "--file",
                        image.resolve("root.raw").toString(),
                        "--disk-format",
                        "ami",
                        "--container-format",
                        "ami",
                        "--property",
                        "kernel_id=" + kernel,
                        "--property",
                        "ramdisk_id=" + ramdisk,
                        "--property",
                        "os_command_line=panic=1",
                        "cairn-guest")
                .ok("image create root");
        Path userData = Files.writeString(tmp.resolve("user-data"), "cairn-it-user-data-ünï\n");
        JsonNode server = JSON.readTree(admin.openstack(
                        "server",
                        "create",
                        "--image",
                        "cairn-guest",
                        "--flavor",
                        "m1.tiny",
                        "--user-data",
                        userData.toString(),
                        "--wait",
                        "guest-1",
                        "-f",
                        "json")
                .ok("server create")
                .out());
        assertThat(server.get("status").asString()).isEqualTo("ACTIVE");
        String id = server.get("id").asString();

        String console = awaitReady(id, 1);
        // the metadata it fetched names this server, and the user data came through unchanged
        assertThat(console).contains("\"uuid\":\"" + id + "\"").contains("cairn-it-user-data-ünï");

        admin.openstack("server", "reboot", "--hard", "--wait", id).ok("reboot --hard");
        awaitReady(id, 2);
        admin.openstack("server", "reboot", "--wait", id).ok("reboot (soft)");
        awaitReady(id, 3);
        admin.openstack("server", "stop", id).ok("server stop");
        awaitStatus(id, "SHUTOFF");
        admin.openstack("server", "start", id).ok("server start");
        awaitStatus(id, "ACTIVE");
        awaitReady(id, 4);

        admin.openstack("server", "delete", "--wait", id).ok("server delete");
        assertThat(admin.openstack("server", "list", "-f", "value")
                        .ok("server list")
                        .out())
                .doesNotContain(id);
    }

    private Path buildImage() throws IOException, InterruptedException {
        Path out = tmp.resolve("image");
        Path script = Path.of("../compute-addon/scripts/build-test-image.sh")
                .toAbsolutePath()
                .normalize();
        Process p = new ProcessBuilder("bash", script.toString(), out.toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("build.log").toFile())
                .start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("build.log"))).isZero();
        return out;
    }

    private String upload(Path file, String format, String name) throws IOException, InterruptedException {
        return admin.openstack(
                        "image",
                        "create",
                        "--file",
                        file.toString(),
                        "--disk-format",
                        format,
                        "--container-format",
                        format,
                        name,
                        "-f",
                        "value",
                        "-c",
                        "id")
                .ok("image create " + name)
                .out()
                .strip();
    }

    private String console(String id) {
        try {
            return admin.openstack("console", "log", "show", id)
                    .ok("console log show")
                    .out();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The console once the guest printed its ready marker {@code boots} times. */
    private String awaitReady(String id, int boots) {
        String[] last = {""};
        Await.until("CAIRN-GUEST-READY #" + boots, BOOT, () -> {
            last[0] = console(id);
            return last[0].split("CAIRN-GUEST-READY", -1).length - 1 >= boots;
        });
        return last[0];
    }

    private void awaitStatus(String id, String status) {
        Await.until(id + " " + status, BOOT, () -> {
            try {
                return admin.openstack("server", "show", id, "-f", "value", "-c", "status")
                        .ok("server show")
                        .out()
                        .strip()
                        .equals(status);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
