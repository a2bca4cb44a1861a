package io.cairn.container.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.IniFile;
import io.cairn.common.testing.ConfigDocs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ContainerServerConfigTest {
    @Test
    void shouldListExactlyTheConfigKeysWhenReadingTheSample() throws Exception {
        String sample = Files.readString(Path.of("etc/container-server.conf-sample"));
        int updater = sample.indexOf("\n[container-updater]"); // the daemon's section has its own test
        assertThat(ContainerServerConfig.DEFINITION.sampleDifferences(
                        updater < 0 ? sample : sample.substring(0, updater)))
                .isEmpty();
    }

    @Test
    void shouldShowTheDefinitionsTableWhenReadingTheReadme() throws Exception {
        assertThat(ConfigDocs.readmeTable(Path.of("README.md"), "container-server"))
                .isEqualTo(ContainerServerConfig.DEFINITION.markdownTable());
    }

    @Test
    void shouldNameTheKeyAndTheReasonWhenTheRingSizeIsNotAPowerOfTwo() {
        assertThatThrownBy(() -> ContainerServerConfig.from(
                        IniFile.parse("[DEFAULT]\ngroup_commit_ring_size = 1000\n", "bad.conf")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("bad.conf: [DEFAULT] group_commit_ring_size = \"1000\": must be a power of two");
    }

    @Test
    void shouldUseSwiftDefaultsWhenTheSampleSetsNothing() {
        ContainerServerConfig c = ContainerServerConfig.load(Path.of("etc/container-server.conf-sample"));
        assertThat(c.bindPort()).isEqualTo(6201);
        assertThat(c.devices()).isEqualTo(Path.of("/srv/node"));
        assertThat(c.mountCheck()).isTrue();
        assertThat(c.nodeTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.connTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.replicationServer()).isTrue();
        assertThat(c.unknownKeys()).isEmpty();
    }

    @Test
    void shouldReportUnknownKeysWhenTheFileHasTypos() {
        IniFile ini = IniFile.parse(
                "[DEFAULT]\ndevices = /tmp/d\nmount_chek = false\n[app:container-server]\nuse = egg:swift#container\n"
                        + "node_timout = 5\nnode_timeout = 7\n",
                "test.conf");
        ContainerServerConfig c = ContainerServerConfig.from(ini);
        assertThat(c.unknownKeys()).containsExactlyInAnyOrder("mount_chek", "node_timout");
        assertThat(c.nodeTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(c.devices()).isEqualTo(Path.of("/tmp/d"));
    }
}
