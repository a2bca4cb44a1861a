package io.cairn.object.update;

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

class ObjectUpdaterConfigTest {
    private static final Path SAMPLE = Path.of("etc/object-server.conf-sample");

    private static ObjectUpdaterConfig parse(String text) {
        return ObjectUpdaterConfig.from(IniFile.parse(text, "t.conf"));
    }

    @Test
    void shouldListExactlyTheUpdaterKeysWhenReadingTheSamplesSection() throws IOException {
        String sample = Files.readString(SAMPLE);
        String section = ConfigDefinition.sampleSection(sample, ObjectUpdaterConfig.SECTION);
        assertThat(ObjectUpdaterConfig.DEFINITION.sampleDifferences(section, ObjectUpdaterConfig.FROM_DEFAULT))
                .isEmpty();
        assertThat(ObjectUpdaterConfig.from(IniFile.load(SAMPLE)).unknownKeys()).isEmpty();
    }

    @Test
    void shouldUseSwiftDefaultsWhenTheSectionIsEmpty() {
        ObjectUpdaterConfig config = ObjectUpdaterConfig.defaults();
        assertThat(config.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.concurrency()).isEqualTo(8);
        assertThat(config.objectsPerSecond()).isEqualTo(50.0);
        assertThat(config.nodeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.connTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.maxBackoff()).isEqualTo(Duration.ofHours(1));
        assertThat(config.devices()).isEqualTo(Path.of("/srv/node"));
        assertThat(config.mountCheck()).isTrue();
    }

    @Test
    void shouldDeriveObjectsPerSecondFromSlowdownWhenOnlySlowdownIsSet() {
        assertThat(parse("[object-updater]\nslowdown = 0.09\n").objectsPerSecond())
                .isCloseTo(10.0, within());
        assertThat(parse("[object-updater]\nslowdown = 0.09\nobjects_per_second = 3\n")
                        .objectsPerSecond())
                .isEqualTo(3.0);
    }

    @Test
    void shouldInheritDefaultsAndReportUnknownKeysWhenPresent() {
        ObjectUpdaterConfig config = parse("[DEFAULT]\ndevices = /d\nmount_check = false\nbind_port = 6200\n"
                + "[object-updater]\nintervall = 5\nreport_interval = 60\nconcurrency = 2\n");
        assertThat(config.devices()).isEqualTo(Path.of("/d"));
        assertThat(config.mountCheck()).isFalse();
        assertThat(config.concurrency()).isEqualTo(2);
        assertThat(config.unknownKeys()).containsExactly("intervall");
        assertThat(config.ignoredKeys()).containsExactly("report_interval");
    }

    @Test
    void shouldRejectOutOfRangeValuesWhenParsing() {
        assertThatThrownBy(() -> parse("[object-updater]\nconcurrency = 0\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("concurrency");
        assertThatThrownBy(() -> parse("[object-updater]\nobjects_per_second = -1\n"))
                .isInstanceOf(ConfigException.class);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }

    @Test
    void shouldShowTheDefinitionsTableWhenReadingTheReadme() throws Exception {
        assertThat(ConfigDocs.readmeTable(Path.of("README.md"), "object-updater"))
                .isEqualTo(ObjectUpdaterConfig.DEFINITION.markdownTable());
    }
}
