package io.cairn.common.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class PickleReaderTest {
    @SuppressWarnings("unchecked")
    static Map<Object, Object> asMap(@Nullable Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<Object, Object>) java.util.Objects.requireNonNull(value);
    }

    /** {@code pickle.dumps(HeaderKeyDict(...) inside a dict, protocol=0)} as Python 3.11 writes it. */
    private static final String ASYNC_PENDING_P0 = "(dp0\nVop\np1\nVPUT\np2\nsVobj\np3\nVo\u00e9\\u4e2d\np4\n"
            + "sVheaders\np5\nccopy_reg\n_reconstructor\np6\n(cswift.common.header_key_dict\nHeaderKeyDict\np7\n"
            + "c__builtin__\ndict\np8\n(dp9\nVX-Size\np10\nV0\np11\nsVX-Timestamp\np12\nV1.00000\np13\nstp14\n"
            + "Rp15\nsVsuccesses\np16\n(lp17\nI1\naI2\nas.";

    private static byte[] unsigned(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static @Nullable Object load(String latin1Pickle) throws PickleException {
        return PickleReader.load(latin1(latin1Pickle));
    }

    @Test
    void shouldLoadHeaderKeyDictAsMapWhenPickledWithReconstructorAtProtocol0() throws PickleException {
        Map<Object, Object> update = asMap(load(ASYNC_PENDING_P0));
        assertThat(update).containsEntry("op", "PUT").containsEntry("obj", "o\u00e9\u4e2d");
        assertThat(update.get("headers"))
                .isEqualTo(Map.of("X-Size", "0", "X-Timestamp", "1.00000"))
                .isInstanceOf(LinkedHashMap.class);
        assertThat(update.get("successes")).isEqualTo(List.of(1L, 2L));
    }

    @Test
    void shouldLoadHeaderKeyDictWhenPickledWithNewobjAtProtocol2() throws PickleException {
        // pickle.dumps(HeaderKeyDict({'a': 'b'}), 2)
        Object v = load("\u0080\u0002cswift.common.header_key_dict\nHeaderKeyDict\nq\u0000)\u0081q\u0001"
                + "X\u0001\u0000\u0000\u0000Aq\u0002X\u0001\u0000\u0000\u0000bq\u0003s.");
        assertThat(v).isEqualTo(Map.of("A", "b"));
    }

    @Test
    void shouldLoadPython2StringsAsBytesWhenStringOpcodes() throws PickleException {
        assertThat(load("S'a\\n\\x00\\'b\\\\'\n.")).isEqualTo(PyBytes.latin1("a\n\u0000'b\\"));
        assertThat(load("S\"q\\101\\7z\"\n.")).isEqualTo(PyBytes.latin1("qA\u0007z"));
        assertThat(load("U\u0003ab\u00ff.")).isEqualTo(PyBytes.latin1("ab\u00ff"));
        assertThat(load("T\u0002\u0000\u0000\u0000hi.")).isEqualTo(PyBytes.latin1("hi"));
        // py2 object metadata: {'Content-Length': '0'} at protocol 2
        assertThat(load("\u0080\u0002}q\u0001U\u000eContent-Lengthq\u0002U\u00010s."))
                .isEqualTo(Map.of(PyBytes.latin1("Content-Length"), PyBytes.latin1("0")));
    }

    @Test
    void shouldDecodeRawUnicodeEscapeWhenUnicodeOpcode() throws PickleException {
        assertThat(load("V\\u00e9\\U0001f600\\\\u0041\u00ff\\x\n.")).isEqualTo("\u00e9\uD83D\uDE00\\\\u0041\u00ff\\x");
        assertThat(load("V\\\\\\u0041\n.")).isEqualTo("\\\\A");
    }

    @Test
    void shouldParseTextNumbersWhenProtocol0() throws PickleException {
        assertThat(load("I01\n.")).isEqualTo(true);
        assertThat(load("I00\n.")).isEqualTo(false);
        assertThat(load("I-42\n.")).isEqualTo(-42L);
        assertThat(load("L123L\n.")).isEqualTo(123L);
        assertThat(load("L-99999999999999999999999\n.")).isEqualTo(new BigInteger("-99999999999999999999999"));
        assertThat(load("F1.5\n.")).isEqualTo(1.5);
        assertThat(load("F-inf\n.")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(load("Fnan\n.")).isEqualTo(Double.NaN);
    }

    @Test
    void shouldReadBinaryIntsWhenAllWidths() throws PickleException {
        assertThat(load("K\u00ff.")).isEqualTo(255L);
        assertThat(load("M\u0000\u0001.")).isEqualTo(256L);
        assertThat(load("J\u00ff\u00ff\u00ff\u00ff.")).isEqualTo(-1L);
        assertThat(load("\u008a\u0000.")).isEqualTo(0L);
        assertThat(load("\u008a\u0002\u00ff\u007f.")).isEqualTo(32767L);
        assertThat(load("\u008a\u0009\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0001."))
                .isEqualTo(BigInteger.ONE.shiftLeft(64));
    }

    @Test
    void shouldReadProtocol4FramesWhenCheap() throws PickleException {
        // pickle.dumps({'a': b'x'}, 4)
        byte[] p = unsigned(128, 4, 149, 12, 0, 0, 0, 0, 0, 0, 0, 125, 148, 140, 1, 97, 148, 67, 1, 120, 148, 115, 46);
        assertThat(PickleReader.load(p)).isEqualTo(Map.of("a", PyBytes.latin1("x")));
    }

    @Test
    void shouldReadASliceWhenGivenOffsetAndLength() throws PickleException {
        byte[] data = latin1("garbageN.K\u0007.more");
        assertThat(PickleReader.load(data, 9, 3)).isEqualTo(7L);
        assertThatThrownBy(() -> PickleReader.load(data, 9, 2))
                .isInstanceOf(PickleException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void shouldRefuseGlobalsOutsideTheAllowListWhenLoading() {
        assertThatThrownBy(() -> load("cos\nsystem\n(S'echo hi'\ntR."))
                .isInstanceOf(PickleException.class)
                .hasMessageContaining("os.system is not allowed")
                .hasMessageContaining("offset 0");
        assertThatThrownBy(() -> load("\u0080\u0002c__builtin__\neval\nq\u0000."))
                .hasMessageContaining("__builtin__.eval is not allowed")
                .hasMessageContaining("offset 2");
        assertThatThrownBy(() -> load("c_codecs\nencode\n."))
                .isInstanceOf(PickleException.class)
                .hasMessageContaining("global may only be called");
    }

    @Test
    void shouldFailWithOffsetWhenMalformed() {
        assertThatThrownBy(() -> load("K\u0001s.")).hasMessageContaining("underflow");
        assertThatThrownBy(() -> load("h\u0005.")).hasMessageContaining("memo value 5 not found");
        assertThatThrownBy(() -> load("}(K\u0001u.")).hasMessageContaining("odd number");
        assertThatThrownBy(() -> load("}]K\u0001s.")).hasMessageContaining("unhashable");
        assertThatThrownBy(() -> load("\u0080\u0002X\u0002\u0000\u0000\u0000\u00c3(."))
                .isInstanceOf(PickleException.class)
                .hasMessageContaining("offset 2")
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> load("\u0080\u0006N.")).hasMessageContaining("unsupported pickle protocol");
        assertThatThrownBy(() -> load("cdatetime\ndatetime\n.")).hasMessageContaining("not allowed");
        assertThatThrownBy(() -> load("\u00ff.")).hasMessageContaining("opcode 0xff");
        assertThatThrownBy(() -> load("X\u00ff\u00ff\u00ff\u007fab.")).hasMessageContaining("truncated");
        assertThatThrownBy(() -> load("")).hasMessageContaining("truncated");
    }

    @Test
    void shouldFailOnEveryPrefixWhenTruncated() throws PickleException {
        byte[] whole = latin1(ASYNC_PENDING_P0);
        assertThat(PickleReader.load(whole)).isNotNull();
        for (int n = 0; n < whole.length; n++) {
            byte[] prefix = Arrays.copyOf(whole, n);
            assertThatThrownBy(() -> PickleReader.load(prefix))
                    .as("prefix of %d bytes", n)
                    .isInstanceOf(PickleException.class);
        }
    }
}
