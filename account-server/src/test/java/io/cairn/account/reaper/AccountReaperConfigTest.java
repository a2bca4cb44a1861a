package io.cairn.account.reaper;

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

class AccountReaperConfigTest {
    private static final Path SAMPLE = Path.of("etc/account-server.conf-sample");

    @Test
    void shouldListExactlyTheReaperKeysWhenReadingTheSamplesSection() throws IOException {
        String sample = Files.readString(SAMPLE);
        String section = sample.substring(sample.indexOf("\n[account-reaper]") + 1);
        int next = section.indexOf("\n[", 1);
        section = next < 0 ? section : section.substring(0, next);
        Set<String> inSample = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^#?\\s*([a-z_]+)\\s*=").matcher(section);
        while (m.find()) {
            inSample.add(m.group(1));
        }
        Set<String> inClass = new TreeSet<>(AccountReaperConfig.ACTED_ON);
        inClass.addAll(AccountReaperConfig.ACCEPTED);
        // from [DEFAULT]
        inClass.removeAll(Set.of("devices", "mount_check", "swift_dir", "bind_ip", "bind_port"));
        assertThat(inSample).isEqualTo(inClass);
        AccountReaperConfig c = AccountReaperConfig.from(IniFile.load(SAMPLE).section(AccountReaperConfig.SECTION));
        assertThat(c.unknownKeys()).isEmpty();
        assertThat(c.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(c.concurrency()).isEqualTo(25);
        assertThat(c.delayReaping()).isZero();
        assertThat(c.reapWarnAfter()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void shouldShardContainersOverTheAccountsPrimariesAsSwiftDoes() {
        // int(md5(b'c1').hexdigest(), 16) % 3, computed with Python
        assertThat(AccountReaper.shardOf("c1", 3))
                .isEqualTo(new java.math.BigInteger("a9f7e97965d6cf799a529102a973b8b9", 16)
                        .mod(java.math.BigInteger.valueOf(3))
                        .intValue());
    }
}
