package io.cairn.common.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A schema script (Python's {@code executescript}): statements separated by {@code ;}, where a
 * {@code CREATE TRIGGER} runs to its {@code END;}. Statement text is kept byte for byte, because SQLite
 * stores a CREATE statement's text verbatim in {@code sqlite_master} and Swift's tools compare nothing
 * but Cairn's tests compare everything. Lines starting with {@code --} before a statement are comments.
 *
 * <p>Immutable and thread-safe.
 */
public final class SqlScript {
    private final List<String> statements;

    private SqlScript(List<String> statements) {
        this.statements = List.copyOf(statements);
    }

    /** Parses {@code script} into statements. */
    public static SqlScript parse(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (quote != 0) {
                current.append(c);
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (current.toString().isBlank() && c == '-' && script.startsWith("--", i)) {
                int eol = script.indexOf('\n', i);
                i = eol < 0 ? script.length() : eol;
                current.setLength(0);
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                current.append(c);
            } else if (c == ';' && statementComplete(current)) {
                String statement = current.toString().strip();
                if (!statement.isEmpty()) {
                    out.add(statement);
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return new SqlScript(out);
    }

    /** Loads and parses a UTF-8 script from the class path, next to {@code anchor}. */
    public static SqlScript resource(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL resource " + name + " next to " + anchor.getName());
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statements, in order, without their terminating {@code ;}. */
    public List<String> statements() {
        return statements;
    }

    /** Runs every statement on {@code conn} (inside whatever transaction the caller holds). */
    public void execute(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            for (String sql : statements) {
                st.executeUpdate(sql);
            }
        }
    }

    private static boolean statementComplete(StringBuilder current) {
        String s = current.toString().strip().toUpperCase(Locale.ROOT);
        if (!s.startsWith("CREATE TRIGGER") && !s.startsWith("CREATE TEMP TRIGGER")) {
            return true;
        }
        return s.endsWith("END");
    }
}
