package io.cairn.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.IniFile;
import io.cairn.common.testing.ConfigDocs;
import io.cairn.proxy.routing.ReadAffinity;
import io.cairn.ring.Device;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProxyConfigTest {
    private static final Path SAMPLE = Path.of("etc/proxy-server.conf-sample");

    @Test
    void shouldMatchSwiftDefaultsWhenSampleIsRead() {
        ProxyConfig sample = ProxyConfig.fromIni(IniFile.load(SAMPLE));
        ProxyConfig defaults = ProxyConfig.defaults();
        assertThat(sample.unknownKeys()).isEmpty();
        assertThat(sample).isEqualTo(defaults);
        assertThat(defaults.nodeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.connTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(defaults.requestNodeCount(3)).isEqualTo(6);
        assertThat(defaults.bindPort()).isEqualTo(8080);
    }

    @Test
    void shouldListEverySettingWhenSampleIsWritten() {
        IniFile ini = IniFile.load(SAMPLE);
        var keys = new java.util.TreeSet<String>(ini.defaults().keys());
        keys.addAll(ini.section(ProxyConfig.APP_SECTION).keys());
        // the accepted Swift keys have nothing to configure in Cairn: the sample leaves them out
        assertThat(keys).containsAll(ProxyConfig.DEFINITION.keys());
    }

    @Test
    void shouldShowTheDefinitionsTableWhenReadingTheReadme() throws Exception {
        assertThat(ConfigDocs.readmeTable(Path.of("README.md"), "proxy-server"))
                .isEqualTo(ProxyConfig.DEFINITION.markdownTable());
    }

    @Test
    void shouldReadOverridesAsIfTheFileSetThemWhenTheCommandLineBinds() {
        ProxyConfig c = ProxyConfig.fromIni(
                IniFile.parse("[DEFAULT]\nbind_port = 8080\n[app:proxy-server]\nnode_timeout = 4\n", "t"),
                java.util.Map.of("bind_ip", "127.0.0.1", "bind_port", "0"));
        assertThat(c.bindIp()).isEqualTo("127.0.0.1");
        assertThat(c.bindPort()).isZero();
        assertThat(c.nodeTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(c.unknownKeys()).isEmpty();
    }

    @Test
    void shouldReportUnknownKeysWhenMisspelled() {
        ProxyConfig c = ProxyConfig.fromIni(IniFile.parse(
                "[DEFAULT]\nbind_prot = 1\n[app:proxy-server]\nnode_timeot = 3\nnode_timeout = 3\n", "t"));
        assertThat(c.unknownKeys()).containsExactly("bind_prot", "node_timeot");
        assertThat(c.nodeTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.recoverableNodeTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void shouldSortByReadAffinityOnlyWhenSortingMethodIsAffinity() {
        Device local = new Device(0, 1, 2, "10.0.0.1", 6200, "10.0.0.1", 6200, "sda", 1, "");
        ProxyConfig affinity = ProxyConfig.fromIni(IniFile.parse(
                "[app:proxy-server]\nsorting_method = Affinity\nread_affinity = r1z2=100, r2=200\n", "t"));
        assertThat(affinity.sortingMethod()).isEqualTo("affinity");
        assertThat(affinity.primaryOrder().priority(local)).isEqualTo(100);
        assertThat(affinity.unknownKeys()).isEmpty();

        // as Swift: read_affinity without sorting_method = affinity has no effect
        ProxyConfig shuffle = ProxyConfig.fromIni(IniFile.parse("[app:proxy-server]\nread_affinity = r1z2=100\n", "t"));
        assertThat(shuffle.primaryOrder()).isEqualTo(ReadAffinity.NONE);
        assertThat(ProxyConfig.defaults().primaryOrder()).isEqualTo(ReadAffinity.NONE);
    }

    @Test
    void shouldRejectAMalformedReadAffinityNamingTheKey() {
        assertThatThrownBy(() -> ProxyConfig.fromIni(
                        IniFile.parse("[app:proxy-server]\nsorting_method = affinity\nread_affinity = r1z=100\n", "t")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("read_affinity")
                .hasMessageContaining("Invalid affinity value: 'r1z=100'");
    }

    @Test
    void shouldRejectUnsupportedSortingWhenConfigured() {
        assertThatThrownBy(
                        () -> ProxyConfig.fromIni(IniFile.parse("[app:proxy-server]\nsorting_method = timing\n", "t")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sorting_method");
    }

    @Test
    void shouldParseRequestNodeCountWhenFixedOrPerReplica() {
        assertThat(ProxyConfig.fromIni(IniFile.parse("[app:proxy-server]\nrequest_node_count = 5\n", "t"))
                        .requestNodeCount(3))
                .isEqualTo(5);
        assertThat(ProxyConfig.fromIni(IniFile.parse("[app:proxy-server]\nrequest_node_count = 3 * replicas\n", "t"))
                        .requestNodeCount(3))
                .isEqualTo(9);
        assertThatThrownBy(() ->
                        ProxyConfig.fromIni(IniFile.parse("[app:proxy-server]\nrequest_node_count = lots\n", "t")))
                .isInstanceOf(ConfigException.class);
    }
}
