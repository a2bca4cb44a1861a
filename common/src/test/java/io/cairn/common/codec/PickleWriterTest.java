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
