package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.testing.Await;
import io.cairn.compute.ComputeServices;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The multi-host shape: PostgreSQL and a real RabbitMQ node (Debian's, started by the test as {@code nobody} on
 * free ports), {@code cairn cloud} running the APIs, the scheduler and agent {@code agent-a} with {@code
 * transport=amqp}, and a second compute service (agent {@code agent-b}, no scheduler) that shares only the
 * database and the broker with it. Debian's {@code openstack} places servers on both agents, drives one on the
 * remote agent (actions and console output go over AMQP), and sees the remote agent go down when it stops.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudMultiHostIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofMinutes(2);

    private Path tmp = Path.of("");
    private @Nullable PostgresCluster postgres;
    private @Nullable RabbitNode rabbit;
    private ServerLauncher.@Nullable Running cloud;
    private @Nullable ComputeServices remote;
    private OpenStackClients admin;

    @BeforeAll
    void start() throws Exception {
        assertThat(PostgresCluster.available()).as("apt-get install postgresql").isTrue();
        assertThat(RabbitNode.available()).as("apt-get install rabbitmq-server").isTrue();
        tmp = Files.createTempDirectory("cairn-multihost-it");
        postgres = PostgresCluster.start(tmp);
        rabbit = RabbitNode.start(tmp);
        Path data = tmp.resolve("cloud");
        List<String> args = List.of(
                "--data",
                data.toString(),
                "--port",
                "0",
                "--compute-driver",
                "fake",
                "--database-url",
                postgres.jdbcUrl(),
                "--database-user",
                "postgres");
        Map<String, String> amqp = Map.of(
                "cairn.compute.transport", "amqp",
                "cairn.compute.amqp-uri", rabbit.uri(),
                "cairn.compute.heartbeat", "500ms",
                "cairn.compute.service-down-time", "4s");
        Map<String, String> local = new java.util.HashMap<>(amqp);
        local.put("cairn.compute.host", "agent-a");
        ByteArrayOutputStream banner = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(banner, true, StandardCharsets.UTF_8);
        cloud = new CloudCommand(out, out, NodeDaemons.none()).start(args, local);
        admin = new OpenStackClients(data.resolve("etc/openrc"), Files.createDirectories(tmp.resolve("home")));
        String apiUrl = admin.env("OS_AUTH_URL").replace("/identity/v3", "");

        // "another host": its own compute service process shape, sharing only PostgreSQL and RabbitMQ
        Properties secrets = CloudCommand.secrets(data.resolve("etc").resolve(CloudCommand.SECRETS));
        CloudCommand.Options o = CloudCommand.parse(args);
        Map<String, String> settings = CloudCommand.computeSettings(
                new CloudCommand.Options(
                        o.data(), o.port(), 0, o.databaseUrl(), o.databaseUser(), o.databasePassword(), "fake"),
                secrets,
                cloud.port());
        settings.putAll(amqp);
        settings.put("cairn.compute.host", "agent-b");
        settings.put("cairn.compute.scheduler", "false");
        // it reads images from the cloud's image API, as an agent on another host would
        settings.put("cairn.endpoints.public-url", apiUrl);
        remote = ComputeServices.start(settings);
    }

    @AfterAll
    void stop() throws IOException {
        if (remote != null) {
            remote.close();
        }
        if (cloud != null) {
            cloud.close();
        }
        if (rabbit != null) {
            rabbit.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        try (var paths = Files.walk(tmp)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void serversSpreadOverTwoAgentsAndTheRemoteOneWorksOverAmqp() throws Exception {
        Path file = Files.write(tmp.resolve("img.raw"), new byte[65536]);
        admin.openstack(
                        "image",
                        "create",
                        "--file",
                        file.toString(),
                        "--disk-format",
                        "raw",
                        "--container-format",
                        "bare",
                        "multi-image")
                .ok("image create");
        Await.until("both agents up", WAIT, () -> hypervisors().equals(Set.of("agent-a up", "agent-b up")));

        admin.openstack(
                        "server",
                        "create",
                        "--image",
                        "multi-image",
                        "--flavor",
                        "m1.tiny",
                        "--min",
                        "2",
                        "--max",
                        "2",
                        "--wait",
                        "spread")
                .ok("server create --min 2");
        Map<String, String> hostOf = new java.util.HashMap<>();
        for (String name : List.of("spread-1", "spread-2")) {
            JsonNode s = JSON.readTree(admin.openstack("server", "show", name, "-f", "json")
                    .ok("show")
                    .out());
            assertThat(s.get("status").asString()).isEqualTo("ACTIVE");
            hostOf.put(s.get("OS-EXT-SRV-ATTR:host").asString(), s.get("id").asString());
        }
        // RAM spread: one on each agent
        assertThat(hostOf.keySet()).containsExactlyInAnyOrder("agent-a", "agent-b");

        String onB = hostOf.getOrDefault("agent-b", "");
        String onA = hostOf.getOrDefault("agent-a", "");
        admin.openstack("server", "reboot", "--hard", "--wait", onB).ok("reboot on agent-b");
        admin.openstack("server", "stop", onB).ok("stop on agent-b");
        Await.until("SHUTOFF", WAIT, () -> status(onB).equals("SHUTOFF"));
        admin.openstack("server", "start", onB).ok("start on agent-b");
        Await.until("ACTIVE", WAIT, () -> status(onB).equals("ACTIVE"));
        // os-getConsoleOutput is a call to agent-b's queue, answered over RabbitMQ's direct reply-to
        assertThat(admin.openstack("console", "log", "show", onB)
                        .ok("console log show")
                        .out())
                .contains("hard reboot")
                .contains("powered on");

        // agent-b's host goes away: it is marked down, and new servers go to agent-a only
        if (remote != null) {
            remote.close();
            remote = null;
        }
        Await.until("agent-b down", WAIT, () -> hypervisors().contains("agent-b down"));
        admin.openstack("server", "create", "--image", "multi-image", "--flavor", "m1.tiny", "--wait", "after")
                .ok("server create after");
        JsonNode after = JSON.readTree(admin.openstack("server", "show", "after", "-f", "json")
                .ok("show")
                .out());
        assertThat(after.get("OS-EXT-SRV-ATTR:host").asString()).isEqualTo("agent-a");

        admin.openstack("server", "delete", "--wait", onA, "after").ok("server delete");
    }

    private Set<String> hypervisors() {
        try {
            Set<String> out = new HashSet<>();
            for (String line : admin.openstack(
                            "hypervisor", "list", "-f", "value", "-c", "Hypervisor Hostname", "-c", "State")
                    .ok("hypervisor list")
                    .out()
                    .split("\n")) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
            return out;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String status(String id) {
        try {
            return admin.openstack("server", "show", id, "-f", "value", "-c", "status")
                    .ok("server show")
                    .out()
                    .strip();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
