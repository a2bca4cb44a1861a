package io.cairn.replicator.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.IniFile;
import io.cairn.common.testing.ConfigDocs;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ObjectReplicatorConfigTest {
    private static ConfigSection section(String body) {
        return IniFile.parse("[DEFAULT]\nnode_timeout = 3\n[object-replicator]\n" + body, "test.conf")
                .section(ObjectReplicatorConfig.SECTION);
    }

    @Test
    void shouldUseSwiftDefaultsWhenSectionIsEmpty() {
        ObjectReplicatorConfig c = ObjectReplicatorConfig.from(section(""));

        assertThat(c.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.concurrency()).isEqualTo(1);
        assertThat(c.replicatorWorkers()).isZero();
        assertThat(c.httpTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.nodeTimeout()).as("inherited from [DEFAULT]").isEqualTo(Duration.ofSeconds(3));
        assertThat(c.connTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.reclaimAge()).isEqualTo(Duration.ofDays(7));
        assertThat(c.handoffsFirst()).isFalse();
        assertThat(c.handoffDelete()).isZero();
        assertThat(c.partitionsPerSecond()).isZero();
        assertThat(ObjectReplicatorConfig.defaults())
                .isEqualTo(ObjectReplicatorConfig.from(
                        IniFile.parse("[object-replicator]\n", "t").section("object-replicator")));
    }

    @Test
    void shouldReadSwiftKeysWhenSet() {
        ObjectReplicatorConfig c = ObjectReplicatorConfig.from(section("run_pause = 12\nconcurrency = 4\n"
                + "replicator_workers = 2\nsync_method = ssync\nhttp_timeout = 5\nconn_timeout = 0.25\n"
                + "reclaim_age = 3600\nhandoffs_first = yes\nhandoff_delete = 2\npartitions_per_second = 50\n"));

        assertThat(c.interval()).isEqualTo(Duration.ofSeconds(12));
        assertThat(c.concurrency()).isEqualTo(4);
        assertThat(c.replicatorWorkers()).isEqualTo(2);
        assertThat(c.httpTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.connTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.reclaimAge()).isEqualTo(Duration.ofHours(1));
        assertThat(c.handoffsFirst()).isTrue();
        assertThat(c.handoffDelete()).isEqualTo(2);
        assertThat(c.partitionsPerSecond()).isEqualTo(50.0);
    }

    @Test
    void shouldReadAutoAsZeroWhenHandoffDeleteIsAuto() {
        assertThat(ObjectReplicatorConfig.from(section("handoff_delete = Auto\n"))
                        .handoffDelete())
                .isZero();
    }

    @Test
    void shouldRefuseRsyncWhenSyncMethodIsRsync() {
        assertThatThrownBy(() -> ObjectReplicatorConfig.from(section("sync_method = rsync\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sync_method")
                .hasMessageContaining("ssync");
    }

    @Test
    void shouldRefuseZeroConcurrencyWhenConfigured() {
        assertThatThrownBy(() -> ObjectReplicatorConfig.from(section("concurrency = 0\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("concurrency");
    }

    @Test
    void shouldReportUnknownKeysButNotAcceptedSwiftOnesWhenPresent() {
        ConfigSection s = section("rsync_timeout = 900\nlog_name = x\nconcurrancy = 3\n");

        assertThat(ObjectReplicatorConfig.unknownKeys(s)).containsExactly("concurrancy");
    }

    @Test
    void shouldShowTheDefinitionsTableWhenReadingTheReadme() throws Exception {
        assertThat(ConfigDocs.readmeTable(Path.of("README.md"), "object-replicator"))
                .isEqualTo(ObjectReplicatorConfig.DEFINITION.markdownTable());
    }
}
