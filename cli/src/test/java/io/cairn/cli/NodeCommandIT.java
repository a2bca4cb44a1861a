package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.testing.Await;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn node}: three servers on their own ports from one node.conf, daemons scheduled, clean stop. */
class NodeCommandIT {
    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);

    private Path nodeConf(String objectExtra, String accountExtra) throws Exception {
        Path etc = NodeFixtures.swiftDir(dir);
        Path devices = Files.createDirectories(dir.resolve("srv/sda")).getParent();
        return Files.writeString(
                dir.resolve("node.conf"),
                "[DEFAULT]\ndevices = " + devices + "\nmount_check = false\nswift_dir = " + etc
                        + "\nbind_ip = 127.0.0.1\n\n[object-server]\nbind_port = 0\n" + objectExtra
                        + "[container-server]\nbind_port = 0\n[account-server]\n"
                        + (accountExtra.isEmpty() ? "bind_port = 0\n" : accountExtra)
                        + "\n[object-replicator]\ninterval = 0.05\n[container-auditor]\ninterval = 3600\nextra_key = 7\n");
    }

    private int status(int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void shouldServeObjectsContainersAndAccountsOnTheirOwnPortsWhenStartedFromNodeConf() throws Exception {
        List<NodeFixtures.FakeDaemon> created = NodeFixtures.newList();
        Path conf = nodeConf("", "");
        int objectPort;
        try (StorageNode node = new NodeCommand(out, err, NodeFixtures.fakes(created, true))
                .start(List.of("--config", conf.toString()))) {
            objectPort = node.port(ServerType.OBJECT);
            assertThat(List.of(objectPort, node.port(ServerType.CONTAINER), node.port(ServerType.ACCOUNT)))
                    .doesNotHaveDuplicates()
                    .allMatch(p -> p > 0);
            assertThat(status(objectPort, "/sda/0/a/c/o")).isEqualTo(404);
            assertThat(status(node.port(ServerType.CONTAINER), "/sda/0/a/c")).isEqualTo(404);
            assertThat(status(node.port(ServerType.ACCOUNT), "/sda/0/a")).isEqualTo(404);

            // only the configured daemons are built, with their sections and the node's real ports
            assertThat(created).extracting(d -> d.name).containsExactly("object-replicator", "container-auditor");
            NodeFixtures.FakeDaemon replicator = created.get(0);
            assertThat(replicator.ctx.local(ServerType.OBJECT))
                    .isEqualTo(new NodeContext.HostPort("127.0.0.1", objectPort));
            assertThat(replicator.ctx.diskFiles()).isNotNull();
            assertThat(Objects.requireNonNull(replicator.ctx.rings().object(0)).replicaCount())
                    .isEqualTo(1.0);
            assertThat(created.get(1).section.get("extra_key")).isEqualTo("7");
            assertThat(node.daemons())
                    .extracting(NodeDaemons.Built::interval)
                    .containsExactly(Duration.ofMillis(50), Duration.ofHours(1));

            // the scheduler runs passes and records them in recon
            Await.until("two replicator passes", Duration.ofSeconds(10), () -> replicator.passes.get() >= 2);
            assertThat(replicator.ctx.recon().lastPass("object-replicator")).isNotNull();
            assertThat(created.get(1).passes.get()).isZero();
        }
        int port = objectPort;
        assertThat(catchConnect(port)).isTrue();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("object-server :" + objectPort)
                .contains("object-replicator every 50 ms");
    }

    private boolean catchConnect(int port) {
        try {
            status(port, "/sda/0/a/c/o");
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (Exception e) {
            return e.getCause() instanceof ConnectException;
        }
    }

    @Test
    void shouldExitZeroWhenStoppedAndWarnAboutUnknownKeys() throws Exception {
        Path conf = nodeConf("bogus_key = 1\n", "");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch stop = new CountDownLatch(1);
        ServerLauncher launcher = new ServerLauncher(out, err, (name, onStop) -> {
            started.countDown();
            stop.await();
            onStop.run();
        });
        AtomicInteger rc = new AtomicInteger(-1);
        Thread main = new Thread(() -> rc.set(CairnMain.run(
                new String[] {"node", "--config", conf.toString()},
                new ByteArrayInputStream(new byte[0]),
                out,
                err,
                new NodeDaemons(),
                launcher)));
        main.start();
        Await.until("node started", Duration.ofSeconds(30), () -> started.getCount() == 0 || !main.isAlive());
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("bogus_key");
        stop.countDown();
        main.join(30_000);
        assertThat(rc.get()).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("daemons: none")
                .contains("cairn node: stopping");
    }

    @Test
    void shouldExitTwoWhenAValueIsInvalid() throws Exception {
        Path conf = nodeConf("", "bind_port = 99999\n");
        int rc = CairnMain.run(
                new String[] {"node", "--config", conf.toString()},
                new ByteArrayInputStream(new byte[0]),
                out,
                err,
                new NodeDaemons(),
                new ServerLauncher(out, err, (name, onStop) -> onStop.run()));
        assertThat(rc).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("bind_port")
                .contains("99999");
    }

    @Test
    void shouldReadASwiftStyleDirectoryOfServerConfigs() throws Exception {
        Path etc = NodeFixtures.swiftDir(dir);
        Path devices = Objects.requireNonNull(
                Files.createDirectories(dir.resolve("srv/sda")).getParent());
        Path confDir = Files.createDirectories(dir.resolve("swift-host"));
        for (String type : List.of("object", "container", "account")) {
            Files.writeString(
                    confDir.resolve(type + "-server.conf"),
                    "[DEFAULT]\ndevices = " + devices + "\nmount_check = false\nswift_dir = " + etc
                            + "\nbind_ip = 127.0.0.1\nbind_port = 0\n\n[pipeline:main]\npipeline = " + type
                            + "-server\n\n[app:" + type + "-server]\nuse = egg:swift#" + type + "\n\n[" + type
                            + "-replicator]\ninterval = 120\n");
        }
        List<NodeFixtures.FakeDaemon> created = NodeFixtures.newList();
        try (StorageNode node = new NodeCommand(out, err, NodeFixtures.fakes(created, true))
                .start(List.of("--config", confDir.toString()))) {
            assertThat(status(node.port(ServerType.ACCOUNT), "/sda/0/a")).isEqualTo(404);
            assertThat(created)
                    .extracting(d -> d.name)
                    .containsExactly("object-replicator", "container-replicator", "account-replicator");
            assertThat(created.get(2).section.get("devices")).isEqualTo(devices.toString());
        }
    }
}
