package io.cairn.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.testing.Python;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PyJsonTest {
    @Test
    void shouldDumpExactlyAsPythonWhenGivenUnicodeAndNumbers() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("X-Account-Meta-\u00e9", List.of("v\"\\\n\u007f\uD83D\uDE00", "1.00000"));
        m.put("a", Arrays.asList(1L, 2.5, null, true, 1e20, 0.0001, 1e-5));
        String python = Python.runText("import json,sys\n"
                + "print(json.dumps({'X-Account-Meta-\\u00e9': ['v\"\\\\\\n\\x7f\\U0001F600', '1.00000'],"
                + " 'a': [1, 2.5, None, True, 1e20, 0.0001, 1e-5]}), end='')");
        assertThat(PyJson.dumps(m)).isEqualTo(python);
    }

    @Test
    void shouldRoundTripWhatPythonWroteWhenParsing() {
        String python = Python.runText("import json\n"
                + "print(json.dumps([{'ROWID': 3, 'name': '\\u2603/x', 'deleted': 0}, {'remote_id': 'r', "
                + "'sync_point': -1}, 12345678901234567890, 1.5]), end='')");
        Object parsed = java.util.Objects.requireNonNull(PyJson.loads(python));
        assertThat(PyJson.dumps(parsed)).isEqualTo(python);
        assertThat(parsed).isInstanceOf(List.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) ((List<Object>) parsed).get(0);
        assertThat(first).containsEntry("ROWID", 3L).containsEntry("name", "\u2603/x");
    }

    @Test
    void shouldRejectTruncatedOrTrailingInput() {
        assertThatThrownBy(() -> PyJson.loads("[1, 2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PyJson.loads("{} x")).hasMessageContaining("Extra data");
        assertThatThrownBy(() -> PyJson.loads("\"\\q\"")).hasMessageContaining("escape");
        assertThat(new String(PyJson.dumps("").getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isEqualTo("\"\"");
    }
}
