package io.cairn.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {
    @Test
    void shouldKeepTriggerBodiesWhole() {
        SqlScript s = SqlScript.parse("-- comment\nCREATE TABLE t (a TEXT DEFAULT ';');\n"
                + "CREATE TRIGGER tr AFTER INSERT ON t\n BEGIN\n  UPDATE t SET a = 'x';\n  SELECT 1;\n END;\n"
                + "INSERT INTO t (a) VALUES ('y')");
        assertThat(s.statements())
                .containsExactly(
                        "CREATE TABLE t (a TEXT DEFAULT ';')",
                        "CREATE TRIGGER tr AFTER INSERT ON t\n BEGIN\n  UPDATE t SET a = 'x';\n  SELECT 1;\n END",
                        "INSERT INTO t (a) VALUES ('y')");
    }

    @Test
    void shouldLoadTheSyncTablesOfSwift() {
        SqlScript s = SqlScript.resource(DatabaseBroker.class, "sync-tables.sql");
        assertThat(s.statements()).hasSize(6);
        assertThat(s.statements().get(0)).startsWith("CREATE TABLE outgoing_sync (\n                remote_id");
    }
}
