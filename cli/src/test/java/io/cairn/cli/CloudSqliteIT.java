package io.cairn.cli;

import java.util.List;

/** {@code cairn cloud} on its default database: a SQLite file in the data directory. */
class CloudSqliteIT extends CloudClientsITBase {
    @Override
    List<String> databaseArgs() {
        return List.of();
    }
}
