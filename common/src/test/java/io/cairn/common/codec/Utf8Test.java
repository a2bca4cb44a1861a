package io.cairn.common.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Utf8Test {
    /** Expected values printed by Python 3.11's strict {@code bytes.fromhex(hex).decode('utf-8')}. */
    @ParameterizedTest
    @CsvSource(
            value = {
                "'', ''",
                "616263, abc",
                "636166c3a9, café",
                "f09f9880, 😀",
                "e697a5e69cac, 日本",
            })
    void shouldDecodeValidUtf8AsPythonDoes(String hex, String text) {
        assertThat(Utf8.decodeOrNull(HexFormat.of().parseHex(hex))).isEqualTo(text);
    }

    /** Each of these raises UnicodeDecodeError in Python's strict decoder. */
    @ParameterizedTest
    @CsvSource({
        "c3", // truncated
        "80", // stray continuation byte
        "c0af", // overlong '/'
        "eda080", // an encoded surrogate (only surrogatepass takes it)
        "f4908080", // past U+10FFFF
        "e282", // truncated three-byte sequence
        "61ff62", // 0xFF never starts a sequence
    })
    void shouldRefuseWhatPythonRefuses(String hex) {
        assertThat(Utf8.decodeOrNull(HexFormat.of().parseHex(hex))).isNull();
    }
}
