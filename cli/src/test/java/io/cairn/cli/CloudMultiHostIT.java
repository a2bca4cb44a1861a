package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.http.LoopbackPorts;
import io.cairn.common.testing.Await;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The multi-host shape, started as an operator would: PostgreSQL and a real RabbitMQ node (Debian's, started by the
 * test as {@code nobody} on free ports); {@code cairn cloud} for storage, identity and image, with agent {@code
 * agent-a} on the broker and no scheduler; and, through {@link CairnMain}'s entry with their own config files, {@code
 * cairn compute-api} (the compute endpoint the catalog names), {@code cairn scheduler} and {@code cairn
 * compute-agent} ({@code agent-b}), sharing only the database and the broker. Debian's {@code openstack} places
 * servers on both agents through the compute-api, drives one on agent-b (actions and console output go over AMQP),
 * sees agent-b go down when its command stops, and, when agent-b starts again with a fresh driver that knows no
 * guests, sees its server SHUTOFF (power-state sync), not ACTIVE, and starts it again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudMultiHostIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofMinutes(2);

    private Path tmp = Path.of("");
    private @Nullable PostgresCluster postgres;
    private @Nullable RabbitNode rabbit;
    private ServerLauncher.@Nullable Running cloud;
    private final List<Service> services = new ArrayList<>();
    private @Nullable Service agentB;
    private Path agentConf = Path.of("");
    private int computePort;
    private OpenStackClients admin;

    @BeforeAll
    void start() throws Exception {
        assertThat(PostgresCluster.available()).as("apt-get install postgresql").isTrue();
        assertThat(RabbitNode.available()).as("apt-get install rabbitmq-server").isTrue();
        tmp = Files.createTempDirectory("cairn-multihost-it");
        postgres = PostgresCluster.start(tmp);
        rabbit = RabbitNode.start(tmp);
        computePort = LoopbackPorts.pickFree();
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
        String computeUrl = "http://127.0.0.1:" + computePort;
        Map<String, String> local = new HashMap<>(Map.of(
                "cairn.compute.transport", "amqp",
                "cairn.compute.amqp-uri", rabbit.uri(),
                "cairn.compute.heartbeat", "500ms",
                "cairn.compute.service-down-time", "4s",
                "cairn.compute.host", "agent-a",
                // the scheduler is its own command
                "cairn.compute.scheduler", "false",
                // the catalog sends compute clients to the compute-api command
                "cairn.endpoints.compute-public-url", computeUrl));
        ByteArrayOutputStream banner = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(banner, true, StandardCharsets.UTF_8);
        cloud = new CloudCommand(out, out, NodeDaemons.none()).start(args, local);
        admin = new OpenStackClients(data.resolve("etc/openrc"), Files.createDirectories(tmp.resolve("home")));
        String apiUrl = admin.env("OS_AUTH_URL").replace("/identity/v3", "");

        Properties secrets = CloudCommand.secrets(data.resolve("etc").resolve(CloudCommand.SECRETS));
        // what every service's file holds: the shared database and broker (and this test's short heartbeats)
        String shared = "cairn.database.url = " + postgres.jdbcUrl() + "\ncairn.database.username = postgres\n"
                + "cairn.compute.amqp-uri = " + rabbit.uri() + "\ncairn.compute.heartbeat = 500ms\n"
                + "cairn.compute.service-down-time = 4s\n";
        Path computeConf = conf(
                "compute-api",
                "server.address = 127.0.0.1\nserver.port = " + computePort + "\n" + shared
                        + "cairn.identity.signing-key = " + secrets.getProperty("token_signing_key") + "\n"
                        + "cairn.endpoints.public-url = " + computeUrl + "\n"
                        + "cairn.endpoints.identity-public-url = " + apiUrl + "\n"
                        + "cairn.endpoints.image-public-url = " + apiUrl + "\n");
        Path schedulerConf = conf("scheduler", shared);
        agentConf = conf(
                "compute-agent",
                shared + "cairn.compute.host = agent-b\ncairn.compute.driver = fake\n"
                        + "cairn.endpoints.image-public-url = " + apiUrl + "\n");
        services.add(Service.start("compute-api", computeConf));
        services.add(Service.start("scheduler", schedulerConf));
        agentB = Service.start("compute-agent", agentConf);
        assertThat(services.get(0).printed())
                .contains("cairn compute-api: listening on 127.0.0.1:" + computePort + "/compute/v2.1");
        assertThat(agentB.printed()).contains("cairn compute-agent: host agent-b, driver fake, broker 127.0.0.1:");
    }

    private Path conf(String command, String body) throws IOException {
        return Files.writeString(tmp.resolve(command + ".conf"), "[" + command + "]\n" + body, StandardCharsets.UTF_8);
    }

    @AfterAll
    void stop() throws IOException {
        if (agentB != null) {
            agentB.close();
        }
        for (Service s : services) {
            s.close();
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

    /**
     * One {@code cairn <command> --config FILE} run through {@link CairnMain#run}, on its own thread, serving until
     * closed (its stop signal), as the process would until SIGTERM; closing asserts it exited 0.
     */
    private static final class Service implements AutoCloseable {
        private final String command;
        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch stop = new CountDownLatch(1);
        private final AtomicInteger rc = new AtomicInteger(-1);
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final Thread thread;

        private Service(String command, Path conf) {
            this.command = command;
            PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
            ServerLauncher launcher = new ServerLauncher(o, e, (name, onStop) -> {
                started.countDown();
                stop.await();
                onStop.run();
            });
            thread = new Thread(
                    () -> rc.set(CairnMain.run(
                            new String[] {command, "--config", conf.toString()},
                            new ByteArrayInputStream(new byte[0]),
                            o,
                            e,
                            NodeDaemons.none(),
                            launcher)),
                    "cairn-" + command);
        }

        static Service start(String command, Path conf) {
            Service s = new Service(command, conf);
            s.thread.start();
            Await.until(command + " started", WAIT, () -> s.started.getCount() == 0 || !s.thread.isAlive());
            assertThat(s.started.getCount())
                    .as(command + " exited " + s.rc.get() + ": " + s.err.toString(StandardCharsets.UTF_8))
                    .isZero();
            return s;
        }

        String printed() {
            return out.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            stop.countDown();
            try {
                thread.join(WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertThat(rc.get()).as(command + " exit code").isZero();
            assertThat(printed()).contains("cairn " + command + ": stopping");
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
        // compute requests go to the compute-api command's port
        assertThat(admin.openstack("catalog", "show", "compute", "-f", "json")
                        .ok("catalog show compute")
                        .out())
                .contains("127.0.0.1:" + computePort + "/compute/v2.1");

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
        Map<String, String> hostOf = new HashMap<>();
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

        // agent-b's host goes away (its command stops): it is marked down, and new servers go to agent-a only
        Service b = java.util.Objects.requireNonNull(agentB);
        agentB = null;
        b.close();
        Await.until("agent-b down", WAIT, () -> hypervisors().contains("agent-b down"));
        admin.openstack("server", "create", "--image", "multi-image", "--flavor", "m1.tiny", "--wait", "after")
                .ok("server create after");
        JsonNode after = JSON.readTree(admin.openstack("server", "show", "after", "-f", "json")
                .ok("show")
                .out());
        assertThat(after.get("OS-EXT-SRV-ATTR:host").asString()).isEqualTo("agent-a");

        // agent-b comes back with a fresh driver that has no guests (a host reboot): its server is SHUTOFF, as Nova's
        // power-state sync leaves it, not ACTIVE
        assertThat(status(onB)).isEqualTo("ACTIVE");
        agentB = Service.start("compute-agent", agentConf);
        Await.until("agent-b up again", WAIT, () -> hypervisors().contains("agent-b up"));
        JsonNode synced = JSON.readTree(admin.openstack("server", "show", onB, "-f", "json")
                .ok("show after restart")
                .out());
        assertThat(synced.get("status").asString()).isEqualTo("SHUTOFF");
        assertThat(synced.get("OS-EXT-STS:vm_state").asString()).isEqualTo("stopped");
        // -f json gives the number (the table shows "Shutdown")
        assertThat(synced.get("OS-EXT-STS:power_state").asInt()).isEqualTo(4);

        // and starts again: the agent's driver recreates the guest it forgot
        admin.openstack("server", "start", onB).ok("start after restart");
        Await.until("ACTIVE after restart", WAIT, () -> status(onB).equals("ACTIVE"));
        assertThat(admin.openstack("console", "log", "show", onB)
                        .ok("console log show after restart")
                        .out())
                .contains("found again after a restart");

        admin.openstack("server", "delete", "--wait", onA, onB, "after").ok("server delete");
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
