package io.cairn.common.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PyBytesTest {
    @Test
    void shouldCompareByContentWhenUsedAsMapKey() {
        byte[] raw = {1, 2, 3};
        PyBytes a = PyBytes.of(raw);
        raw[0] = 9; // the value keeps its own copy
        Map<PyBytes, String> m = new HashMap<>();
        m.put(a, "x");
        assertThat(m).containsEntry(PyBytes.of(new byte[] {1, 2, 3}), "x");
        assertThat(a.toByteArray()).containsExactly(1, 2, 3);
        assertThat(a.length()).isEqualTo(3);
    }

    @Test
    void shouldMapLatin1AndUtf8AsPythonDoesWhenConverting() {
        assertThat(PyBytes.latin1("caf\u00e9").toByteArray()).containsExactly('c', 'a', 'f', 0xe9);
        assertThat(PyBytes.utf8("caf\u00e9").toByteArray()).isEqualTo("caf\u00e9".getBytes(StandardCharsets.UTF_8));
        assertThat(PyBytes.utf8("caf\u00e9").asLatin1()).isEqualTo("caf\u00c3\u00a9");
        assertThat(PyBytes.latin1("\u00ff\u0080").asUtf8()).isEqualTo("\uDCFF\uDC80");
        assertThat(PyBytes.utf8("\uDCFF").toByteArray()).containsExactly(0xff);
        assertThat(PyBytes.latin1("a'\\\u0000").toString()).isEqualTo("b'a\\'\\\\\\x00'");
    }

    @Test
    void shouldRefuseWhatPythonRefusesWhenEncoding() {
        assertThatThrownBy(() -> PyBytes.latin1("\u0100"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not latin-1");
        assertThatThrownBy(() -> PyBytes.utf8("\uD800"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("surrogateescape");
    }

    @Property
    void shouldRoundTripAnyBytesWhenDecodedAndEncodedWithSurrogateescape(@ForAll byte[] raw) {
        PyBytes b = PyBytes.of(raw);
        assertThat(PyBytes.utf8(b.asUtf8())).isEqualTo(b);
        assertThat(PyBytes.latin1(b.asLatin1())).isEqualTo(b);
    }

    @Property
    void shouldAgreeWithTheJdkWhenStringHasNoLoneSurrogates(@ForAll String s) {
        String wellFormed = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(PyBytes.utf8(wellFormed).toByteArray()).isEqualTo(wellFormed.getBytes(StandardCharsets.UTF_8));
        assertThat(PyBytes.utf8(wellFormed).asUtf8()).isEqualTo(wellFormed);
    }
}
