package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn replicator|auditor|updater --once} with fake daemons. */
class OnceCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private final List<NodeFixtures.FakeDaemon> created = NodeFixtures.newList();

    private int run(NodeDaemons daemons, String... args) {
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
        return CairnMain.run(
                args,
                new ByteArrayInputStream(new byte[0]),
                out,
                err,
                daemons,
                new ServerLauncher(out, err, (name, onStop) -> onStop.run()));
    }

    private String out() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errors.toString(StandardCharsets.UTF_8);
    }

    private Path nodeConf(String daemonSections) throws Exception {
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/swift.conf"), NodeFixtures.SWIFT_CONF);
        return Files.writeString(
                dir.resolve("node.conf"),
                "[DEFAULT]\ndevices = " + dir + "\nmount_check = false\nswift_dir = " + dir.resolve("etc")
                        + "\nbind_ip = 127.0.0.1\n[object-server]\nbind_port = 6300\n" + daemonSections);
    }

    @Test
    void shouldRunOnePassOfEveryReplicatorAndExitZeroWhenAllComplete() throws Exception {
        Path conf = nodeConf("[object-replicator]\n[container-replicator]\n[account-replicator]\n[object-auditor]\n");
        assertThat(run(NodeFixtures.fakes(created, true), "replicator", "--once", "--config", conf.toString()))
                .as(err())
                .isZero();
        assertThat(created)
                .extracting(d -> d.name)
                .containsExactly("object-replicator", "container-replicator", "account-replicator");
        assertThat(created).allSatisfy(d -> assertThat(d.passes.get()).isEqualTo(1));
        assertThat(created.get(0).ctx.local(ServerType.OBJECT)).isEqualTo(new NodeContext.HostPort("127.0.0.1", 6300));
        assertThat(created.get(0).ctx.diskFiles()).isNull();
        assertThat(out())
                .contains("object-replicator: completed")
                .contains("account-replicator: completed")
                .contains("fake_items=3");
    }

    @Test
    void shouldExitOneAndPrintErrorsWhenAPassIsIncomplete() throws Exception {
        Path conf = nodeConf("[object-auditor]\n[container-auditor]\n");
        assertThat(run(NodeFixtures.fakes(created, false), "auditor", "--once", "--config", conf.toString()))
                .isEqualTo(1);
        assertThat(created).extracting(d -> d.name).containsExactly("object-auditor", "container-auditor");
        assertThat(out()).contains("object-auditor: INCOMPLETE").contains("error: peer 127.0.0.9:6200 unreachable");
    }

    @Test
    void shouldExitOneWhenAConfiguredDaemonIsNotInThisBuild() throws Exception {
        Path conf = nodeConf("[object-updater]\n");
        assertThat(run(new NodeDaemons(), "updater", "--once", "--config", conf.toString()))
                .isEqualTo(1);
        assertThat(err()).contains("object-updater: not available");
    }

    @Test
    void shouldExitTwoWhenNoSectionOfTheKindIsConfigured() throws Exception {
        Path conf = nodeConf("[object-auditor]\n");
        assertThat(run(NodeFixtures.fakes(created, true), "updater", "--once", "--config", conf.toString()))
                .isEqualTo(2);
        assertThat(err()).contains("[object-updater]");
        assertThat(created).isEmpty();
    }

    @Test
    void shouldExitTwoOnUsageErrors() throws Exception {
        Path conf = nodeConf("[object-updater]\n");
        NodeDaemons fakes = NodeFixtures.fakes(created, true);
        assertThat(run(fakes, "updater", "--config", conf.toString())).isEqualTo(2);
        assertThat(run(fakes, "updater", "--once")).isEqualTo(2);
        assertThat(run(fakes, "updater", "--once", "--config", conf.toString(), "--saio", dir.toString()))
                .isEqualTo(2);
        assertThat(run(
                        fakes,
                        "updater",
                        "--once",
                        "--config",
                        dir.resolve("nope").toString()))
                .isEqualTo(2);
        assertThat(run(fakes, "updater", "--once", "--saio", dir.resolve("nope").toString()))
                .isEqualTo(2);
        assertThat(err())
                .contains("usage: cairn updater --once")
                .contains("no config file")
                .contains("no SAIO");
        assertThat(created).isEmpty();
    }

    @Test
    void shouldRunOnEachOfTheFourSaioNodes() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("saio/etc"));
        Files.writeString(etc.resolve("swift.conf"), NodeFixtures.SWIFT_CONF);
        for (int n = 1; n <= 4; n++) {
            for (String type : List.of("object", "container", "account")) {
                Files.writeString(
                        etc.resolve(type + "-server-" + n + ".conf"),
                        "[DEFAULT]\ndevices = " + dir.resolve("saio/srv/node" + n) + "\nmount_check = false\n"
                                + "bind_ip = 127.0.0.1\nbind_port = " + (7000 + n) + "\nswift_dir = " + etc + "\n[app:"
                                + type + "-server]\nuse = egg:swift#" + type + "\n[" + type + "-replicator]\n");
            }
        }
        assertThat(run(
                        NodeFixtures.fakes(created, true),
                        "replicator",
                        "--once",
                        "--saio",
                        dir.resolve("saio").toString()))
                .as(err())
                .isZero();
        assertThat(created).hasSize(12);
        assertThat(created)
                .filteredOn(d -> d.name.equals("object-replicator"))
                .extracting(d -> d.ctx.local(ServerType.OBJECT).port())
                .containsExactlyInAnyOrder(7001, 7002, 7003, 7004); // the four hosts run at once
        assertThat(out()).contains("node4 account-replicator: completed");
    }
}
