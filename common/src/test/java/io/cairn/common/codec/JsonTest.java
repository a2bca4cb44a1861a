package io.cairn.common.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.testing.Python;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void shouldWriteFloatsExactlyAsPythonReprWhenComparedWithPython() {
        Random random = new Random(3);
        List<Double> values = new ArrayList<>(Arrays.asList(
                0.0,
                -0.0,
                1.0,
                100.0,
                1.5,
                0.1,
                0.001,
                1e-4,
                1e-5,
                1.2345e-5,
                1e15,
                1e16,
                1.5e16,
                Double.parseDouble("123456789012345678.0"),
                2.25,
                1.0 / 3,
                Double.parseDouble("5e-324"),
                Double.MAX_VALUE,
                Double.MIN_NORMAL,
                Double.parseDouble("9007199254740993.0"),
                2.0e-3,
                4.35,
                0.30000000000000004,
                1e22,
                Double.parseDouble("1e23"),
                Double.parseDouble("8.41e21"),
                Double.parseDouble("2.82879384806159e17")));
        for (int i = 0; i < 300; i++) {
            values.add(Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL)); // finite
            values.add(random.nextInt(100000) / 100.0);
        }
        StringBuilder hex = new StringBuilder();
        StringBuilder mine = new StringBuilder();
        for (double v : values) {
            hex.append(Double.toHexString(v)).append('\n');
            mine.append(Json.pythonFloatRepr(v)).append('\n');
        }
        String viaStdin = new String(
                Python.run(
                        "import sys\nfor line in sys.stdin.read().split():\n    print(repr(float.fromhex(line)))",
                        hex.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(mine.toString()).isEqualTo(viaStdin);
    }

    @Test
    void shouldWriteLikePythonJsonDumpsWithSortKeysAndEnsureAscii() {
        Map<String, @Nullable Object> inner = new LinkedHashMap<>();
        inner.put("zeta", 1);
        inner.put("alpha", List.of());
        inner.put("\uD83D\uDE00", "astral key");
        inner.put("\uFFFF", "bmp key");
        Map<String, @Nullable Object> value = new LinkedHashMap<>();
        value.put("s", "tab\t nl\n quote\" back\\ del\u007f ctl\u0001 e\u00e9 \u20ac \uD83D\uDE00 /");
        value.put("n", null);
        value.put("b", List.of(true, false, 12345678901234L, -1, 2.5, Map.of()));
        value.put("inner", inner);
        String python = new String(
                Python.run(
                        "import json,sys\nv=json.loads(sys.stdin.read())\n"
                                + "sys.stdout.write(json.dumps(v, sort_keys=True, ensure_ascii=True))",
                        Json.writeSortedKeys(value).getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(Json.writeSortedKeys(value)).isEqualTo(python);
        assertThat(Json.writeSortedKeys(value))
                .startsWith("{\"b\": [true, false, 12345678901234, -1, 2.5, {}], \"inner\": {\"alpha\": [], ")
                .contains("\"\\uffff\": \"bmp key\", \"\\ud83d\\ude00\": \"astral key\"");
    }

    @Test
    void shouldWriteLikePythonJsonDumpsWhenKeysKeepInsertionOrder() {
        Map<String, @Nullable Object> inner = new LinkedHashMap<>();
        inner.put("zeta", 1);
        inner.put("alpha", List.of());
        inner.put("\uD83D\uDE00", "astral key");
        inner.put("\uFFFF", "bmp key");
        Map<String, @Nullable Object> value = new LinkedHashMap<>();
        value.put("s", "tab\t nl\n quote\" back\\ del\u007f ctl\u0001 e\u00e9 \u20ac \uD83D\uDE00 /");
        value.put("n", null);
        value.put("b", List.of(true, false, 12345678901234L, -1, 2.5, Map.of()));
        value.put("inner", inner);
        String python = new String(
                Python.run(
                        "import json,sys\nv=json.loads(sys.stdin.read())\n" + "sys.stdout.write(json.dumps(v))",
                        Json.write(value).getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(Json.write(value)).isEqualTo(python);
        assertThat(Json.write(value))
                .startsWith("{\"s\": \"tab\\t nl\\n")
                .contains("\"inner\": {\"zeta\": 1, \"alpha\": [], \"\\ud83d\\ude00\": \"astral key\"");
    }

    @Test
    void shouldParseWhatItWritesWhenValuesAreNested() throws Json.JsonException {
        String text = " {\"a\": [1, -2.5e3, \"x\\u00e9\\ud83d\\ude00\\/\", null, true, false, {}], \"b\": {\"c\": 0}} ";
        Object parsed = Json.parse(text);
        assertThat(parsed).isInstanceOf(Map.class);
        Map<?, ?> map = (Map<?, ?>) Objects.requireNonNull(parsed);
        List<?> a = (List<?>) Objects.requireNonNull(map.get("a"));
        assertThat(a.get(0)).isEqualTo(1L);
        assertThat(a.get(1)).isEqualTo(-2500.0);
        assertThat(a.get(2)).isEqualTo("x\u00e9\uD83D\uDE00/");
        assertThat(a.get(3)).isNull();
        assertThat(a.subList(4, 6)).isEqualTo(List.of(true, false));
        assertThat(Json.writeSortedKeys(parsed))
                .isEqualTo("{\"a\": [1, -2500.0, \"x\\u00e9\\ud83d\\ude00/\", null, true, false, {}], "
                        + "\"b\": {\"c\": 0}}");
    }

    @Test
    void shouldRejectMalformedJsonWithTheOffset() {
        assertRejected("", "unexpected end of JSON at offset 0");
        assertRejected("{\"a\": 1,}", "expected a string key at offset 8");
        assertRejected("{\"a\" 1}", "expected ':'");
        assertRejected("[1 2]", "expected ',' or ']' at offset 3");
        assertRejected("{\"a\": 1, \"a\": 2}", "duplicate key \"a\"");
        assertRejected("NaN", "unexpected character 'N'");
        assertRejected("[Infinity]", "unexpected character 'I'");
        assertRejected("1e999", "number out of range");
        assertRejected("99999999999999999999", "integer out of range");
        assertRejected("01", "trailing data");
        assertRejected("\"a\tb\"", "control character");
        assertRejected("\"\\x\"", "bad escape");
        assertRejected("\"\\u12zz\"", "bad hex digit");
        assertRejected("\"\\u12", "truncated \\u escape");
        assertRejected("[1.]", "digit expected after '.'");
        assertRejected("[-]", "bad number");
        assertRejected("[".repeat(100), "nesting deeper than 64");
        assertRejected("{} {}", "trailing data after the JSON value at offset 3");
    }

    @Test
    void shouldRefuseToWriteNonFiniteNumbersAndUnknownTypes() {
        assertThatThrownBy(() -> Json.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(new Object())).hasMessageContaining("cannot write java.lang.Object");
    }

    private static void assertRejected(String text, String message) {
        assertThatThrownBy(() -> Json.parse(text))
                .isInstanceOf(Json.JsonException.class)
                .hasMessageContaining(message);
    }
}
