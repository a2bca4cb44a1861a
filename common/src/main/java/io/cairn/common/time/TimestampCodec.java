package io.cairn.common.time;

import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code encode_timestamps} / {@code decode_timestamps} (reference §0.1): {@code t1.short}
 * followed by {@code +x}/{@code -x}, the hex difference in raw 10 µs units of {@code t2 - t1}, then of
 * {@code t3 - t2}. The differences are omitted when all are zero unless {@code explicit}. Only the
 * first timestamp keeps its offset. Used for container rows' {@code created_at} and {@code .meta} file
 * names, e.g. {@code 1400000001.00000-186a0}.
 *
 * <p>Thread-safety: stateless.
 */
public final class TimestampCodec {
    private TimestampCodec() {}

    /**
     * Encodes up to three timestamps.
     *
     * @param second null to encode only {@code first}
     * @param third null to encode at most two; must be null when {@code second} is
     * @param explicit write the differences even when they are zero
     * @throws IllegalArgumentException if {@code third} is given without {@code second} (Swift would
     *     silently drop it)
     */
    public static String encode(
            Timestamp first, @Nullable Timestamp second, @Nullable Timestamp third, boolean explicit) {
        if (second == null) {
            if (third != null) {
                throw new IllegalArgumentException("a third timestamp needs a second one");
            }
            return first.shortForm();
        }
        long delta2 = second.raw() - first.raw();
        long delta3 = third == null ? 0 : third.raw() - second.raw();
        if (!explicit && delta2 == 0 && delta3 == 0) {
            return first.shortForm();
        }
        StringBuilder sb = new StringBuilder(40).append(first.shortForm());
        appendDelta(sb, delta2);
        if (third != null) {
            appendDelta(sb, delta3);
        }
        return sb.toString();
    }

    /** Python's {@code '{:+x}'.format(delta)}. */
    private static void appendDelta(StringBuilder sb, long delta) {
        sb.append(delta < 0 ? '-' : '+').append(Long.toHexString(Math.abs(delta)));
    }

    /**
     * Decodes what {@link #encode} wrote. Missing parts are the previous timestamp, or null when
     * {@code explicit}. A zero difference yields the previous timestamp itself (keeping its offset).
     *
     * @throws IllegalArgumentException if {@code encoded} is malformed, has more than three parts, or a
     *     difference leads out of Swift's time range
     */
    public static DecodedTimestamps decode(String encoded, boolean explicit) {
        int firstSign = nextSign(encoded, 0);
        Timestamp first = Timestamp.parse(encoded.substring(0, firstSign));
        if (firstSign == encoded.length()) {
            return explicit ? new DecodedTimestamps(first, null, null) : new DecodedTimestamps(first, first, first);
        }
        int secondSign = nextSign(encoded, firstSign + 1);
        Timestamp second = apply(first, encoded, firstSign, secondSign);
        if (secondSign == encoded.length()) {
            return new DecodedTimestamps(first, second, explicit ? null : second);
        }
        int thirdEnd = nextSign(encoded, secondSign + 1);
        if (thirdEnd != encoded.length()) {
            throw new IllegalArgumentException("more than three encoded timestamps: \"" + encoded + "\"");
        }
        return new DecodedTimestamps(first, second, apply(second, encoded, secondSign, thirdEnd));
    }

    private static int nextSign(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+' || c == '-') {
                return i;
            }
        }
        return s.length();
    }

    /** The timestamp {@code previous} plus the signed hex difference in {@code s[signAt..end)}. */
    private static Timestamp apply(Timestamp previous, String s, int signAt, int end) {
        if (end - signAt < 2) {
            throw new IllegalArgumentException("bad timestamp difference in \"" + s + "\"");
        }
        long magnitude = 0;
        for (int i = signAt + 1; i < end; i++) {
            int nibble = Character.digit(s.charAt(i), 16);
            if (nibble < 0 || s.charAt(i) > 'f') {
                throw new IllegalArgumentException("bad timestamp difference in \"" + s + "\"");
            }
            if ((magnitude >>> 56) != 0) {
                throw new IllegalArgumentException("timestamp difference too large in \"" + s + "\"");
            }
            magnitude = (magnitude << 4) | nibble;
        }
        if (magnitude == 0) {
            return previous;
        }
        long delta = s.charAt(signAt) == '-' ? -magnitude : magnitude;
        return Timestamp.ofRaw(previous.raw() + delta, 0);
    }
}
