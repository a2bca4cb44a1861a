package io.cairn.container.updater;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.IniFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ContainerUpdaterConfigTest {
    private static final Path SAMPLE = Path.of("etc/container-server.conf-sample");

    @Test
    void shouldListExactlyTheUpdaterKeysWhenReadingTheSamplesSection() throws IOException {
        String sample = Files.readString(SAMPLE);
        String section = sample.substring(sample.indexOf("\n[container-updater]") + 1);
        int next = section.indexOf("\n[", 1);
        section = next < 0 ? section : section.substring(0, next);
        Set<String> inSample = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^#?\\s*([a-z_]+)\\s*=").matcher(section);
        while (m.find()) {
            inSample.add(m.group(1));
        }
        Set<String> inClass = new TreeSet<>(ContainerUpdaterConfig.ACTED_ON);
        inClass.addAll(ContainerUpdaterConfig.ACCEPTED);
        inClass.removeAll(Set.of("devices", "mount_check", "swift_dir")); // from [DEFAULT]
        assertThat(inSample).isEqualTo(inClass);
        ContainerUpdaterConfig c =
                ContainerUpdaterConfig.from(IniFile.load(SAMPLE).section(ContainerUpdaterConfig.SECTION));
        assertThat(c.unknownKeys()).isEmpty();
        assertThat(c.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.nodeTimeout()).isEqualTo(Duration.ofSeconds(3));
    }
}
