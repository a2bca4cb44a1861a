package io.cairn.common.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.Function;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Opens SQLite connections configured as Swift's {@code get_db_connection} does:
 * {@code synchronous = NORMAL}, {@code count_changes = OFF}, {@code temp_store = MEMORY},
 * {@code journal_mode = DELETE} (never WAL: whole DB files are rsynced between nodes, and a WAL would
 * leave committed rows outside the shipped file), a busy timeout of Swift's {@code BROKER_TIMEOUT}
 * (25 s), and the {@code chexor} SQL function the triggers call. A missing file is an error, never
 * silently created. Creation uses {@link #openForCreate}: Swift's fast, unsafe settings
 * ({@code synchronous = OFF}, {@code journal_mode = MEMORY}) followed by one fsync of the whole file.
 *
 * <p>Stateless and thread-safe; each returned connection belongs to its caller.
 */
public final class DbConnections {
    /** Swift's {@code BROKER_TIMEOUT}, seconds: how long a statement waits for another writer's lock. */
    public static final int BROKER_TIMEOUT_SECONDS = 25;

    private DbConnections() {}

    /** Opens an existing DB file with Swift's runtime settings; autocommit is on. */
    public static Connection open(Path dbFile) throws SQLException {
        if (!Files.isRegularFile(dbFile)) {
            throw new SQLException("DB doesn't exist: " + dbFile);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        config.setBusyTimeout(BROKER_TIMEOUT_SECONDS * 1000);
        Connection conn = config.createConnection("jdbc:sqlite:" + dbFile);
        try {
            pragmas(conn, "PRAGMA synchronous = NORMAL", "PRAGMA count_changes = OFF", "PRAGMA temp_store = MEMORY");
            pragmas(conn, "PRAGMA journal_mode = DELETE");
            Function.create(conn, "chexor", Chexor.sqlFunction(), 3, 0);
            return conn;
        } catch (SQLException e) {
            conn.close();
            throw e;
        }
    }

    /**
     * Opens (creating) a scratch file for {@code initialize}: Swift's {@code synchronous = OFF},
     * {@code temp_store = MEMORY}, {@code journal_mode = MEMORY}; the caller fsyncs the file afterwards.
     */
    public static Connection openForCreate(Path tmpFile) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(0);
        Connection conn = config.createConnection("jdbc:sqlite:" + tmpFile);
        try {
            pragmas(conn, "PRAGMA synchronous = OFF", "PRAGMA temp_store = MEMORY", "PRAGMA journal_mode = MEMORY");
            Function.create(conn, "chexor", Chexor.sqlFunction(), 3, 0);
            return conn;
        } catch (SQLException e) {
            conn.close();
            throw e;
        }
    }

    private static void pragmas(Connection conn, String... pragmas) throws SQLException {
        try (Statement st = conn.createStatement()) {
            for (String p : pragmas) {
                st.execute(p);
            }
        }
    }
}
