package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.IniFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn saio} hosts the registered daemons on each of its four nodes. */
class SaioDaemonsIT {
    @TempDir
    Path data;

    @Test
    void shouldScheduleEveryDaemonOnEachOfTheFourNodesWhenTheSaioStarts() throws Exception {
        List<NodeFixtures.FakeDaemon> created = NodeFixtures.newList();
        try (SaioCluster saio =
                SaioCluster.start(data, "127.0.0.1", 0, line -> {}, NodeFixtures.fakes(created, true))) {
            assertThat(saio.proxyPort()).isPositive();
            // every daemon section per node, generated into the node's server configs
            assertThat(created).hasSize(4 * NodeDaemons.Section.values().length);
            IniFile objectConf = IniFile.load(saio.etc().resolve("object-server-2.conf"));
            assertThat(objectConf.hasSection("object-replicator")).isTrue();
            assertThat(objectConf.hasSection("object-updater")).isTrue();
            assertThat(objectConf.hasSection("container-replicator")).isFalse();
            List<NodeFixtures.FakeDaemon> replicators = created.stream()
                    .filter(d -> d.name.equals("object-replicator"))
                    .toList();
            assertThat(replicators)
                    .extracting(d -> d.ctx.local(ServerType.OBJECT).port())
                    .doesNotHaveDuplicates()
                    .hasSize(4);
            assertThat(replicators)
                    .extracting(d -> d.ctx.devices().getFileName().toString())
                    .containsExactly("node1", "node2", "node3", "node4");
            assertThat(replicators)
                    .allSatisfy(d -> assertThat(d.ctx.diskFiles()).isNotNull());
            assertThat(replicators.get(0).ctx.recon())
                    .isNotSameAs(replicators.get(1).ctx.recon());
        }
        // a restart reuses the configs: the daemon sections are not appended twice
        created.clear();
        try (SaioCluster saio =
                SaioCluster.start(data, "127.0.0.1", 0, line -> {}, NodeFixtures.fakes(created, true))) {
            assertThat(created).hasSize(4 * NodeDaemons.Section.values().length);
            assertThat(IniFile.load(saio.etc().resolve("account-server-4.conf")).sectionNames())
                    .containsExactly("app:account-server", "account-replicator", "account-auditor", "account-reaper");
        }
        assertThat(created).allSatisfy(d -> assertThat(d.passes.get()).isZero());
    }

    @Test
    void shouldStartNoDaemonWhenSaioIsGivenNoDaemons() throws Exception {
        List<NodeFixtures.FakeDaemon> created = NodeFixtures.newList();
        ByteArrayOutputStream banner = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(banner, true, StandardCharsets.UTF_8);
        SaioCommand saio = new SaioCommand(out, out, NodeFixtures.fakes(created, true));
        try (ServerLauncher.Running running =
                saio.start(List.of("--data", data.toString(), "--port", "0", "--no-daemons"))) {
            assertThat(running.port()).isPositive();
            assertThat(created).isEmpty();
        }
        assertThat(banner.toString(StandardCharsets.UTF_8)).contains("background daemons off");
        // without the flag the same registry is used
        try (ServerLauncher.Running running = saio.start(List.of("--data", data.toString(), "--port", "0"))) {
            assertThat(running.port()).isPositive();
            assertThat(created).hasSize(4 * NodeDaemons.Section.values().length);
        }
    }
}
