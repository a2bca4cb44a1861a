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

    private static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }

    @Test
    void shouldLoadArrayWhenPickledAtProtocol2() throws PickleException {
        // pickle.dumps(array.array('H', [1, 65535]), protocol=2): GLOBAL array.array, ('H', [1, 65535]), REDUCE
        Object v = PickleReader.load(
                hex("80026361727261790a61727261790a710058010000004871015d7102284b014dffff658671035271042e"));
        assertThat(v).isEqualTo(PyArray.of('H', 1, 65535));
    }

    @Test
    void shouldLoadArrayWhenPickledWithArrayReconstructorAtProtocol3Or4() throws PickleException {
        // pickle.dumps(array.array('H', [1, 65535]), protocol=3): _array_reconstructor(array, 'H', 2, b'...')
        assertThat(PickleReader.load(hex("80036361727261790a5f61727261795f7265636f6e7374727563746f720a710028636172"
                        + "7261790a61727261790a710158010000004871024b0243040100ffff71037471045271052e")))
                .isEqualTo(PyArray.of('H', 1, 65535));
        // pickle.dumps(array.array('h', [-2, 300]), protocol=4): STACK_GLOBAL, machine format 4 (int16 LE)
        assertThat(
                        PickleReader.load(
                                hex(
                                        "80049546000000000000008c056172726179948c145f61727261795f7265636f6e737472"
                                                + "7563746f72949394288c056172726179948c0561727261799493948c0168944b044304feff2c0194749452942e")))
                .isEqualTo(PyArray.of('h', -2, 300));
    }

    @Test
    void shouldDecodeEveryIntegerMachineFormatWhenReconstructingArrays() throws PickleException {
        // _array_reconstructor(array.array, 'i', code, items) for codes 0..13: 8/16/32/64 bits, LE/BE, (un)signed
        int[][] cases = {
            {0, 0xff},
            {1, 0xff},
            {2, 0xff, 0x00},
            {3, 0x00, 0xff},
            {4, 0xfe, 0xff},
            {5, 0xff, 0xfe},
            {6, 1, 0, 0, 0},
            {7, 0, 0, 0, 1},
            {8, 0xff, 0xff, 0xff, 0xff},
            {9, 0x80, 0, 0, 0},
            {10, 2, 0, 0, 0, 0, 0, 0, 0},
            {11, 0, 0, 0, 0, 0, 0, 0, 3},
            {12, 0xfc, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
            {13, 0, 0, 0, 0, 0, 0, 0, 5}
        };
        int[] expected = {255, -1, 255, 255, -2, -2, 1, 1, -1, Integer.MIN_VALUE, 2, 3, -4, 5};
        for (int k = 0; k < cases.length; k++) {
            int[] c = cases[k];
            StringBuilder p = new StringBuilder(
                    "\u0080\u0003carray\n_array_reconstructor\n(carray\narray\nX\u0001\u0000\u0000\u0000iK");
            p.append((char) c[0]).append('C').append((char) (c.length - 1));
            for (int i = 1; i < c.length; i++) {
                p.append((char) c[i]);
            }
            p.append("tR.");
            assertThat(load(p.toString())).as("machine format %d", c[0]).isEqualTo(PyArray.of('i', expected[k]));
        }
    }

    @Test
    void shouldRefuseArraysOutsideTheSubsetWhenLoading() {
        // array.array('q', [7]) at protocol 2: 64-bit typecodes are not in the subset
        assertThatThrownBy(() -> PickleReader.load(
                        hex("80026361727261790a61727261790a710058010000007171015d71024b07618671035271042e")))
                .isInstanceOf(PickleException.class)
                .hasMessageContaining("typecode 'q'");
        assertThatThrownBy(() -> load("\u0080\u0002carray\narray\nX\u0001\u0000\u0000\u0000B]M\u0000\u0001a\u0086R."))
                .isInstanceOf(PickleException.class)
                .hasMessageContaining("out of range 0..255");
        assertThatThrownBy(() -> load("\u0080\u0002carray\narray\nX\u0001\u0000\u0000\u0000H]G\u0000\u0000\u0000"
                        + "\u0000\u0000\u0000\u0000\u0000a\u0086R."))
                .hasMessageContaining("not an int");
        assertThatThrownBy(() -> load("\u0080\u0003carray\n_array_reconstructor\n(carray\narray\n"
                        + "X\u0001\u0000\u0000\u0000HK\u0002C\u0003abctR."))
                .hasMessageContaining("not a whole number of 2-byte items");
        assertThatThrownBy(() -> load("\u0080\u0003carray\n_array_reconstructor\n(c__builtin__\ndict\n"
                        + "X\u0001\u0000\u0000\u0000HK\u0002C\u0002abtR."))
                .hasMessageContaining("_array_reconstructor needs");
        assertThatThrownBy(() -> load("\u0080\u0002carray\narray\n.")).hasMessageContaining("may only be called");
    }

    @Test
    void shouldReturnOneObjectWhenThePickleRefersBackToIt() throws PickleException {
        // pickle.dumps((lambda d: [d, d])({'a': 1}), 2): the second element is a BINGET of the first
        Object v = PickleReader.load(hex("80025d7100287d710158010000006171024b01736801652e"));
        assertThat(v).isInstanceOf(List.class);
        List<?> list = (List<?>) java.util.Objects.requireNonNull(v);
        assertThat(list).hasSize(2);
        assertThat(list.get(0)).isSameAs(list.get(1)).isEqualTo(Map.of("a", 1L));
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
