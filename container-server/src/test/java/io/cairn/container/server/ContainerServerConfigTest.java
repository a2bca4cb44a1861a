package io.cairn.container.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.IniFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ContainerServerConfigTest {
    private static final Pattern KEY = Pattern.compile("^#?\\s*(?:set\\s+)?([a-z_]+)\\s*=.*$");

    @Test
    void shouldListExactlyTheConfigKeysWhenReadingTheSample() throws Exception {
        Set<String> inSample = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("etc/container-server.conf-sample"))) {
            if (line.startsWith("[container-updater]")) {
                break; // the daemon's section has its own test
            }
            Matcher m = KEY.matcher(line.strip());
            if (m.matches()) {
                inSample.add(m.group(1));
            }
        }
        assertThat(inSample).isEqualTo(new TreeSet<>(ContainerServerConfig.KNOWN_KEYS));
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
