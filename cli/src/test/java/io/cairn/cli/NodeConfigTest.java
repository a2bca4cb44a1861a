package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.IniFile;
import io.cairn.proxy.server.ProxyConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigTest {
    private static final Path NODE_SAMPLE = Path.of("../etc/node.conf-sample");
    private static final Path PROXY_SAMPLE = Path.of("../etc/proxy-server.conf-sample");

    private static NodeConfig parse(String text) {
        return NodeConfig.fromNodeConf(IniFile.parse(text, "node.conf"));
    }

    @Test
    void shouldParseEveryKeyOfTheNodeSampleWithoutWarnings() {
        NodeConfig config = NodeConfig.load(NODE_SAMPLE);
        assertThat(config.warnings()).isEmpty();
        assertThat(config.object().bindPort()).isEqualTo(6200);
        assertThat(config.container().bindPort()).isEqualTo(6201);
        assertThat(config.account().bindPort()).isEqualTo(6202);
        assertThat(config.object().devices()).isEqualTo(Path.of("/srv/node"));
        assertThat(config.container().mountCheck()).isTrue();
        assertThat(config.account().swiftDir()).isEqualTo(Path.of("/etc/swift"));
        assertThat(config.object().deviceThreads()).isEqualTo(4);
        assertThat(config.daemonSections().keySet()).containsExactlyInAnyOrder(NodeDaemons.Section.values());
        for (NodeDaemons.Section s : NodeDaemons.Section.values()) {
            ConfigSection section = section(config, s);
            assertThat(section.unknownKeys(Set.of("interval")))
                    .as(s.sectionName())
                    .isEmpty();
            assertThat(s.interval(section)).as(s.sectionName()).isEqualTo(s.interval(emptySection()));
        }
    }

    @Test
    void shouldParseEveryKeyOfTheRootProxySample() {
        // the root etc/proxy-server.conf-sample is the proxy module's sample, linked (one copy)
        IniFile ini = IniFile.load(PROXY_SAMPLE);
        assertThat(ProxyConfig.fromIni(ini).unknownKeys()).isEmpty();
        assertThat(Files.isSymbolicLink(PROXY_SAMPLE)).isTrue();
    }

    private static ConfigSection section(NodeConfig config, NodeDaemons.Section s) {
        return Objects.requireNonNull(config.daemonSections().get(s), s.sectionName());
    }

    private static ConfigSection emptySection() {
        return IniFile.parse("[x]\n", "empty").section("x");
    }

    @Test
    void shouldUseSwiftDefaultPortsAndIntervalsWhenSectionsAreEmpty() {
        NodeConfig config = parse("[DEFAULT]\nmount_check = false\n[object-updater]\n[container-auditor]\n"
                + "[object-replicator]\nrun_pause = 12\n");
        assertThat(config.object().bindPort()).isEqualTo(6200);
        assertThat(config.container().bindPort()).isEqualTo(6201);
        assertThat(config.account().bindPort()).isEqualTo(6202);
        assertThat(config.object().mountCheck()).isFalse();
        assertThat(NodeDaemons.Section.OBJECT_UPDATER.interval(section(config, NodeDaemons.Section.OBJECT_UPDATER)))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(NodeDaemons.Section.CONTAINER_AUDITOR.interval(
                        section(config, NodeDaemons.Section.CONTAINER_AUDITOR)))
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(NodeDaemons.Section.OBJECT_REPLICATOR.interval(
                        section(config, NodeDaemons.Section.OBJECT_REPLICATOR)))
                .isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void shouldLetAServerSectionOverrideDefaultAndPassDefaultsToDaemons() {
        NodeConfig config =
                parse("[DEFAULT]\ndevices = /d\nbind_ip = 10.0.0.1\n[container-server]\nbind_ip = 10.0.0.2\n"
                        + "[account-replicator]\nper_diff = 500\n");
        assertThat(config.object().bindIp()).isEqualTo("10.0.0.1");
        assertThat(config.container().bindIp()).isEqualTo("10.0.0.2");
        assertThat(config.account().devices()).isEqualTo(Path.of("/d"));
        ConfigSection replicator = section(config, NodeDaemons.Section.ACCOUNT_REPLICATOR);
        assertThat(replicator.get("devices")).isEqualTo("/d");
        assertThat(replicator.get("per_diff")).isEqualTo("500");
    }

    @Test
    void shouldWarnAboutUnknownSectionsAndKeys() {
        NodeConfig config = parse("[DEFAULT]\nreclaim_age = 60\n[object-server]\nbind_prot = 1\n"
                + "[container-sharder]\n[account-server]\nthreads_per_disk = 2\n");
        assertThat(config.warnings())
                .anySatisfy(w -> assertThat(w).contains("[container-sharder]"))
                .anySatisfy(w -> assertThat(w).contains("reclaim_age"))
                .anySatisfy(w -> assertThat(w).contains("object-server").contains("bind_prot"))
                .hasSize(3);
    }

    @Test
    void shouldReadTheSharedExecutorNamesAndTheAccountServersOldOnesWhenParsingNodeConf() {
        NodeConfig config = parse("[DEFAULT]\ndevices = /d\n[account-server]\ndevice_threads = 3\n"
                + "group_commit_ring_size = 64\n[container-server]\ndevice_threads = 5\n");
        assertThat(config.account().deviceThreads()).isEqualTo(3);
        assertThat(config.account().groupCommitRingSize()).isEqualTo(64);
        assertThat(config.container().deviceThreads()).isEqualTo(5);
        assertThat(config.account().devices()).isEqualTo(Path.of("/d"));
        NodeConfig old = parse("[account-server]\nthreads_per_disk = 2\ncommit_ring_size = 128\n");
        assertThat(old.account().deviceThreads()).isEqualTo(2);
        assertThat(old.account().groupCommitRingSize()).isEqualTo(128);
        assertThat(old.warnings()).isEmpty();
    }

    @Test
    void shouldRejectABadValueNamingTheKey() {
        assertThatThrownBy(() -> parse("[object-server]\nbind_port = lots\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bind_port")
                .hasMessageContaining("lots");
        assertThatThrownBy(() -> NodeDaemons.Section.ACCOUNT_AUDITOR.interval(
                        IniFile.parse("[account-auditor]\ninterval = -1\n", "x").section("account-auditor")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("interval");
    }

    @Test
    void shouldFailClearlyWhenAServerFileOfADirectoryIsMissing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("object-server.conf"), "[app:object-server]\n");
        assertThatThrownBy(() -> NodeConfig.load(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("container-server.conf");
    }

    @Test
    void shouldNameEveryDaemonSectionAsSwiftDoes() {
        assertThat(Arrays.stream(NodeDaemons.Section.values()).map(NodeDaemons.Section::sectionName))
                .containsExactly(
                        "object-replicator",
                        "object-auditor",
                        "object-updater",
                        "object-expirer",
                        "container-replicator",
                        "container-auditor",
                        "container-updater",
                        "account-replicator",
                        "account-auditor",
                        "account-reaper");
        assertThat(NodeDaemons.Section.byName("container-auditor")).isEqualTo(NodeDaemons.Section.CONTAINER_AUDITOR);
        assertThat(NodeDaemons.Section.byName("object-server")).isNull();
        assertThat(List.of(NodeDaemons.Kind.values()).stream().map(NodeDaemons.Kind::command))
                .containsExactly("replicator", "auditor", "updater", "expirer", "reaper");
    }
}
