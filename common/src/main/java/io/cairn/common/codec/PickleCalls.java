package io.cairn.common.codec;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What REDUCE may call: the few globals Swift's pickles use, each evaluated without running any Python code.
 * Throws {@link IllegalArgumentException} for arguments Swift never writes; the reader reports it with the
 * offset.
 *
 * <p>Thread-safety: stateless and thread-safe.
 */
final class PickleCalls {
    private PickleCalls() {}

    static Object call(PickleReader.Global callable, @Nullable Object[] args) {
        return switch (callable) {
            case CODECS_ENCODE -> encode(args);
            case BYTES -> emptyBytes(args);
            case DICT -> dict(args);
            case RECONSTRUCTOR -> reconstruct(args);
            case ARRAY -> array(args);
            case ARRAY_RECONSTRUCTOR -> reconstructArray(args);
            case OBJECT, HEADER_KEY_DICT ->
                throw new IllegalArgumentException(
                        "calling " + callable + " is not allowed (only via _reconstructor or NEWOBJ)");
        };
    }

    /** {@code _codecs.encode(text, encoding)}: how Python 3 writes bytes at protocol 2 and below. */
    private static PyBytes encode(@Nullable Object[] args) {
        if (args.length < 1 || args.length > 2 || !(args[0] instanceof String text)) {
            throw new IllegalArgumentException("_codecs.encode needs (str[, encoding])");
        }
        String encoding = "utf-8";
        if (args.length == 2) {
            if (!(args[1] instanceof String e)) {
                throw new IllegalArgumentException("_codecs.encode encoding must be a str");
            }
            encoding = e.toLowerCase(Locale.ROOT).replace('_', '-');
        }
        switch (encoding) {
            case "latin1", "latin-1", "iso-8859-1", "iso8859-1", "l1" -> {
                try {
                    return PyBytes.latin1(text);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("_codecs.encode: " + e.getMessage(), e);
                }
            }
            case "utf-8", "utf8" -> {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    boolean pair = Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1));
                    if (pair) {
                        i++;
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("_codecs.encode: lone surrogate is not UTF-8");
                    }
                }
                return PyBytes.wrap(Utf8.encode(text, Utf8.Errors.SURROGATEPASS));
            }
            default -> throw new IllegalArgumentException("_codecs.encode: encoding " + encoding + " not supported");
        }
    }

    /** {@code bytes()}: protocol 2's way of writing {@code b''}. */
    private static PyBytes emptyBytes(@Nullable Object[] args) {
        if (args.length != 0) {
            throw new IllegalArgumentException("bytes() is only allowed without arguments");
        }
        return PyBytes.wrap(new byte[0]);
    }

    private static Map<@Nullable Object, @Nullable Object> dict(@Nullable Object[] args) {
        if (args.length == 0) {
            return new LinkedHashMap<>();
        }
        if (args.length == 1 && args[0] instanceof Map<?, ?> source) {
            return new LinkedHashMap<>(source);
        }
        throw new IllegalArgumentException("dict() is only allowed with no argument or a dict");
    }

    /**
     * {@code array.array(typecode[, list])}: how protocols 0–2 write an array ({@code array.__reduce_ex__} below
     * protocol 3). The typecode is a str, or a one-byte Python 2 str; the items must be ints in its range.
     */
    private static PyArray array(@Nullable Object[] args) {
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException("array.array needs (typecode[, list])");
        }
        char typecode = typecode(args[0]);
        if (args.length == 1) {
            return PyArray.wrap(typecode, new int[0]);
        }
        if (!(args[1] instanceof List<?> list) || args[1] instanceof PyTuple) {
            throw new IllegalArgumentException("array.array is only allowed with a list of ints");
        }
        int[] items = new int[list.size()];
        for (int i = 0; i < items.length; i++) {
            Object item = list.get(i);
            long v;
            if (item instanceof Long l) {
                v = l;
            } else if (item instanceof Boolean b) {
                v = b ? 1 : 0;
            } else if (item instanceof BigInteger) {
                v = Long.MAX_VALUE; // out of every typecode's range
            } else {
                throw new IllegalArgumentException("array item " + i + " is not an int");
            }
            items[i] = checkedItem(typecode, i, v);
        }
        return PyArray.wrap(typecode, items);
    }

    /**
     * {@code array._array_reconstructor(array.array, typecode, mformat_code, items)}: how protocols 3 and later
     * write an array — the raw items in the machine format named by the code (CPython's {@code
     * machine_format_code}: 0..13 are the 8-, 16-, 32- and 64-bit integers, unsigned and signed, little- and
     * big-endian), converted to the typecode as CPython converts them.
     */
    private static PyArray reconstructArray(@Nullable Object[] args) {
        if (args.length != 4 || args[0] != PickleReader.Global.ARRAY) {
            throw new IllegalArgumentException("_array_reconstructor needs (array.array, typecode, mformat, bytes)");
        }
        char typecode = typecode(args[1]);
        if (!(args[2] instanceof Long code) || code < 0 || code > 13) {
            throw new IllegalArgumentException("_array_reconstructor: machine format " + args[2] + " not supported");
        }
        if (!(args[3] instanceof PyBytes bytes)) {
            throw new IllegalArgumentException("_array_reconstructor: items must be bytes");
        }
        int format = code.intValue();
        int width = format < 2 ? 1 : format < 6 ? 2 : format < 10 ? 4 : 8;
        if (bytes.length() % width != 0) {
            throw new IllegalArgumentException("_array_reconstructor: " + bytes.length()
                    + " bytes are not a whole number of " + width + "-byte items");
        }
        int[] items = new int[bytes.length() / width];
        for (int i = 0; i < items.length; i++) {
            items[i] = checkedItem(typecode, i, machineInt(bytes, i * width, width, format));
        }
        return PyArray.wrap(typecode, items);
    }

    /**
     * The integer of {@code width} bytes at {@code offset} in CPython's machine format {@code format}: even codes
     * from 2 are little-endian, and within each width the first pair is unsigned, the second signed. An unsigned
     * 64-bit value past {@link Long#MAX_VALUE} comes back as {@link Long#MAX_VALUE} (out of every typecode's range).
     */
    private static long machineInt(PyBytes bytes, int offset, int width, int format) {
        boolean signed = format < 2 ? format == 1 : ((format - 2) / 2) % 2 == 1;
        boolean bigEndian = format >= 2 && format % 2 == 1;
        long v = 0;
        for (int k = 0; k < width; k++) {
            v = (v << 8) | bytes.byteAt(offset + (bigEndian ? k : width - 1 - k));
        }
        if (width == 8) {
            return signed || v >= 0 ? v : Long.MAX_VALUE;
        }
        long signBit = 1L << (width * 8 - 1);
        return signed && (v & signBit) != 0 ? v - (signBit << 1) : v;
    }

    private static int checkedItem(char typecode, int index, long v) {
        long min = PyArray.min(typecode);
        long max = PyArray.max(typecode);
        if (v < min || v > max) {
            throw new IllegalArgumentException(
                    "array('" + typecode + "') item " + index + " is out of range " + min + ".." + max);
        }
        return (int) v;
    }

    private static char typecode(@Nullable Object code) {
        char c;
        if (code instanceof String s && s.length() == 1) {
            c = s.charAt(0);
        } else if (code instanceof PyBytes b && b.length() == 1) {
            c = (char) b.byteAt(0);
        } else {
            throw new IllegalArgumentException("array typecode must be a single character");
        }
        if (!PyArray.supports(c)) {
            throw new IllegalArgumentException("array typecode '" + c + "' is not supported (only b, B, h, H and i)");
        }
        return c;
    }

    /**
     * {@code copy_reg._reconstructor(cls, dict, state)}: how protocols 0 and 1 write a dict subclass such as
     * HeaderKeyDict; the result holds state's items as {@code dict.__init__} copies them (keys unchanged).
     */
    private static Map<@Nullable Object, @Nullable Object> reconstruct(@Nullable Object[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException("_reconstructor needs (cls, base, state)");
        }
        boolean dictLike = args[0] == PickleReader.Global.HEADER_KEY_DICT || args[0] == PickleReader.Global.DICT;
        if (!dictLike || args[1] != PickleReader.Global.DICT) {
            throw new IllegalArgumentException("_reconstructor is only allowed for dict and HeaderKeyDict over dict");
        }
        if (args[2] == null) {
            return new LinkedHashMap<>();
        }
        if (args[2] instanceof Map<?, ?> state) {
            return new LinkedHashMap<>(state);
        }
        throw new IllegalArgumentException("_reconstructor state must be None or a dict");
    }
}
