package io.cairn.replicator.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.IniFile;
import io.cairn.common.testing.ConfigDocs;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DbReplicatorConfigTest {
    @Test
    void shouldUseSwiftDefaultsWhenTheSectionIsEmpty() {
        IniFile ini = IniFile.parse("[container-replicator]\n", "test.conf");

        DbReplicatorConfig c = DbReplicatorConfig.from(ini.section("container-replicator"));

        assertThat(c).isEqualTo(DbReplicatorConfig.defaults());
        assertThat(c.perDiff()).isEqualTo(1000);
        assertThat(c.maxDiffs()).isEqualTo(100);
        assertThat(c.concurrency()).isEqualTo(8);
        assertThat(c.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.nodeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.connTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.reclaimAge()).isEqualTo(Duration.ofDays(7));
        assertThat(c.handoffDelete()).isZero();
    }

    @Test
    void shouldReadSwiftKeysWhenSetInTheSectionOrDefault() {
        IniFile ini = IniFile.parse(
                "[DEFAULT]\nconn_timeout = 0.25\n[account-replicator]\ninterval = 12.5\nper_diff = 50\n"
                        + "max_diffs = 7\nconcurrency = 3\nnode_timeout = 4\nreclaim_age = 3600\nhandoff_delete = 2\n"
                        + "rsync_module = {replication_ip}::account\nbogus_key = 1\n",
                "test.conf");

        DbReplicatorConfig c = DbReplicatorConfig.from(ini.section("account-replicator"));

        assertThat(c)
                .isEqualTo(new DbReplicatorConfig(
                        Duration.ofMillis(12_500),
                        50,
                        7,
                        3,
                        Duration.ofSeconds(4),
                        Duration.ofMillis(250),
                        Duration.ofHours(1),
                        2));
        assertThat(DbReplicatorConfig.unknownKeys(ini.section("account-replicator")))
                .containsExactly("bogus_key");
    }

    @Test
    void shouldRejectOutOfRangeValuesWhenParsing() {
        IniFile ini = IniFile.parse("[container-replicator]\nper_diff = 0\n", "test.conf");

        assertThatThrownBy(() -> DbReplicatorConfig.from(ini.section("container-replicator")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("per_diff");
    }

    @Test
    void shouldShowTheDefinitionsTableWhenReadingTheReadme() throws Exception {
        assertThat(ConfigDocs.readmeTable(Path.of("README.md"), "db-replicator"))
                .isEqualTo(DbReplicatorConfig.DEFINITION.markdownTable());
    }

    @Test
    void shouldReadSwiftsDeprecatedRunPauseWhenIntervalIsAbsent() {
        IniFile ini = IniFile.parse(
                "[container-replicator]\nrun_pause = 7\n[account-replicator]\nrun_pause = 7\ninterval = 9\n", "t");

        assertThat(DbReplicatorConfig.from(ini.section("container-replicator")).interval())
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(DbReplicatorConfig.from(ini.section("account-replicator")).interval())
                .isEqualTo(Duration.ofSeconds(9));
        assertThat(DbReplicatorConfig.unknownKeys(ini.section("container-replicator")))
                .isEmpty();
    }
}
