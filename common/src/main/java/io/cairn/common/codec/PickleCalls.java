package io.cairn.common.codec;

import java.util.LinkedHashMap;
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
