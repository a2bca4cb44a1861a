package io.cairn.common.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the input, {@link PickleReader} returns a value or throws {@link PickleException}: never another
 * exception, never a hang. And whatever Java value in the mapping, the writer's bytes load back to it.
 */
class PickleFuzzTest {
    private static final List<byte[]> CORPUS = corpus();

    private static List<byte[]> corpus() {
        Map<Object, Object> meta = new LinkedHashMap<>();
        meta.put(PyBytes.utf8("name"), PyBytes.utf8("/a/c/o\u00e9"));
        meta.put(PyBytes.utf8("Content-Length"), PyBytes.utf8("0"));
        meta.put(PyBytes.utf8("X-Object-Meta-Empty"), PyBytes.utf8(""));
        Map<Object, Object> hashes = new LinkedHashMap<>();
        hashes.put("abc", "d41d8cd98f00b204e9800998ecf8427e");
        hashes.put("def", null);
        hashes.put("valid", true);
        hashes.put("updated", 1.7e9);
        List<byte[]> c = new ArrayList<>();
        c.add(PickleWriter.dumpProtocol2(meta));
        c.add(PickleWriter.dumpProtocol2(hashes));
        c.add(PickleWriter.dumpProtocol2(PyTuple.of("o", "1.00000", 5L, "", "", 0L, 0L, null, null)));
        c.add(PickleWriter.dumpProtocol2(List.of(BigInteger.ONE.shiftLeft(70), -1L, 65536L, List.of())));
        c.add(("(dp0\nVop\np1\nVPUT\np2\nsVheaders\np3\nccopy_reg\n_reconstructor\np4\n"
                        + "(cswift.common.header_key_dict\nHeaderKeyDict\np5\nc__builtin__\ndict\np6\n(dp7\n"
                        + "VX-Size\np8\nV0\\u1234\np9\nstp10\nRp11\nsS'py2\\n'\np12\nL12L\nsF1.5\n(lp13\nI01\naI7\nas.")
                .getBytes(StandardCharsets.ISO_8859_1));
        return c;
    }

    private static void loadExpectingOnlyPickleException(byte[] data) {
        try {
            PickleReader.load(data);
        } catch (PickleException expected) {
            assertThat(expected.offset()).isBetween(0L, (long) data.length);
        }
    }

    @Property(tries = 2000)
    void shouldOnlyReturnOrThrowPickleExceptionWhenBytesAreRandom(@ForAll @Size(max = 64) byte[] tail) {
        loadExpectingOnlyPickleException(tail);
        byte[] withProto = new byte[tail.length + 2];
        withProto[0] = (byte) 0x80;
        withProto[1] = 2;
        System.arraycopy(tail, 0, withProto, 2, tail.length);
        loadExpectingOnlyPickleException(withProto);
    }

    @Property(tries = 3000)
    void shouldOnlyReturnOrThrowPickleExceptionWhenAValidPickleIsMutated(
            @ForAll @IntRange(min = 0, max = 4) int which,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = 100_000) Integer> positions,
            @ForAll @Size(min = 4, max = 4) byte[] replacement,
            @ForAll @IntRange(min = 0, max = 2) int kind) {
        byte[] original = CORPUS.get(which);
        byte[] mutated = original.clone();
        for (int i = 0; i < positions.size(); i++) {
            int at = positions.get(i) % original.length;
            mutated = switch (kind) {
                case 0 -> replace(mutated, at % mutated.length, replacement[i]);
                case 1 -> insert(mutated, at % (mutated.length + 1), replacement[i]);
                default -> mutated.length > 1 ? delete(mutated, at % mutated.length) : mutated;
            };
        }
        loadExpectingOnlyPickleException(mutated);
    }

    private static byte[] replace(byte[] b, int at, byte value) {
        b[at] = value;
        return b;
    }

    private static byte[] insert(byte[] b, int at, byte value) {
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, at);
        out[at] = value;
        System.arraycopy(b, at, out, at + 1, b.length - at);
        return out;
    }

    private static byte[] delete(byte[] b, int at) {
        byte[] out = new byte[b.length - 1];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + 1, out, at, b.length - at - 1);
        return out;
    }

    @Property(tries = 500)
    void shouldLoadWhatWasWrittenWhenValueIsInTheMapping(@ForAll("values") Object value) throws PickleException {
        assertThat(PickleReader.load(PickleWriter.dumpProtocol2(value))).isEqualTo(value);
    }

    @Provide
    Arbitrary<Object> values() {
        return value(3);
    }

    private static Arbitrary<Object> scalar() {
        return Arbitraries.oneOf(
                        Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
                        Arbitraries.longs().map(l -> (Object) l),
                        Arbitraries.bigIntegers()
                                .between(BigInteger.ONE.shiftLeft(300).negate(), BigInteger.ONE.shiftLeft(300))
                                .map(PickleText::narrow),
                        Arbitraries.doubles().map(d -> (Object) d),
                        Arbitraries.of(true, false).map(b -> (Object) b),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(20).map(b -> (Object) PyBytes.of(b)))
                .injectNull(0.05);
    }

    private static Arbitrary<Object> key() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(10).map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(10).map(b -> (Object) PyBytes.of(b)));
    }

    private static Arbitrary<Object> value(int depth) {
        if (depth == 0) {
            return scalar();
        }
        Arbitrary<Object> inner = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<Object> list = inner.list().ofMaxSize(5).map(l -> (Object) new ArrayList<>(l));
        Arbitrary<Object> tuple = inner.list().ofMaxSize(5).map(l -> (Object) PyTuple.of(l.toArray()));
        Arbitrary<Object> dict = Combinators.combine(
                        key().list().ofMaxSize(5), inner.list().ofSize(5))
                .as((keys, vals) -> {
                    Map<Object, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i < keys.size(); i++) {
                        m.put(keys.get(i), vals.get(i));
                    }
                    return (Object) m;
                });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalar()),
                net.jqwik.api.Tuple.of(1, list),
                net.jqwik.api.Tuple.of(1, tuple),
                net.jqwik.api.Tuple.of(1, dict));
    }
}
