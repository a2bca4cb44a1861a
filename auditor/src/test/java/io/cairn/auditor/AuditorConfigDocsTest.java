package io.cairn.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.auditor.db.DbAuditorConfig;
import io.cairn.auditor.object.ObjectAuditorConfig;
import io.cairn.common.testing.ConfigDocs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AuditorConfigDocsTest {
    private static final Path README = Path.of("README.md");

    @Test
    void shouldShowEachAuditorsTableWhenReadingTheReadme() throws Exception {
        assertThat(ConfigDocs.readmeTable(README, "object-auditor"))
                .isEqualTo(ObjectAuditorConfig.DEFINITION.markdownTable());
        assertThat(ConfigDocs.readmeTable(README, "container-auditor"))
                .isEqualTo(DbAuditorConfig.CONTAINER_DEFINITION.markdownTable());
        assertThat(ConfigDocs.readmeTable(README, "account-auditor"))
                .isEqualTo(DbAuditorConfig.ACCOUNT_DEFINITION.markdownTable());
    }
}
