package io.cairn.common.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.testing.Python;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden interop for {@link PickleWriter} and {@link PickleReader} against Debian's Python 3.11, in one Python
 * run: each case is a Java value and the Python expression for the same value. Python pickles its value (the
 * golden bytes Java must reproduce exactly) and loads Java's bytes (which must give the same value back).
 */
class PickleWriterGoldenIT {
    private static final String MD5 = "d41d8cd98f00b204e9800998ecf8427e";

    private record GoldenCase(String name, @Nullable Object value, String python) {}

    /** What Python said about one case: its own pickle bytes, and "OK" if Java's bytes loaded to its value. */
    private static final class PythonVerdict {
        private final byte[] pythonPickle;
        private final String loadsJava;

        PythonVerdict(byte[] pythonPickle, String loadsJava) {
            this.pythonPickle = pythonPickle;
            this.loadsJava = loadsJava;
        }

        byte[] pythonPickle() {
            return pythonPickle.clone();
        }

        String loadsJava() {
            return loadsJava;
        }
    }

    private static final List<GoldenCase> CASES = cases();
    private static final Map<String, PythonVerdict> VERDICTS = new HashMap<>();

    @BeforeAll
    static void runPythonOnce() {
        StringBuilder stdin = new StringBuilder();
        Base64.Encoder b64 = Base64.getEncoder();
        for (GoldenCase c : CASES) {
            stdin.append(c.name())
                    .append('\t')
                    .append(b64.encodeToString(c.python().getBytes(StandardCharsets.UTF_8)))
                    .append('\t')
                    .append(b64.encodeToString(PickleWriter.dumpProtocol2(c.value())))
                    .append('\n');
        }
        byte[] out = Python.run(resource("pickle_cases.py"), stdin.toString().getBytes(StandardCharsets.UTF_8));
        for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split("\t", 3);
            VERDICTS.put(f[0], new PythonVerdict(Base64.getDecoder().decode(f[1]), f[2]));
        }
    }

    private static PythonVerdict verdict(String name) {
        PythonVerdict v = VERDICTS.get(name);
        if (v == null) {
            throw new AssertionError("python gave no verdict for " + name);
        }
        return v;
    }

    static String resource(String name) {
        try (InputStream in = PickleWriterGoldenIT.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldHaveAVerdictForEveryCaseWhenPythonRan() {
        assertThat(VERDICTS.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        CASES.stream().map(GoldenCase::name).toList());
    }

    @TestFactory
    Stream<DynamicTest> shouldWriteExactlyPythonsBytesWhenPicklingEachCase() {
        return CASES.stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    byte[] expected = verdict(c.name()).pythonPickle();
                    assertThat(hex(PickleWriter.dumpProtocol2(c.value())))
                            .as("Java's pickle of %s", c.python())
                            .isEqualTo(hex(expected));
                }));
    }

    @TestFactory
    Stream<DynamicTest> shouldLoadToTheSameValueInPythonWhenJavaPickled() {
        return CASES.stream()
                .map(c -> DynamicTest.dynamicTest(
                        c.name(),
                        () -> assertThat(verdict(c.name()).loadsJava())
                                .as("pickle.loads(Java's bytes) vs %s", c.python())
                                .isEqualTo("OK")));
    }

    @TestFactory
    Stream<DynamicTest> shouldReadPythonsPickleBackToTheJavaValueWhenLoading() {
        return CASES.stream()
                .map(c -> DynamicTest.dynamicTest(
                        c.name(),
                        () -> assertThat(PickleReader.load(verdict(c.name()).pythonPickle()))
                                .isEqualTo(c.value())));
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 3);
        for (byte x : b) {
            sb.append(String.format("%02x ", x & 0xFF));
        }
        return sb.toString();
    }

    private static PyBytes b(String latin1) {
        return PyBytes.latin1(latin1);
    }

    private static List<GoldenCase> cases() {
        List<GoldenCase> c = new ArrayList<>();
        scalarCases(c);
        stringAndBytesCases(c);
        containerCases(c);
        swiftShapeCases(c);
        arrayAndSharingCases(c);
        return c;
    }

    private static void scalarCases(List<GoldenCase> c) {
        c.add(new GoldenCase("none", null, "None"));
        c.add(new GoldenCase("true", true, "True"));
        c.add(new GoldenCase("false", false, "False"));
        long[] ints = {
            0,
            1,
            255,
            256,
            65535,
            65536,
            -1,
            -256,
            Integer.MAX_VALUE,
            Integer.MIN_VALUE,
            1L << 31,
            -(1L << 31) - 1,
            Long.MAX_VALUE,
            Long.MIN_VALUE
        };
        for (long v : ints) {
            c.add(new GoldenCase("int " + v, v, Long.toString(v)));
        }
        BigInteger[] bigs = {
            BigInteger.ONE.shiftLeft(64),
            BigInteger.ONE.shiftLeft(200).negate(),
            BigInteger.ONE.shiftLeft(2100),
            BigInteger.ONE.shiftLeft(2100).negate().add(BigInteger.TEN)
        };
        for (BigInteger v : bigs) {
            c.add(new GoldenCase("bigint " + v.bitLength() + (v.signum() < 0 ? "neg" : ""), v, v.toString()));
        }
        c.add(new GoldenCase("float 0", 0.0, "0.0"));
        c.add(new GoldenCase("float -0", -0.0, "-0.0"));
        c.add(new GoldenCase("float 1.5", 1.5, "1.5"));
        c.add(new GoldenCase("float updated", 1700000000.12345, "1700000000.12345"));
        c.add(new GoldenCase("float 1e300", 1e300, "1e300"));
        c.add(new GoldenCase("float inf", Double.POSITIVE_INFINITY, "float('inf')"));
        c.add(new GoldenCase("float -inf", Double.NEGATIVE_INFINITY, "float('-inf')"));
        c.add(new GoldenCase("float nan", Double.NaN, "float('nan')"));
    }

    private static void stringAndBytesCases(List<GoldenCase> c) {
        c.add(new GoldenCase("str empty", "", "''"));
        c.add(new GoldenCase("str a", "a", "'a'"));
        c.add(new GoldenCase("str e-acute", "\u00e9", "'\\u00e9'"));
        c.add(new GoldenCase("str latin1", "latin1", "'latin1'"));
        c.add(new GoldenCase("str unicode", "o\u00e9\u4e2d\uD83D\uDE00", "'o\\u00e9\\u4e2d\\U0001F600'"));
        c.add(new GoldenCase("str lone surrogate", "x\uDCFFy", "'x\\udcffy'"));
        c.add(new GoldenCase("str controls", "a\n\\\u0000\r", "'a\\n\\\\\\x00\\r'"));
        c.add(new GoldenCase("str 70000", "x".repeat(70000), "'x' * 70000"));
        c.add(new GoldenCase("bytes empty", b(""), "b''"));
        c.add(new GoldenCase("bytes one", b("a"), "b'a'"));
        c.add(new GoldenCase("bytes high", b("\u00ff\u0000\u0080"), "b'\\xff\\x00\\x80'"));
        c.add(new GoldenCase("bytes 300", b("abc".repeat(100)), "b'abc' * 100"));
        List<Object> singletons = new ArrayList<>(List.of("a", b("a"), "a", b("a"), "", b(""), "", b(""), "\u00e9"));
        singletons.add(b("\u00e9"));
        singletons.add(b("\u00e9"));
        // chr() returns CPython's cached one-char str, as decoding and slicing do; (an interned source literal
        // such as 'a' may be another object: the writer models the runtime-made singletons)
        c.add(new GoldenCase(
                "singletons shared",
                singletons,
                "[chr(97), b'a', chr(97), b'a', '', b'', '', b'', chr(233), b'\\xe9', b'\\xe9']"));
        List<Object> longMemo = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            longMemo.add("s" + i);
        }
        longMemo.addAll(List.of("a", "a", b("b"), b("b"), b("cd"), b("")));
        c.add(new GoldenCase(
                "memo past 255", longMemo, "['s%d' % i for i in range(300)] + ['a', 'a', b'b', b'b', b'cd', b'']"));
    }

    private static void containerCases(List<GoldenCase> c) {
        c.add(new GoldenCase("dict empty", new LinkedHashMap<>(), "{}"));
        c.add(new GoldenCase("dict one", Map.of("a", 1L), "{'a': 1}"));
        c.add(new GoldenCase("list empty", new ArrayList<>(), "[]"));
        c.add(new GoldenCase("list one", List.of(1L), "[1]"));
        c.add(new GoldenCase("tuple empty", PyTuple.of(), "()"));
        c.add(new GoldenCase("tuple1", PyTuple.of(1L), "(1,)"));
        c.add(new GoldenCase("tuple2", PyTuple.of("a", null), "('a', None)"));
        c.add(new GoldenCase("tuple3", PyTuple.of(1L, 2L, 3L), "(1, 2, 3)"));
        c.add(new GoldenCase("tuple4", PyTuple.of(1L, 2L, 3L, 4L), "(1, 2, 3, 4)"));
        Map<Object, @Nullable Object> nested = new LinkedHashMap<>();
        nested.put("x", List.of(1L, PyTuple.of(2L, "three"), Map.of("y", true)));
        nested.put(PyTuple.of(1L, "k"), new ArrayList<>(List.of(PyTuple.of())));
        nested.put(7L, 2.5);
        c.add(new GoldenCase("nested", nested, "{'x': [1, (2, 'three'), {'y': True}], (1, 'k'): [()], 7: 2.5}"));
        for (int n : new int[] {2, 999, 1000, 1001, 2000, 2500}) {
            List<Object> list = new ArrayList<>();
            Map<Object, Object> dict = new LinkedHashMap<>();
            for (long i = 0; i < n; i++) {
                list.add(i);
                dict.put(i, i * 3);
            }
            c.add(new GoldenCase("list " + n, list, "list(range(" + n + "))"));
            c.add(new GoldenCase("dict " + n, dict, "{i: i * 3 for i in range(" + n + ")}"));
        }
    }

    private static void swiftShapeCases(List<GoldenCase> c) {
        // object metadata as Swift's _encode_metadata builds it from py3 "WSGI strings" (reference §2.4)
        Map<PyBytes, PyBytes> meta = new LinkedHashMap<>();
        meta.put(PyBytes.utf8("name"), PyBytes.utf8("/a/c/o\u00e9\u4e2d\uD83D\uDE00"));
        meta.put(PyBytes.utf8("X-Timestamp"), PyBytes.utf8("1700000000.12345"));
        meta.put(PyBytes.utf8("Content-Type"), PyBytes.utf8("text/plain"));
        meta.put(PyBytes.utf8("Content-Length"), PyBytes.utf8("0"));
        meta.put(PyBytes.utf8("ETag"), PyBytes.utf8(MD5));
        meta.put(PyBytes.utf8("X-Object-Meta-Zero"), PyBytes.utf8("0"));
        meta.put(PyBytes.utf8("X-Object-Meta-Empty"), PyBytes.utf8(""));
        meta.put(PyBytes.utf8("X-Object-Meta-Empty2"), PyBytes.utf8(""));
        meta.put(PyBytes.utf8("X-Object-Meta-Cafe"), PyBytes.utf8("caf\u00c3\u00a9"));
        meta.put(PyBytes.utf8("X-Object-Meta-Escaped"), PyBytes.utf8("\uDCFF\uDC80"));
        c.add(new GoldenCase(
                "object metadata",
                meta,
                "dict((k.encode('utf8', 'surrogateescape'), v.encode('utf8', 'surrogateescape')) for k, v in ["
                        + "('name', '/a/c/o\\u00e9\\u4e2d\\U0001F600'), ('X-Timestamp', '1700000000.12345'),"
                        + " ('Content-Type', 'text/plain'), ('Content-Length', '0'), ('ETag', '" + MD5 + "'),"
                        + " ('X-Object-Meta-Zero', '0'), ('X-Object-Meta-Empty', ''),"
                        + " ('X-Object-Meta-Empty2', ''), ('X-Object-Meta-Cafe', 'caf\\u00c3\\u00a9'),"
                        + " ('X-Object-Meta-Escaped', '\\udcff\\udc80')])"));
        Map<String, @Nullable Object> hashes = new LinkedHashMap<>();
        hashes.put("abc", MD5);
        hashes.put("def", null);
        hashes.put("fed", MD5);
        hashes.put("valid", true);
        hashes.put("updated", 1700000000.5);
        c.add(new GoldenCase(
                "hashes.pkl",
                hashes,
                "{'abc': F('" + MD5 + "'), 'def': None, 'fed': F('" + MD5 + "'), 'valid': True,"
                        + " 'updated': 1700000000.5}"));
        c.add(new GoldenCase(
                "replicate",
                Map.of("07f", "0123456789abcdef0123456789abcdef"),
                "{'07f': '0123456789abcdef0123456789abcdef'}"));
        c.add(new GoldenCase(
                "container pending",
                PyTuple.of("o\u00e9", "1700000001.00000", 123L, "text/plain", MD5, 0L, 0L, null, null),
                "('o\\u00e9', '1700000001.00000', 123, 'text/plain', '" + MD5 + "', 0, 0, None, None)"));
        c.add(new GoldenCase(
                "container pending delete",
                PyTuple.of("gone", "1700000002.00000", 0L, "", "", 1L, 0L, null, null),
                "('gone', '1700000002.00000', 0, '', '', 1, 0, None, None)"));
        c.add(new GoldenCase(
                "account pending",
                PyTuple.of("c", "1700000001.00000", "0", 10L, 2048L, 0L, 0L),
                "('c', '1700000001.00000', '0', 10, 2048, 0, 0)"));
    }

    private static void arrayAndSharingCases(List<GoldenCase> c) {
        c.add(new GoldenCase(
                "array H", PyArray.of('H', 0, 1, 255, 256, 65535), "array.array('H', [0, 1, 255, 256, 65535])"));
        c.add(new GoldenCase("array B empty", PyArray.of('B'), "array.array('B')"));
        c.add(new GoldenCase("array b one", PyArray.of('b', -128), "array.array('b', [-128])"));
        c.add(new GoldenCase("array h", PyArray.of('h', -32768, -1, 32767), "array.array('h', [-32768, -1, 32767])"));
        c.add(new GoldenCase(
                "array i",
                PyArray.of('i', Integer.MIN_VALUE, 0, Integer.MAX_VALUE),
                "array.array('i', [-2147483648, 0, 2147483647])"));
        for (int n : new int[] {1000, 2500}) {
            int[] items = new int[n];
            for (int i = 0; i < n; i++) {
                items[i] = (i * 7) % 65536;
            }
            c.add(new GoldenCase(
                    "array H " + n,
                    PyArray.of('H', items),
                    "array.array('H', [(i * 7) % 65536 for i in range(" + n + ")])"));
        }
        c.add(new GoldenCase(
                "arrays share the typecode str",
                List.of(PyArray.of('H', 1, 2), PyArray.of('H', 3), PyArray.of('B', 4)),
                "[array.array('H', [1, 2]), array.array('H', [3]), array.array('B', [4])]"));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("a", 1L);
        Map<String, Object> holder = new LinkedHashMap<>();
        holder.put("k", d);
        c.add(new GoldenCase(
                "dict shared", List.of(d, List.of(d), holder), "(lambda d: [d, [d], {'k': d}])({'a': 1})"));
        PyTuple t = PyTuple.of(1L, 2L);
        c.add(new GoldenCase("tuple shared", List.of(t, t), "(lambda t: [t, t])((1, 2))"));
        PyArray a = PyArray.of('H', 5);
        c.add(new GoldenCase("array shared", List.of(a, a), "(lambda a: [a, a])(array.array('H', [5]))"));
        List<Object> empty = new ArrayList<>();
        c.add(new GoldenCase("empty list twice is two lists", List.of(empty, empty), "[[], []]"));
        // the shape of Swift's builder dict: pending removals are the very dicts of the device list
        Map<String, Object> dev = new LinkedHashMap<>();
        dev.put("id", 1L);
        dev.put("ip", "127.0.0.1");
        dev.put("weight", 0.0);
        List<@Nullable Object> devs = new ArrayList<>();
        devs.add(null);
        devs.add(dev);
        Map<String, @Nullable Object> builder = new LinkedHashMap<>();
        builder.put("devs", devs);
        builder.put("_replica2part2dev", List.of(PyArray.of('H', 1, 1)));
        builder.put("_last_part_moves", PyArray.of('B', 0, 255));
        builder.put("_remove_devs", List.of(dev));
        c.add(new GoldenCase(
                "builder shape",
                builder,
                "(lambda d: {'devs': [None, d], '_replica2part2dev': [array.array('H', [1, 1])],"
                        + " '_last_part_moves': array.array('B', [0, 255]), '_remove_devs': [d]})("
                        + "{'id': 1, 'ip': F('127.0.0.1'), 'weight': 0.0})"));
    }
}
