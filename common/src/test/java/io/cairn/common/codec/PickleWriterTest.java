package io.cairn.common.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PickleWriterTest {
    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void shouldWriteBytesAsCodecsEncodeCallWhenProtocol2() {
        // pickle.dumps(b'abc', protocol=2) in Python 3.11
        assertThat(PickleWriter.dumpProtocol2(PyBytes.latin1("abc")))
                .isEqualTo(latin1("\u0080\u0002c_codecs\nencode\nq\u0000X\u0003\u0000\u0000\u0000abcq\u0001"
                        + "X\u0006\u0000\u0000\u0000latin1q\u0002\u0086q\u0003Rq\u0004."));
    }

    @Test
    void shouldReferBackToSingletonBytesWhenTheyRepeat() {
        // pickle.dumps({b'a': b'0', b'b': b'0', b'c': b'', b'd': b''}, 2): one-byte and empty bytes are
        // CPython singletons, so the second occurrence is a BINGET
        Map<PyBytes, PyBytes> m = new LinkedHashMap<>();
        m.put(PyBytes.latin1("a"), PyBytes.latin1("0"));
        m.put(PyBytes.latin1("b"), PyBytes.latin1("0"));
        m.put(PyBytes.latin1("c"), PyBytes.latin1(""));
        m.put(PyBytes.latin1("d"), PyBytes.latin1(""));
        assertThat(PickleWriter.dumpProtocol2(m))
                .isEqualTo(latin1("\u0080\u0002}q\u0000(c_codecs\nencode\nq\u0001X\u0001\u0000\u0000\u0000aq\u0002"
                        + "X\u0006\u0000\u0000\u0000latin1q\u0003\u0086q\u0004Rq\u0005h\u0001"
                        + "X\u0001\u0000\u0000\u00000q\u0006h\u0003\u0086q\u0007Rq\u0008h\u0001"
                        + "X\u0001\u0000\u0000\u0000bq\th\u0003\u0086q\nRq\u000bh\u0008h\u0001"
                        + "X\u0001\u0000\u0000\u0000cq\u000ch\u0003\u0086q\rRq\u000ec__builtin__\nbytes\nq\u000f)"
                        + "Rq\u0010h\u0001X\u0001\u0000\u0000\u0000dq\u0011h\u0003\u0086q\u0012Rq\u0013h\u0010u."));
    }

    @Test
    void shouldWriteTheSameBytesWhenGivenAnOutputStream() throws IOException {
        List<Object> v = List.of("x", 1L, PyTuple.of(2.5, false));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PickleWriter.dumpProtocol2(v, out);
        assertThat(out.toByteArray()).isEqualTo(PickleWriter.dumpProtocol2(v));
    }

    @Test
    void shouldWriteArrayAsArrayCallWhenProtocol2() {
        // pickle.dumps(array.array('H', [1, 65535]), protocol=2) in Python 3.11
        assertThat(PickleWriter.dumpProtocol2(PyArray.of('H', 1, 65535)))
                .isEqualTo(
                        java.util.HexFormat.of()
                                .parseHex(
                                        "80026361727261790a61727261790a710058010000004871015d7102284b014dffff658671035271042e"));
    }

    @Test
    void shouldReferBackToAContainerWhenTheSameObjectOccursTwice() {
        // pickle.dumps((lambda d: [d, d])({'a': 1}), 2)
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("a", 1L);
        assertThat(PickleWriter.dumpProtocol2(List.of(d, d)))
                .isEqualTo(java.util.HexFormat.of().parseHex("80025d7100287d710158010000006171024b01736801652e"));
        // equal but distinct containers are written twice (Python's bytes for [{'a': 1}, {'a': 1}]; the one-char
        // 'a' is a singleton), and so are shared empty ones (Python's [[], []])
        assertThat(PickleWriter.dumpProtocol2(List.of(d, new LinkedHashMap<>(d))))
                .isEqualTo(latin1("\u0080\u0002]q\u0000(}q\u0001X\u0001\u0000\u0000\u0000aq\u0002K\u0001s"
                        + "}q\u0003h\u0002K\u0001se."));
        List<Object> empty = List.of();
        assertThat(PickleWriter.dumpProtocol2(List.of(empty, empty)))
                .isEqualTo(latin1("\u0080\u0002]q\u0000(]q\u0001]q\u0002e."));
    }

    @Test
    void shouldRefuseUnsupportedTypesAndCyclesWhenWriting() {
        assertThatThrownBy(() -> PickleWriter.dumpProtocol2(new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot pickle a java.lang.Object");
        assertThatThrownBy(() -> PickleWriter.dumpProtocol2(new byte[1])).isInstanceOf(IllegalArgumentException.class);
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertThatThrownBy(() -> PickleWriter.dumpProtocol2(cycle))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cycle");
    }
}
