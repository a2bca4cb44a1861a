package io.cairn.container.updater;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.ConfigDefinition;
import io.cairn.common.config.IniFile;
import io.cairn.common.testing.ConfigDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ContainerUpdaterConfigTest {
    private static final Path SAMPLE = Path.of("etc/container-server.conf-sample");

    @Test
    void shouldListExactlyTheUpdaterKeysWhenReadingTheSamplesSection() throws IOException {
        String sample = Files.readString(SAMPLE);
        String section = ConfigDefinition.sampleSection(sample, ContainerUpdaterConfig.SECTION);
        assertThat(ContainerUpdaterConfig.DEFINITION.sampleDifferences(section, ContainerUpdaterConfig.FROM_DEFAULT))
                .isEmpty();
        ContainerUpdaterConfig c =
                ContainerUpdaterConfig.from(IniFile.load(SAMPLE).section(ContainerUpdaterConfig.SECTION));
        assertThat(c.unknownKeys()).isEmpty();
        assertThat(c.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.nodeTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void shouldShowTheDefinitionsTableWhenReadingTheReadme() throws Exception {
        assertThat(ConfigDocs.readmeTable(Path.of("README.md"), "container-updater"))
                .isEqualTo(ContainerUpdaterConfig.DEFINITION.markdownTable());
    }
}
