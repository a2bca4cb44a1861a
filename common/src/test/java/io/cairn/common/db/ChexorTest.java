package io.cairn.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.codec.Json;
import io.cairn.common.testing.Python;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sqlite.Function;
import org.sqlite.SQLiteConfig;

class ChexorTest {
    private static final String ZERO = Chexor.EMPTY;

    @Test
    void shouldMatchSwiftGoldenValuesWhenGivenAsciiAndUnicodeNames() {
        // golden values printed by Swift 2.30.1's swift.common.db.chexor
        assertThat(Chexor.chexor(ZERO, "c1", "1700000000.00000-0-0-0")).isEqualTo("f0b4d20ca879a5e8deb0c26eee44ba2a");
        assertThat(Chexor.chexor("0123456789abcdef0123456789abcdef", "été/\uD83D\uDE00", "1700000000.12345"))
                .isEqualTo("2095432626ab44ed3697f510ba9b8394");
        assertThat(Chexor.chexor("ffffffffffffffffffffffffffffffff", "", "0"))
                .isEqualTo("0ca1919254eba495844fadc71cb6b594");
    }

    @Test
    void shouldAgreeWithSwiftChexorWhenComputedLive() {
        List<String[]> cases = List.of(
                new String[] {ZERO, "a", "0000000001.00000"},
                new String[] {"1", "\u00fcber", "1700000000.00000_0000000000000001"},
                new String[] {"abc", "x/y/z", "1-2-3-4"});
        StringBuilder script = new StringBuilder("from swift.common.db import chexor\n");
        StringBuilder expectedJava = new StringBuilder();
        for (String[] c : cases) {
            script.append("print(chexor(")
                    .append(Json.write(c[0]))
                    .append(", ")
                    .append(Json.write(c[1]))
                    .append(", ")
                    .append(Json.write(c[2]))
                    .append("))\n");
            expectedJava.append(Chexor.chexor(c[0], c[1], c[2])).append('\n');
        }
        assertThat(Python.runText(script.toString())).isEqualTo(expectedJava.toString());
    }

    @Test
    void shouldXorBackToTheOldHashWhenAppliedTwice() {
        String once = Chexor.chexor(ZERO, "name", "ts");
        assertThat(once).isNotEqualTo(ZERO);
        assertThat(Chexor.chexor(once, "name", "ts")).isEqualTo(ZERO);
    }

    @Test
    void shouldRejectAHashThatIsNotHex() {
        assertThatThrownBy(() -> Chexor.chexor("xyz", "a", "b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldComputeTheSameInSqlWhenRegisteredAsAFunction() throws SQLException {
        try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite::memory:");
                Statement st = c.createStatement()) {
            Function.create(c, "chexor", Chexor.sqlFunction(), 3, 0);
            try (ResultSet rs = st.executeQuery("SELECT chexor('" + ZERO + "', 'c1', '1700000000.00000' || '-' || 0"
                    + " || '-' || 0 || '-' || 0), chexor('" + ZERO + "', '', '0')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("f0b4d20ca879a5e8deb0c26eee44ba2a");
                assertThat(rs.getString(2)).isEqualTo(Chexor.chexor(ZERO, "", "0"));
            }
            assertThatThrownBy(() -> st.executeQuery("SELECT chexor('" + ZERO + "', NULL, '0')"))
                    .hasMessageContaining("name is None!");
        }
    }
}
