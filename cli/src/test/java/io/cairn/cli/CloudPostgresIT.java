package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code cairn cloud} on PostgreSQL (the multi-host database): a cluster this test creates and starts itself on a
 * free port as an unprivileged user, and stops by its PID.
 */
class CloudPostgresIT extends CloudClientsITBase {
    private @Nullable PostgresCluster postgres;

    @Override
    List<String> databaseArgs() throws Exception {
        assertThat(PostgresCluster.available())
                .as("PostgreSQL 15 (apt-get install postgresql)")
                .isTrue();
        PostgresCluster pg = PostgresCluster.start(tmp);
        postgres = pg;
        return List.of("--database-url", pg.jdbcUrl(), "--database-user", "postgres");
    }

    @Override
    void afterCloud() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
