package io.cairn.account.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.IniFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AccountServerConfigTest {
    private static final Path SAMPLE = Path.of("etc/account-server.conf-sample");

    @Test
    void shouldListExactlyTheKeysTheConfigReadsWhenComparedWithTheSample() throws Exception {
        Set<String> inSample = new TreeSet<>();
        String sample = Files.readString(SAMPLE);
        int reaper = sample.indexOf("\n[account-reaper]"); // the daemon's section has its own test
        Matcher m =
                Pattern.compile("(?m)^#\\s*([a-z_]+)\\s*=").matcher(reaper < 0 ? sample : sample.substring(0, reaper));
        while (m.find()) {
            inSample.add(m.group(1));
        }
        assertThat(inSample).isEqualTo(new TreeSet<>(AccountServerConfig.KEYS));
    }

    @Test
    void shouldUseSwiftsDefaultsAndReportUnknownKeysWhenParsingTheSample() throws Exception {
        AccountServerConfig c = AccountServerConfig.from(IniFile.load(SAMPLE));
        assertThat(c.bindPort()).isEqualTo(6202);
        assertThat(c.devices()).isEqualTo(Path.of("/srv/node"));
        assertThat(c.mountCheck()).isTrue();
        assertThat(c.unknownKeys()).isEmpty();
        AccountServerConfig odd = AccountServerConfig.from(IniFile.parse(
                "[DEFAULT]\nbind_port = 7000\n[app:account-server]\nuse = egg:swift#account\nmount_chek = false\n",
                "test.conf"));
        assertThat(odd.bindPort()).isEqualTo(7000);
        assertThat(odd.unknownKeys()).containsExactly("mount_chek");
    }
}
