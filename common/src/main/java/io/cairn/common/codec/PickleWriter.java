package io.cairn.common.codec;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes values as Python 3.11's {@code pickle.dumps(value, protocol=2)} (the C pickler) writes them, byte for
 * byte, for the shapes Swift pickles at protocol 2 (reference §12): object metadata (a dict bytes→bytes, §2.4),
 * {@code hashes.pkl} (§2.6), the REPLICATE response (§6.1), DB {@code .pending} records (§5.1) and ring builder
 * files (§1.3).
 *
 * <h2>Mapping</h2>
 *
 * <ul>
 *   <li>{@link String} → str: BINUNICODE (UTF-8, lone surrogates as {@code surrogatepass} writes them), BINPUT;
 *   <li>{@link PyBytes} → bytes, as Python 3 fakes them for Python 2: GLOBAL {@code _codecs encode}, BINUNICODE
 *       of the latin-1 view, {@code 'latin1'}, TUPLE2, REDUCE; {@code b''} is GLOBAL {@code __builtin__ bytes},
 *       EMPTY_TUPLE, REDUCE;
 *   <li>{@link Long}, {@link Integer}, {@link Short}, {@link Byte}, {@link BigInteger} → int: BININT1, BININT2,
 *       BININT within 32 bits, else LONG1 (LONG4 past 255 bytes);
 *   <li>{@link Double}, {@link Float} → float: BINFLOAT; {@link Boolean} → NEWTRUE/NEWFALSE; null → NONE;
 *   <li>{@link Map} → dict: EMPTY_DICT, BINPUT, then SETITEM for one item or MARK … SETITEMS batches of 1000
 *       (a size that is a multiple of 1000 ends with an empty batch, as CPython's does), in iteration order;
 *   <li>{@link PyTuple} → tuple: EMPTY_TUPLE, TUPLE1..3 or MARK … TUPLE, then BINPUT;
 *   <li>any other {@link List} → list: EMPTY_LIST, BINPUT, then APPEND or MARK … APPENDS batches of 1000;
 *   <li>{@link PyArray} → {@code array.array}, as Python 3 writes one below protocol 3: GLOBAL {@code array array},
 *       then the tuple (typecode, list of the items), REDUCE (how Swift's ring builder pickles its partition
 *       tables).
 * </ul>
 *
 * <h2>Memo</h2>
 *
 * <p>Python memoizes by object identity and refers back with BINGET (LONG_BINPUT/LONG_BINGET past index 255).
 * This writer reproduces CPython's identity for what Swift's data has: the {@code _codecs.encode} and {@code
 * bytes} globals and the interned {@code 'latin1'} are written once; a str of at most one char below U+0100 and
 * a bytes of at most one byte are CPython's cached singletons (as decoding, slicing and {@code chr()} return
 * them), so equal ones are one object. Every other value is treated as a distinct object, as Swift's freshly
 * built strings are (so two equal md5 strings are both written out).
 * Known divergence: where Swift's Python passes the very same long str object twice (e.g. a {@code .pending}
 * record whose timestamps are one object), Python writes a BINGET where this writer repeats the value; both
 * load to equal values; likewise a one-char str that Python took from an interned source literal may be a
 * different object from the cached singleton. A non-empty dict, list, tuple or array that occurs twice (the very
 * same Java object) is written once and referred back to with BINGET, as Python does for one object (Swift's
 * ring builder lists pending removals as the very device dicts of its device list); empty ones are written at
 * each occurrence, since Java shares empty collections that Python would create afresh. A cycle is refused.
 *
 * <p>Thread-safety: stateless and thread-safe; each call uses its own buffer.
 */
public final class PickleWriter {
    /** Deeper nesting is refused (it would only come from a cycle in Swift's shapes). */
    static final int MAX_DEPTH = 1000;

    private PickleWriter() {}

    /**
     * {@code pickle.dumps(value, protocol=2)}.
     *
     * @throws IllegalArgumentException for a type outside the mapping, a cycle, or a String that Python could not
     *     have produced
     */
    public static byte[] dumpProtocol2(@Nullable Object value) {
        Encoder e = new Encoder();
        e.dump(value);
        return Arrays.copyOf(e.buf, e.len);
    }

    /** Writes {@code pickle.dumps(value, protocol=2)} to {@code out} (not flushed, not closed). */
    public static void dumpProtocol2(@Nullable Object value, OutputStream out) throws IOException {
        Encoder e = new Encoder();
        e.dump(value);
        out.write(e.buf, 0, e.len);
    }

    /** One dump: the output buffer and the memo. Not thread-safe; confined to one call. */
    private static final class Encoder {
        private static final int BATCH = 1000;
        private static final byte[] CODECS_ENCODE = "c_codecs\nencode\n".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] BUILTIN_BYTES = "c__builtin__\nbytes\n".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] ARRAY_ARRAY = "carray\narray\n".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] LATIN1 = "X\u0006\u0000\u0000\u0000latin1".getBytes(StandardCharsets.US_ASCII);

        byte[] buf = new byte[256];
        int len;
        private int memoNext;
        private int codecsEncodeMemo = -1;
        private int bytesGlobalMemo = -1;
        private int latin1Memo = -1;
        private int arrayGlobalMemo = -1;
        /** The first container written out, and its memo slot: most pickles hold one, so no map is needed. */
        private @Nullable Object firstWritten;

        private int firstWrittenSlot = -1;
        /** Memo slots of the other containers written out, by identity; created when a second one is written. */
        private @Nullable IdentityHashMap<Object, Integer> written;
        /** Memo slot of the singleton str of one char U+0000..U+00FF, index 256 for ''; -1 if not yet written. */
        private final int[] smallStrMemo = filled(257);
        /** Memo slot of the singleton bytes of one byte, index 256 for b''; -1 if not yet written. */
        private final int[] smallBytesMemo = filled(257);

        private static int[] filled(int n) {
            int[] a = new int[n];
            Arrays.fill(a, -1);
            return a;
        }

        void dump(@Nullable Object value) {
            put(0x80);
            put(2);
            save(value, 0);
            put('.');
        }

        private void save(@Nullable Object v, int depth) {
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("nesting deeper than " + MAX_DEPTH + ": a cycle?");
            }
            if (v == null || !(v instanceof Map || v instanceof List || v instanceof PyArray)) {
                saveScalar(v);
                return;
            }
            int shared = writtenSlot(v);
            if (shared >= 0) {
                get(shared);
                return;
            }
            int slot;
            boolean empty;
            if (v instanceof Map<?, ?> map) {
                slot = saveDict(map, depth);
                empty = map.isEmpty();
            } else if (v instanceof PyTuple t) {
                slot = saveTuple(t, depth);
                empty = t.isEmpty();
            } else if (v instanceof List<?> list) {
                slot = saveList(list, depth);
                empty = list.isEmpty();
            } else {
                PyArray array = (PyArray) v;
                slot = saveArray(array);
                empty = array.size() == 0;
            }
            if (!empty) {
                remember(v, slot);
            }
        }

        /** The memo slot of container {@code v} if it was written out before (by identity), else -1. */
        private int writtenSlot(Object v) {
            if (v == firstWritten) {
                return firstWrittenSlot;
            }
            IdentityHashMap<Object, Integer> map = written;
            Integer slot = map == null ? null : map.get(v);
            return slot == null ? -1 : slot;
        }

        /** Records a container once it is completely written (so a cycle still recurses into the depth check). */
        private void remember(Object v, int slot) {
            if (firstWritten == null) {
                firstWritten = v;
                firstWrittenSlot = slot;
                return;
            }
            IdentityHashMap<Object, Integer> map = written;
            if (map == null) {
                map = new IdentityHashMap<>();
                written = map;
            }
            map.put(v, slot);
        }

        private void saveScalar(@Nullable Object v) {
            if (v == null) {
                put('N');
            } else if (v instanceof String s) {
                saveStr(s);
            } else if (v instanceof PyBytes b) {
                saveBytes(b);
            } else if (v instanceof Boolean b) {
                put(b ? 0x88 : 0x89);
            } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                saveInt(((Number) v).longValue());
            } else if (v instanceof BigInteger big) {
                saveBigInt(big);
            } else if (v instanceof Double || v instanceof Float) {
                saveFloat(((Number) v).doubleValue());
            } else {
                throw new IllegalArgumentException(
                        "cannot pickle a " + v.getClass().getName());
            }
        }

        // ---- scalars ----

        private void saveInt(long v) {
            if (v >= 0 && v < 0x100) {
                put('K');
                put((int) v);
            } else if (v >= 0 && v < 0x10000) {
                put('M');
                put((int) v);
                put((int) (v >> 8));
            } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                put('J');
                putInt32((int) v);
            } else {
                saveBigInt(BigInteger.valueOf(v));
            }
        }

        private void saveBigInt(BigInteger v) {
            if (v.bitLength() < Integer.SIZE) {
                saveInt(v.longValue());
                return;
            }
            byte[] bigEndian = v.toByteArray(); // minimal two's complement, as pickle's encode_long
            int n = bigEndian.length;
            if (n < 0x100) {
                put(0x8a);
                put(n);
            } else {
                put(0x8b);
                putInt32(n);
            }
            ensure(n);
            for (int i = n - 1; i >= 0; i--) {
                buf[len++] = bigEndian[i];
            }
        }

        private void saveFloat(double v) {
            put('G');
            long bits = Double.doubleToRawLongBits(v);
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buf[len++] = (byte) (bits >>> shift);
            }
        }

        private void saveStr(String s) {
            int singleton = s.isEmpty() ? 256 : (s.length() == 1 && s.charAt(0) < 0x100 ? s.charAt(0) : -1);
            if (singleton >= 0 && smallStrMemo[singleton] >= 0) {
                get(smallStrMemo[singleton]);
                return;
            }
            int n = Utf8.encodedLength(s, Utf8.Errors.SURROGATEPASS);
            put('X');
            putInt32(n);
            ensure(n);
            len = Utf8.encodeInto(s, Utf8.Errors.SURROGATEPASS, buf, len);
            int slot = memoize();
            if (singleton >= 0) {
                smallStrMemo[singleton] = slot;
            }
        }

        /** Python 3 writes bytes at protocol &lt; 3 as a call Python 2 can also evaluate (save_bytes). */
        private void saveBytes(PyBytes b) {
            int n = b.length();
            int singleton = n == 0 ? 256 : (n == 1 ? b.byteAt(0) : -1);
            if (singleton >= 0 && smallBytesMemo[singleton] >= 0) {
                get(smallBytesMemo[singleton]);
                return;
            }
            if (n == 0) {
                bytesGlobalMemo = global(BUILTIN_BYTES, bytesGlobalMemo);
                put(')');
            } else {
                codecsEncodeMemo = global(CODECS_ENCODE, codecsEncodeMemo);
                saveStr(b.asLatin1());
                if (latin1Memo >= 0) {
                    get(latin1Memo);
                } else {
                    putBytes(LATIN1);
                    latin1Memo = memoize();
                }
                put(0x86);
                memoize(); // the argument tuple
            }
            put('R');
            int slot = memoize();
            if (singleton >= 0) {
                smallBytesMemo[singleton] = slot;
            }
        }

        private int global(byte[] opcode, int memoSlot) {
            if (memoSlot >= 0) {
                get(memoSlot);
                return memoSlot;
            }
            putBytes(opcode);
            return memoize();
        }

        // ---- containers ----

        private int saveDict(Map<?, ?> map, int depth) {
            put('}');
            int slot = memoize();
            int n = map.size();
            if (n == 0) {
                return slot;
            }
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            if (n == 1) {
                Map.Entry<?, ?> e = it.next();
                save(e.getKey(), depth + 1);
                save(e.getValue(), depth + 1);
                put('s');
                return slot;
            }
            int inBatch;
            do {
                put('(');
                inBatch = 0;
                while (it.hasNext()) {
                    Map.Entry<?, ?> e = it.next();
                    save(e.getKey(), depth + 1);
                    save(e.getValue(), depth + 1);
                    if (++inBatch == BATCH) {
                        break;
                    }
                }
                put('u');
            } while (inBatch == BATCH);
            return slot;
        }

        private int saveList(List<?> list, int depth) {
            put(']');
            int slot = memoize();
            int n = list.size();
            if (n == 0) {
                return slot;
            }
            Iterator<?> it = list.iterator();
            if (n == 1) {
                save(it.next(), depth + 1);
                put('a');
                return slot;
            }
            while (it.hasNext()) {
                put('(');
                for (int inBatch = 0; inBatch < BATCH && it.hasNext(); inBatch++) {
                    save(it.next(), depth + 1);
                }
                put('e');
            }
            return slot;
        }

        /** {@code array.__reduce_ex__(2)}: {@code (array.array, (typecode, items.tolist()))}. */
        private int saveArray(PyArray a) {
            arrayGlobalMemo = global(ARRAY_ARRAY, arrayGlobalMemo);
            saveStr(String.valueOf(a.typecode()));
            put(']');
            memoize();
            int n = a.size();
            if (n == 1) {
                saveInt(a.get(0));
                put('a');
            } else {
                for (int i = 0; i < n; ) {
                    put('(');
                    for (int end = Math.min(n, i + BATCH); i < end; i++) {
                        saveInt(a.get(i));
                    }
                    put('e');
                }
            }
            put(0x86);
            memoize(); // the argument tuple
            put('R');
            return memoize();
        }

        private int saveTuple(PyTuple t, int depth) {
            int n = t.size();
            if (n == 0) {
                put(')');
                return -1;
            }
            if (n > 3) {
                put('(');
            }
            for (int i = 0; i < n; i++) {
                save(t.get(i), depth + 1);
            }
            put(n > 3 ? 't' : 0x85 + n - 1);
            return memoize();
        }

        // ---- memo and output ----

        private int memoize() {
            int slot = memoNext++;
            if (slot < 0x100) {
                put('q');
                put(slot);
            } else {
                put('r');
                putInt32(slot);
            }
            return slot;
        }

        private void get(int slot) {
            if (slot < 0x100) {
                put('h');
                put(slot);
            } else {
                put('j');
                putInt32(slot);
            }
        }

        private void ensure(int extra) {
            if (extra > buf.length - len) {
                long wanted = Math.max((long) buf.length * 2, (long) len + extra);
                if (wanted > Integer.MAX_VALUE - 16) {
                    throw new IllegalArgumentException("pickle larger than 2 GiB");
                }
                buf = Arrays.copyOf(buf, (int) wanted);
            }
        }

        private void put(int b) {
            ensure(1);
            buf[len++] = (byte) b;
        }

        private void putInt32(int v) {
            ensure(4);
            buf[len++] = (byte) v;
            buf[len++] = (byte) (v >> 8);
            buf[len++] = (byte) (v >> 16);
            buf[len++] = (byte) (v >> 24);
        }

        private void putBytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }
    }
}
