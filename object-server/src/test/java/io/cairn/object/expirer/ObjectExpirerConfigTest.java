package io.cairn.object.expirer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.config.ConfigDefinition;
import io.cairn.common.config.ConfigException;
import io.cairn.common.config.IniFile;
import io.cairn.common.testing.ConfigDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ObjectExpirerConfigTest {
    private static final Path SAMPLE = Path.of("etc/object-server.conf-sample");

    @Test
    void shouldListExactlyTheExpirerKeysWhenReadingTheSamplesSection() throws IOException {
        String sample = Files.readString(SAMPLE);
        String section = ConfigDefinition.sampleSection(sample, ObjectExpirerConfig.SECTION);
        assertThat(ObjectExpirerConfig.DEFINITION.sampleDifferences(section, ObjectExpirerConfig.FROM_DEFAULT))
                .isEmpty();
        assertThat(ObjectExpirerConfig.from(IniFile.load(SAMPLE).section(ObjectExpirerConfig.SECTION))
                        .unknownKeys())
                .isEmpty();
    }

    @Test
    void shouldUseSwiftDefaultsWhenTheSectionIsEmpty() {
        ObjectExpirerConfig c = ObjectExpirerConfig.defaults();
        assertThat(c.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.tasksPerSecond()).isEqualTo(50.0);
        assertThat(c.concurrency()).isEqualTo(1);
        assertThat(c.processes()).isZero();
        assertThat(c.process()).isZero();
        assertThat(c.reclaimAge()).isEqualTo(Duration.ofDays(7));
        assertThat(c.requestTries()).isEqualTo(3);
        assertThat(c.queueAccount(".")).isEqualTo(".expiring_objects");
        assertThat(c.dequeueFromLegacy()).isTrue();
    }

    @Test
    void shouldRejectAProcessOutsideProcessesWhenParsing() {
        assertThatThrownBy(() -> ObjectExpirerConfig.parse("[object-expirer]\nprocesses = 2\nprocess = 2\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("process");
        assertThat(ObjectExpirerConfig.parse("[object-expirer]\nexpiring_objects_account_name = q\n"
                                + "auto_create_account_prefix = _\nprocesses = 3\nprocess = 2\n")
                        .queueAccount("."))
                .isEqualTo("_q");
    }

    @Test
    void shouldShowTheDefinitionsTableWhenReadingTheReadme() throws Exception {
        assertThat(ConfigDocs.readmeTable(Path.of("README.md"), "object-expirer"))
                .isEqualTo(ObjectExpirerConfig.DEFINITION.markdownTable());
    }
}
