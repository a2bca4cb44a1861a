package io.cairn.account.reaper;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.ConfigDefinition;
import io.cairn.common.config.IniFile;
import io.cairn.common.testing.ConfigDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccountReaperConfigTest {
    private static final Path SAMPLE = Path.of("etc/account-server.conf-sample");

    @Test
    void shouldListExactlyTheReaperKeysWhenReadingTheSamplesSection() throws IOException {
        String sample = Files.readString(SAMPLE);
        String section = ConfigDefinition.sampleSection(sample, AccountReaperConfig.SECTION);
        assertThat(AccountReaperConfig.DEFINITION.sampleDifferences(section, AccountReaperConfig.FROM_DEFAULT))
                .isEmpty();
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

    @Test
    void shouldShowTheDefinitionsTableWhenReadingTheReadme() throws Exception {
        assertThat(ConfigDocs.readmeTable(Path.of("README.md"), "account-reaper"))
                .isEqualTo(AccountReaperConfig.DEFINITION.markdownTable());
    }
}
