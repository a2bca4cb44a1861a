package io.cairn.object.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.IniFile;
import io.cairn.common.testing.ConfigDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ObjectServerConfigTest {
    private static final Path SAMPLE = Path.of("etc/object-server.conf-sample");

    @Test
    void shouldListExactlyTheConfigKeysWhenReadingTheSample() throws IOException {
        String sample = Files.readString(SAMPLE);
        int updater = sample.indexOf("\n[object-updater]");
        String serverPart = updater < 0 ? sample : sample.substring(0, updater); // daemons' sections have own tests
        assertThat(ObjectServerConfig.DEFINITION.sampleDifferences(serverPart)).isEmpty();
    }

    @Test
    void shouldShowTheDefinitionsTableWhenReadingTheReadme() throws IOException {
        assertThat(ConfigDocs.readmeTable(Path.of("README.md"), "object-server"))
                .isEqualTo(ObjectServerConfig.DEFINITION.markdownTable());
    }

    @Test
    void shouldUseSwiftDefaultsWhenSampleIsAllComments() {
        ObjectServerConfig config = ObjectServerConfig.load(SAMPLE);
        assertThat(config.bindPort()).isEqualTo(6200);
        assertThat(config.mountCheck()).isTrue();
        assertThat(config.clientTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.containerUpdateTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.replicationServer()).isTrue();
        assertThat(config.unknownKeys()).isEmpty();
    }

    @Test
    void shouldReportUnknownAndIgnoredKeysWhenPresent() {
        ObjectServerConfig config = ObjectServerConfig.from(IniFile.parse(
                "[DEFAULT]\nuser = swift\n[app:object-server]\nclient_timeuot = 5\nreplication_server = false\n", "t"));
        assertThat(config.unknownKeys()).containsExactly("client_timeuot");
        assertThat(config.ignoredKeys()).contains("user");
        assertThat(config.replicationServer()).isFalse();
    }

    @Test
    void shouldActOnDiskChunkSizeWithSwiftsDefaultWhenAbsent() {
        assertThat(ObjectServerConfig.defaults().diskChunkSize()).isEqualTo(65536);
        ObjectServerConfig config =
                ObjectServerConfig.from(IniFile.parse("[app:object-server]\ndisk_chunk_size = 262144\n", "t"));
        assertThat(config.diskChunkSize()).isEqualTo(262144);
        assertThat(config.ignoredKeys()).doesNotContain("disk_chunk_size");
        assertThatThrownBy(
                        () -> ObjectServerConfig.from(IniFile.parse("[app:object-server]\ndisk_chunk_size = 0\n", "t")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("disk_chunk_size");
    }

    @Test
    void shouldActOnWorkersAsEventLoopThreadsWhenSetAutoOrZero() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(ObjectServerConfig.defaults().workers()).isEqualTo(cores);
        assertThat(workers("auto")).isEqualTo(cores);
        assertThat(workers("3")).isEqualTo(3);
        assertThat(workers("0")).isOne();
        assertThat(ObjectServerConfig.from(IniFile.parse("[DEFAULT]\nworkers = 2\n[app:object-server]\n", "t"))
                        .workers())
                .isEqualTo(2);
        assertThatThrownBy(() -> workers("-1"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("workers");
    }

    private static int workers(String value) {
        ObjectServerConfig config =
                ObjectServerConfig.from(IniFile.parse("[app:object-server]\nworkers = " + value + "\n", "t"));
        assertThat(config.ignoredKeys()).doesNotContain("workers");
        return config.workers();
    }

    @Test
    void shouldActOnFallocateSettingsWithSwiftsDefaults() {
        io.cairn.object.diskfile.DiskFileConfig defaults =
                ObjectServerConfig.defaults().diskFileConfig();
        assertThat(defaults.fallocate()).isTrue();
        assertThat(defaults.fallocateReserve()).isEqualTo(io.cairn.object.diskfile.FallocateReserve.DEFAULT);
        ObjectServerConfig config = ObjectServerConfig.from(IniFile.parse(
                "[DEFAULT]\ndisable_fallocate = true\n[app:object-server]\nfallocate_reserve = 10485760\n", "t"));
        assertThat(config.diskFileConfig().fallocate()).isFalse();
        assertThat(config.diskFileConfig().fallocateReserve())
                .isEqualTo(new io.cairn.object.diskfile.FallocateReserve(10_485_760, false));
        assertThat(config.ignoredKeys()).doesNotContain("disable_fallocate", "fallocate_reserve");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        ObjectServerConfig.from(IniFile.parse("[app:object-server]\nfallocate_reserve = lots\n", "t")))
                .isInstanceOf(io.cairn.common.config.ConfigException.class)
                .hasMessageContaining("fallocate_reserve");
    }
}
