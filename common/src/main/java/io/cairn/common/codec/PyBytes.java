package io.cairn.common.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An immutable Python {@code bytes} value: what Swift's pickles hold for object metadata keys and values
 * (Python 3's {@code bytes}, Python 2's {@code str}). Equality and hash code are by content, so it works as a
 * {@link java.util.Map} key, as {@code bytes} does in a Python dict.
 *
 * <p>{@link #utf8(String)} and {@link #asUtf8()} use Python's {@code surrogateescape} error handler, exactly as
 * Swift's {@code _encode_metadata}/{@code _decode_metadata} do: an undecodable byte {@code b} maps to the lone
 * surrogate {@code U+DC00+b} and back, so any byte string survives a decode/encode round trip.
 *
 * <p>Thread-safety: immutable and thread-safe.
 */
public final class PyBytes implements Comparable<PyBytes> {
    private static final PyBytes EMPTY = new PyBytes(new byte[0]);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final byte[] bytes;
    private int hash;

    private PyBytes(byte[] owned) {
        this.bytes = owned;
    }

    /** A copy of {@code bytes}. */
    public static PyBytes of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new PyBytes(bytes.clone());
    }

    /** A copy of {@code bytes[offset..offset+length)}. */
    public static PyBytes of(byte[] bytes, int offset, int length) {
        return length == 0 ? EMPTY : new PyBytes(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /**
     * Each char of {@code text} as one byte, as Python's {@code text.encode('latin-1')}.
     *
     * @throws IllegalArgumentException if a char is above U+00FF
     */
    public static PyBytes latin1(String text) {
        int n = text.length();
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                throw new IllegalArgumentException(
                        "char U+" + Integer.toHexString(c) + " at index " + i + " is not latin-1");
            }
            out[i] = (byte) c;
        }
        return n == 0 ? EMPTY : new PyBytes(out);
    }

    /**
     * {@code text.encode('utf-8', 'surrogateescape')}: lone surrogates U+DC80..U+DCFF become the single bytes
     * 0x80..0xFF.
     *
     * @throws IllegalArgumentException for any other lone surrogate (Python raises UnicodeEncodeError)
     */
    public static PyBytes utf8(String text) {
        return text.isEmpty() ? EMPTY : new PyBytes(Utf8.encode(text, Utf8.Errors.SURROGATEESCAPE));
    }

    /** A copy of the content. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** The number of bytes. */
    public int length() {
        return bytes.length;
    }

    /** The unsigned byte at {@code index}. */
    public int byteAt(int index) {
        return bytes[index] & 0xFF;
    }

    /** Each byte as one char U+0000..U+00FF, as Python's {@code b.decode('latin-1')}. */
    public String asLatin1() {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /**
     * {@code b.decode('utf-8', 'surrogateescape')}: never fails; invalid bytes become lone surrogates
     * U+DC80..U+DCFF (as Swift's {@code _decode_metadata} yields them).
     */
    public String asUtf8() {
        return Utf8.decodeSurrogateEscape(bytes, 0, bytes.length);
    }

    /** Copies the content into {@code dst} at {@code dstOffset}. */
    public void copyTo(byte[] dst, int dstOffset) {
        System.arraycopy(bytes, 0, dst, dstOffset, bytes.length);
    }

    /** The backing array, never exposed outside the package. */
    byte[] array() {
        return bytes;
    }

    static PyBytes wrap(byte[] owned) {
        return owned.length == 0 ? EMPTY : new PyBytes(owned);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof PyBytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(bytes);
            hash = h;
        }
        return h;
    }

    /** Unsigned lexicographic order, as Python compares {@code bytes}. */
    @Override
    public int compareTo(PyBytes o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    /** Python's {@code repr}, e.g. {@code b'ab\x00'}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(bytes.length + 3).append("b'");
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c == '\\' || c == '\'') {
                sb.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7F) {
                sb.append((char) c);
            } else {
                sb.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return sb.append('\'').toString();
    }
}
