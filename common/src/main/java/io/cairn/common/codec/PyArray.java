package io.cairn.common.codec;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An immutable Python {@code array.array} of one of the integer typecodes that fit a Java {@code int}: {@code
 * 'b'} (signed byte), {@code 'B'} (unsigned byte), {@code 'h'} (signed short), {@code 'H'} (unsigned short) and
 * {@code 'i'} (signed 32-bit). Swift's ring builder pickles its partition tables as {@code array('H')} (device ids)
 * and {@code array('B')} (hours since each partition moved); {@link PickleReader} returns such arrays as this
 * type and {@link PickleWriter} writes it as {@code array.array} (reference §1.3).
 *
 * <p>Equality is by typecode and items, as Python's {@code ==} between two arrays of one typecode.
 *
 * <p>Thread-safety: immutable and thread-safe.
 */
public final class PyArray {
    private final char typecode;
    private final int[] items;

    private PyArray(char typecode, int[] owned) {
        this.typecode = typecode;
        this.items = owned;
    }

    /**
     * An array of a copy of {@code items}.
     *
     * @throws IllegalArgumentException for another typecode, or an item outside the typecode's range (Python's
     *     {@code OverflowError})
     */
    public static PyArray of(char typecode, int... items) {
        return wrap(typecode, items.clone());
    }

    /** As {@link #of} without the copy: {@code owned} must not be modified afterwards. */
    static PyArray wrap(char typecode, int[] owned) {
        long min = min(typecode);
        long max = max(typecode);
        for (int i = 0; i < owned.length; i++) {
            if (owned[i] < min || owned[i] > max) {
                throw new IllegalArgumentException(
                        "array('" + typecode + "') item " + i + " is " + owned[i] + ", outside " + min + ".." + max);
            }
        }
        return new PyArray(typecode, owned);
    }

    /** Whether {@code typecode} is one this type holds: b, B, h, H or i. */
    public static boolean supports(char typecode) {
        return switch (typecode) {
            case 'b', 'B', 'h', 'H', 'i' -> true;
            default -> false;
        };
    }

    /** The smallest value an item of {@code typecode} may have. */
    static long min(char typecode) {
        return switch (typecode) {
            case 'b' -> Byte.MIN_VALUE;
            case 'B', 'H' -> 0;
            case 'h' -> Short.MIN_VALUE;
            case 'i' -> Integer.MIN_VALUE;
            default -> throw unsupported(typecode);
        };
    }

    /** The largest value an item of {@code typecode} may have. */
    static long max(char typecode) {
        return switch (typecode) {
            case 'b' -> Byte.MAX_VALUE;
            case 'B' -> 0xFF;
            case 'h' -> Short.MAX_VALUE;
            case 'H' -> 0xFFFF;
            case 'i' -> Integer.MAX_VALUE;
            default -> throw unsupported(typecode);
        };
    }

    private static IllegalArgumentException unsupported(char typecode) {
        return new IllegalArgumentException(
                "array typecode '" + typecode + "' is not supported (only b, B, h, H and i are)");
    }

    public char typecode() {
        return typecode;
    }

    public int size() {
        return items.length;
    }

    public int get(int index) {
        return items[index];
    }

    /** A copy of the items. */
    public int[] toIntArray() {
        return items.clone();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof PyArray a && a.typecode == typecode && Arrays.equals(a.items, items);
    }

    @Override
    public int hashCode() {
        return typecode * 31 + Arrays.hashCode(items);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("array('").append(typecode).append('\'');
        if (items.length > 0) {
            sb.append(", [");
            int shown = Math.min(items.length, 16);
            for (int i = 0; i < shown; i++) {
                sb.append(i == 0 ? "" : ", ").append(items[i]);
            }
            sb.append(items.length > shown ? ", ... (" + items.length + " items)]" : "]");
        }
        return sb.append(')').toString();
    }
}
