package io.cairn.common.codec;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Loads the subset of Python pickle that Swift 2.30.1 writes, into plain Java values. A small stack machine
 * like CPython's {@code _pickle.Unpickler}, with a restricted set of globals instead of arbitrary imports.
 *
 * <h2>Where Swift pickles (reference §12)</h2>
 *
 * <ul>
 *   <li>object metadata xattrs {@code user.swift.metadata*} (§2.4): protocol 2, a dict bytes→bytes. Written by
 *       Python 3, every bytes value is {@code GLOBAL '_codecs encode'}, {@code BINUNICODE} of its latin-1 view,
 *       {@code 'latin1'}, {@code TUPLE2}, {@code REDUCE}; written by Python 2, {@code SHORT_BINSTRING} /
 *       {@code BINSTRING}.
 *   <li>{@code hashes.pkl} (§2.6) and the REPLICATE response body (§6.1): protocol 2, a dict str→str|None plus
 *       {@code 'valid'}: bool and {@code 'updated'}: float.
 *   <li>DB {@code .pending} entries (§5.1): protocol 2 tuples of str/int/float/None, base64-encoded.
 *   <li>async_pending updates (§8.1): protocol 0, a dict whose {@code headers} is a {@code HeaderKeyDict}
 *       pickled through {@code copy_reg._reconstructor}.
 *   <li>ring builder files {@code *.builder} (§1.3): protocol 2, {@code RingBuilder.to_dict()}, whose partition
 *       tables are {@code array.array} objects pickled as {@code GLOBAL 'array array'}, {@code (typecode, list)},
 *       {@code REDUCE}; and the removed devices are the very dicts of the device list, referred to by BINGET.
 * </ul>
 *
 * <h2>Opcodes accepted</h2>
 *
 * <ul>
 *   <li>framing: PROTO (0..5), FRAME, STOP; stack: MARK, POP, POP_MARK, DUP;
 *   <li>protocol 0 text forms: INT ({@code I01}/{@code I00} are bools), LONG, FLOAT, STRING, UNICODE, PUT,
 *       GET, DICT, LIST, TUPLE;
 *   <li>binary forms: BININT, BININT1, BININT2, LONG1, LONG4, BINFLOAT, NONE, NEWTRUE, NEWFALSE, BINSTRING,
 *       SHORT_BINSTRING, BINUNICODE, SHORT_BINUNICODE, BINUNICODE8, BINBYTES, SHORT_BINBYTES, BINBYTES8,
 *       BINPUT, LONG_BINPUT, MEMOIZE, BINGET, LONG_BINGET;
 *   <li>containers: EMPTY_DICT, SETITEM, SETITEMS, EMPTY_LIST, APPEND, APPENDS, EMPTY_TUPLE, TUPLE1..3;
 *   <li>objects, restricted: GLOBAL, STACK_GLOBAL, REDUCE, NEWOBJ, BUILD (see {@link #load(byte[])}).
 * </ul>
 *
 * <p>Thread-safety: stateless and thread-safe; each call uses its own machine.
 */
public final class PickleReader {
    private static final int MAX_PROTOCOL = 5;
    /** Nested tuples used as dict keys are hashed recursively in Java; deeper ones are refused. */
    static final int MAX_KEY_DEPTH = 100;

    private PickleReader() {}

    /** Same as {@link #load(byte[], int, int)} over all of {@code data}. */
    public static @Nullable Object load(byte[] data) throws PickleException {
        return load(data, 0, data.length);
    }

    /**
     * Loads one pickle from {@code data[offset..offset+length)}; bytes after its STOP are ignored, as
     * {@code pickle.loads} ignores them.
     *
     * <p>Values map as: str → {@link String}; bytes, and Python 2 str (STRING/BINSTRING, read as
     * {@code encoding='bytes'} would) → {@link PyBytes}; int → {@link Long}, or {@link BigInteger} when it does
     * not fit; float → {@link Double}; bool → {@link Boolean}; None → null; dict and {@code HeaderKeyDict} →
     * {@link LinkedHashMap} in pickle order; list → {@link ArrayList}; tuple → {@link PyTuple}; {@code array.array}
     * of typecode b, B, h, H or i → {@link PyArray}. A value the pickle refers to twice (BINGET) is one Java
     * object, as it is one Python object.
     *
     * <p>Globals allowed, as Swift needs them: {@code _codecs.encode} (called with a str and a latin-1 or UTF-8
     * encoding name), {@code copy_reg._reconstructor} / {@code copyreg._reconstructor} (of a dict or
     * HeaderKeyDict over {@code dict}), {@code __builtin__}/{@code builtins} {@code dict}, {@code object},
     * {@code bytes} ({@code bytes()} is how protocol 2 writes {@code b''}),
     * {@code swift.common.header_key_dict.HeaderKeyDict} (through {@code _reconstructor} or NEWOBJ), {@code
     * array.array} (called with a typecode and a list of ints, as protocols 0–2 write arrays) and {@code
     * array._array_reconstructor} (called with {@code array.array}, a typecode, a machine format code for 8-, 16-,
     * 32- or 64-bit integers and the bytes, as protocols 3 and later write them).
     *
     * <p>Differences from CPython, none of which Swift's pickles reach: dict keys are compared with Java
     * equality (Python treats {@code 1}, {@code 1.0} and {@code True} as the same key); text numbers must be plain
     * decimal; a tuple key may nest at most {@value #MAX_KEY_DEPTH} deep; a BUILD state must be None or empty.
     *
     * @throws PickleException if the bytes are truncated, malformed, use another opcode or global, or evaluate
     *     to a global rather than a value
     */
    public static @Nullable Object load(byte[] data, int offset, int length) throws PickleException {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IndexOutOfBoundsException(
                    "offset " + offset + " length " + length + " outside an array of " + data.length);
        }
        return new Machine(data, offset, offset + length).run();
    }

    /** The globals the allow-list admits; they only live on the machine's stack, never in a result. */
    enum Global {
        CODECS_ENCODE,
        RECONSTRUCTOR,
        DICT,
        OBJECT,
        BYTES,
        HEADER_KEY_DICT,
        ARRAY,
        ARRAY_RECONSTRUCTOR;

        static @Nullable Global lookup(String module, String name) {
            return switch (module) {
                case "_codecs" -> name.equals("encode") ? CODECS_ENCODE : null;
                case "copy_reg", "copyreg" -> name.equals("_reconstructor") ? RECONSTRUCTOR : null;
                case "__builtin__", "builtins" -> builtin(name);
                case "swift.common.header_key_dict" -> name.equals("HeaderKeyDict") ? HEADER_KEY_DICT : null;
                case "array" -> array(name);
                default -> null;
            };
        }

        private static @Nullable Global array(String name) {
            return switch (name) {
                case "array" -> ARRAY;
                case "_array_reconstructor" -> ARRAY_RECONSTRUCTOR;
                default -> null;
            };
        }

        private static @Nullable Global builtin(String name) {
            return switch (name) {
                case "dict" -> DICT;
                case "object" -> OBJECT;
                case "bytes" -> BYTES;
                default -> null;
            };
        }
    }

    /** A tuple that holds a global (e.g. {@code _reconstructor}'s arguments): usable as REDUCE arguments only. */
    static final class GlobalArgs {
        final @Nullable Object[] items;

        GlobalArgs(@Nullable Object[] items) {
            this.items = items;
        }
    }

    /** One load: the stack, the mark stack and the memo. Not thread-safe; confined to one call. */
    private static final class Machine {
        private static final Object NO_VALUE = new Object();
        private static final int SMALL_MEMO = 1024;

        private final byte[] d;
        private final int start;
        private final int end;
        private int pos;
        private int opStart;

        private @Nullable Object[] stack = new Object[16];
        private int size;
        private int[] marks = new int[8];
        private int markCount;

        // grown on demand up to SMALL_MEMO: most pickles Cairn reads (pending rows, metadata) memoize a handful
        // of values, and filling a 1,024-slot array per decode showed in the container servers' profile
        private @Nullable Object[] smallMemo = new Object[16];
        private @Nullable HashMap<Long, @Nullable Object> bigMemo;
        private int memoCount;

        Machine(byte[] d, int start, int end) {
            this.d = d;
            this.start = start;
            this.end = end;
            this.pos = start;
            Arrays.fill(smallMemo, NO_VALUE);
        }

        @Nullable
        Object run() throws PickleException {
            while (true) {
                opStart = pos;
                int op = u8();
                if (op == '.') {
                    Object result = pop();
                    checkEscapes(result);
                    return result;
                }
                step(op);
            }
        }

        private void step(int op) throws PickleException {
            switch (op) {
                case 0x80 -> proto();
                case 0x95 -> frame();
                case '(' -> mark();
                case '0' -> popOrMark();
                case '1' -> popMark();
                case '2' -> push(peek());
                case 'N' -> push(null);
                case 0x88 -> push(true);
                case 0x89 -> push(false);
                case 'I' -> push(textInt());
                case 'L' -> push(textLong());
                case 'F' -> push(textFloat());
                case 'J' -> push((long) i32());
                case 'K' -> push((long) u8());
                case 'M' -> push((long) (u8() | (u8() << 8)));
                case 0x8a -> push(binLong(u8()));
                case 0x8b -> push(binLong(length(i32())));
                case 'G' -> push(Double.longBitsToDouble(i64BigEndian()));
                case 'S' -> push(textString());
                case 'V' -> push(textUnicode());
                case 'T' -> push(bytes(length(i32())));
                case 'U', 'C' -> push(bytes(u8()));
                case 'B' -> push(bytes(length(u32())));
                case 0x8e -> push(bytes(length(i64LittleEndian())));
                case 'X' -> push(utf8(length(u32())));
                case 0x8c -> push(utf8(u8()));
                case 0x8d -> push(utf8(length(i64LittleEndian())));
                case '}' -> push(new LinkedHashMap<@Nullable Object, @Nullable Object>());
                case 'd' -> push(dictFromMark());
                case 's' -> setItems(size - 2);
                case 'u' -> setItems(popMarkPosition());
                case ']' -> push(new ArrayList<@Nullable Object>());
                case 'l' -> push(listFromMark());
                case 'a' -> appends(size - 1);
                case 'e' -> appends(popMarkPosition());
                case ')' -> push(PyTuple.wrap(new Object[0]));
                case 't' -> push(tuple(popMarkPosition()));
                case 0x85 -> push(tuple(size - 1));
                case 0x86 -> push(tuple(size - 2));
                case 0x87 -> push(tuple(size - 3));
                case 'p' -> memoPut(textIndex());
                case 'q' -> memoPut(u8());
                case 'r' -> memoPut(u32());
                case 0x94 -> memoPut(memoCount);
                case 'g' -> push(memoGet(textIndex()));
                case 'h' -> push(memoGet(u8()));
                case 'j' -> push(memoGet(u32()));
                case 'c' -> push(global(line(), line()));
                case 0x93 -> stackGlobal();
                case 'R' -> reduce();
                case 0x81 -> newObj();
                case 'b' -> build();
                default -> throw fail("opcode 0x" + Integer.toHexString(op) + " is not in the subset Swift uses");
            }
        }

        // ---- input ----

        private PickleException fail(String message) {
            return new PickleException(message, opStart - start);
        }

        private PickleException truncated() {
            return fail("pickle data was truncated");
        }

        private int u8() throws PickleException {
            if (pos >= end) {
                throw truncated();
            }
            return d[pos++] & 0xFF;
        }

        private int i32() throws PickleException {
            need(4);
            int v = (d[pos] & 0xFF) | (d[pos + 1] & 0xFF) << 8 | (d[pos + 2] & 0xFF) << 16 | d[pos + 3] << 24;
            pos += 4;
            return v;
        }

        private long u32() throws PickleException {
            return i32() & 0xFFFF_FFFFL;
        }

        private long i64LittleEndian() throws PickleException {
            need(8);
            long v = 0;
            for (int k = 7; k >= 0; k--) {
                v = (v << 8) | (d[pos + k] & 0xFF);
            }
            pos += 8;
            return v;
        }

        private long i64BigEndian() throws PickleException {
            need(8);
            long v = 0;
            for (int k = 0; k < 8; k++) {
                v = (v << 8) | (d[pos + k] & 0xFF);
            }
            pos += 8;
            return v;
        }

        private void need(long n) throws PickleException {
            if (n > end - pos) {
                throw truncated();
            }
        }

        /** A length read from the stream, checked against what is left so nothing huge is allocated. */
        private int length(long n) throws PickleException {
            if (n < 0) {
                throw fail("negative byte count " + n);
            }
            need(n);
            return (int) n;
        }

        /** The bytes up to the next newline (exclusive); the position moves past it. */
        private int lineEnd() throws PickleException {
            for (int i = pos; i < end; i++) {
                if (d[i] == '\n') {
                    return i;
                }
            }
            throw truncated();
        }

        private String line() throws PickleException {
            int nl = lineEnd();
            String s = new String(d, pos, nl - pos, StandardCharsets.ISO_8859_1);
            pos = nl + 1;
            return s;
        }

        // ---- stack ----

        private void push(@Nullable Object v) {
            if (size == stack.length) {
                stack = Arrays.copyOf(stack, size * 2);
            }
            stack[size++] = v;
        }

        private int fence() {
            return markCount == 0 ? 0 : marks[markCount - 1];
        }

        private @Nullable Object pop() throws PickleException {
            if (size <= fence()) {
                throw fail("unpickling stack underflow");
            }
            Object v = stack[--size];
            stack[size] = null;
            return v;
        }

        private @Nullable Object peek() throws PickleException {
            if (size <= fence()) {
                throw fail("unpickling stack underflow");
            }
            return stack[size - 1];
        }

        private void mark() {
            if (markCount == marks.length) {
                marks = Arrays.copyOf(marks, markCount * 2);
            }
            marks[markCount++] = size;
        }

        private int popMarkPosition() throws PickleException {
            if (markCount == 0) {
                throw fail("could not find MARK");
            }
            return marks[--markCount];
        }

        private void truncateTo(int newSize) {
            Arrays.fill(stack, newSize, size, null);
            size = newSize;
        }

        private void popOrMark() throws PickleException {
            if (markCount > 0 && marks[markCount - 1] == size) {
                markCount--;
            } else {
                pop();
            }
        }

        private void popMark() throws PickleException {
            truncateTo(popMarkPosition());
        }

        /** Checks that {@code from} (a mark or a fixed count below the top) is inside the current fence. */
        private int checkFrom(int from) throws PickleException {
            if (from < fence() || from < 0) {
                throw fail("unpickling stack underflow");
            }
            return from;
        }

        // ---- scalars ----

        private Object textInt() throws PickleException {
            String text = line();
            if (text.equals("01") || text.equals("00")) {
                return text.equals("01"); // protocol 0's True and False
            }
            Object v = PickleText.parseInt(text);
            if (v == null) {
                throw fail("invalid INT literal");
            }
            return v;
        }

        private Object textLong() throws PickleException {
            String text = line();
            Object v = PickleText.parseInt(text.endsWith("L") ? text.substring(0, text.length() - 1) : text);
            if (v == null) {
                throw fail("invalid LONG literal");
            }
            return v;
        }

        private Object textFloat() throws PickleException {
            Double v = PickleText.parseFloat(line());
            if (v == null) {
                throw fail("invalid FLOAT literal");
            }
            return v;
        }

        private long textIndex() throws PickleException {
            Object v = PickleText.parseInt(line());
            if (!(v instanceof Long index) || index < 0) {
                throw fail("invalid memo index");
            }
            return index;
        }

        /** LONG1/LONG4: little-endian two's complement of {@code n} bytes. */
        private Object binLong(int n) throws PickleException {
            need(n);
            if (n == 0) {
                return 0L;
            }
            byte[] bigEndian = new byte[n];
            for (int k = 0; k < n; k++) {
                bigEndian[n - 1 - k] = d[pos + k];
            }
            pos += n;
            return PickleText.narrow(new BigInteger(bigEndian));
        }

        private PyBytes bytes(int n) throws PickleException {
            need(n);
            PyBytes b = PyBytes.of(d, pos, n);
            pos += n;
            return b;
        }

        private String utf8(int n) throws PickleException {
            need(n);
            try {
                String s = Utf8.decodeStrict(d, pos, n);
                pos += n;
                return s;
            } catch (Utf8.MalformedException e) {
                throw fail("invalid UTF-8 in a str at byte " + e.index());
            }
        }

        private PyBytes textString() throws PickleException {
            int nl = lineEnd();
            PyBytes b = PickleText.decodeQuotedString(d, pos, nl);
            if (b == null) {
                throw fail("the STRING opcode argument must be a quoted string with valid escapes");
            }
            pos = nl + 1;
            return b;
        }

        private String textUnicode() throws PickleException {
            int nl = lineEnd();
            String s = PickleText.decodeRawUnicodeEscape(d, pos, nl);
            if (s == null) {
                throw fail("truncated or out-of-range \\u escape in UNICODE");
            }
            pos = nl + 1;
            return s;
        }

        // ---- memo ----

        private void memoPut(long index) throws PickleException {
            Object v = peek();
            if (index < SMALL_MEMO) {
                if (index >= smallMemo.length) {
                    int oldLength = smallMemo.length;
                    smallMemo =
                            Arrays.copyOf(smallMemo, Math.min(SMALL_MEMO, Math.max(oldLength * 2, (int) index + 1)));
                    Arrays.fill(smallMemo, oldLength, smallMemo.length, NO_VALUE);
                }
                if (smallMemo[(int) index] == NO_VALUE) {
                    memoCount++;
                }
                smallMemo[(int) index] = v;
                return;
            }
            HashMap<Long, @Nullable Object> big = bigMemo;
            if (big == null) {
                big = new HashMap<>();
                bigMemo = big;
            }
            boolean added = !big.containsKey(index);
            big.put(index, v);
            if (added) {
                memoCount++;
            }
        }

        private @Nullable Object memoGet(long index) throws PickleException {
            if (index < smallMemo.length) {
                Object v = smallMemo[(int) index];
                if (v != NO_VALUE) {
                    return v;
                }
            } else if (index >= SMALL_MEMO && bigMemo != null && bigMemo.containsKey(index)) {
                return bigMemo.get(index);
            }
            throw fail("memo value " + index + " not found");
        }

        // ---- containers ----

        private void checkEscapes(@Nullable Object v) throws PickleException {
            if (v instanceof Global || v instanceof GlobalArgs) {
                throw fail("a global may only be called, not used as a value");
            }
        }

        private void checkKey(@Nullable Object key) throws PickleException {
            checkEscapes(key);
            if (key instanceof Map || (key instanceof List && !(key instanceof PyTuple))) {
                throw fail("unhashable dict key of type " + key.getClass().getSimpleName());
            }
            if (key instanceof PyTuple t && !t.isHashableKey(MAX_KEY_DEPTH)) {
                throw fail("dict key is a tuple holding a list or dict, or nested too deep");
            }
        }

        @SuppressWarnings("unchecked")
        private void setItems(int from) throws PickleException {
            checkFrom(from);
            if ((size - from) % 2 != 0) {
                throw fail("odd number of items for SETITEMS");
            }
            if (from == 0 || !(stack[from - 1] instanceof LinkedHashMap)) {
                throw fail("SETITEM(S) target is not a dict");
            }
            Map<@Nullable Object, @Nullable Object> dict = (Map<@Nullable Object, @Nullable Object>) stack[from - 1];
            for (int i = from; i < size; i += 2) {
                checkKey(stack[i]);
                checkEscapes(stack[i + 1]);
                dict.put(stack[i], stack[i + 1]);
            }
            truncateTo(from);
        }

        private Map<@Nullable Object, @Nullable Object> dictFromMark() throws PickleException {
            int from = popMarkPosition();
            LinkedHashMap<@Nullable Object, @Nullable Object> dict = new LinkedHashMap<>();
            if ((size - from) % 2 != 0) {
                throw fail("odd number of items for DICT");
            }
            for (int i = from; i < size; i += 2) {
                checkKey(stack[i]);
                checkEscapes(stack[i + 1]);
                dict.put(stack[i], stack[i + 1]);
            }
            truncateTo(from);
            return dict;
        }

        @SuppressWarnings("unchecked")
        private void appends(int from) throws PickleException {
            checkFrom(from);
            if (from == 0 || !(stack[from - 1] instanceof ArrayList)) {
                throw fail("APPEND(S) target is not a list");
            }
            ArrayList<@Nullable Object> list = (ArrayList<@Nullable Object>) stack[from - 1];
            for (int i = from; i < size; i++) {
                checkEscapes(stack[i]);
                list.add(stack[i]);
            }
            truncateTo(from);
        }

        private List<@Nullable Object> listFromMark() throws PickleException {
            int from = popMarkPosition();
            ArrayList<@Nullable Object> list = new ArrayList<>(size - from);
            for (int i = from; i < size; i++) {
                checkEscapes(stack[i]);
                list.add(stack[i]);
            }
            truncateTo(from);
            return list;
        }

        private Object tuple(int from) throws PickleException {
            checkFrom(from);
            Object[] items = Arrays.copyOfRange(stack, from, size);
            truncateTo(from);
            for (Object item : items) {
                if (item instanceof Global || item instanceof GlobalArgs) {
                    return new GlobalArgs(items);
                }
            }
            return PyTuple.wrap(items);
        }

        // ---- globals and calls ----

        private Global global(String module, String name) throws PickleException {
            Global g = Global.lookup(module, name);
            if (g == null) {
                throw fail("global " + module + "." + name + " is not allowed");
            }
            return g;
        }

        private void stackGlobal() throws PickleException {
            Object name = pop();
            Object module = pop();
            if (!(module instanceof String m) || !(name instanceof String n)) {
                throw fail("STACK_GLOBAL requires str module and name");
            }
            push(global(m, n));
        }

        private @Nullable Object[] args(@Nullable Object v) throws PickleException {
            if (v instanceof GlobalArgs g) {
                return g.items;
            }
            if (v instanceof PyTuple t) {
                return t.toArray();
            }
            throw fail("call arguments must be a tuple");
        }

        private void reduce() throws PickleException {
            Object[] args = args(pop());
            Object callable = pop();
            if (!(callable instanceof Global g)) {
                throw fail("REDUCE of something that is not an allowed global");
            }
            try {
                push(PickleCalls.call(g, args));
            } catch (IllegalArgumentException e) {
                throw fail(String.valueOf(e.getMessage()));
            }
        }

        private void newObj() throws PickleException {
            Object[] args = args(pop());
            Object cls = pop();
            if ((cls != Global.HEADER_KEY_DICT && cls != Global.DICT) || args.length != 0) {
                throw fail("NEWOBJ is only allowed for dict and HeaderKeyDict without arguments");
            }
            push(new LinkedHashMap<@Nullable Object, @Nullable Object>());
        }

        private void build() throws PickleException {
            Object state = pop();
            Object target = peek();
            boolean emptyState = state == null || (state instanceof Map<?, ?> m && m.isEmpty());
            if (!emptyState || !(target instanceof LinkedHashMap)) {
                throw fail("BUILD is only allowed with an empty state on a dict");
            }
        }

        private void proto() throws PickleException {
            int version = u8();
            if (version > MAX_PROTOCOL) {
                throw fail("unsupported pickle protocol: " + version);
            }
        }

        private void frame() throws PickleException {
            long frameLength = i64LittleEndian();
            if (frameLength < 0 || frameLength > end - pos) {
                throw truncated();
            }
        }
    }
}
