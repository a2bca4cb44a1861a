package io.cairn.common.time;

import io.cairn.common.http.HttpDates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code Timestamp} (2.30.1 {@code swift/common/utils.py}, reference §0.1): a time in units of
 * 10 µs ({@link #raw()}) plus an unsigned 64-bit <em>offset</em> that orders internal updates made at
 * the same time.
 *
 * <p>String forms, all fixed by Swift: {@link #normal()} {@code "%016.05f"} ({@code
 * 1402464677.04188}), {@link #internal()} normal plus {@code _%016x} of the offset when it is not zero,
 * {@link #shortForm()} normal plus {@code _%x}. Ordering and equality follow Swift's, which compare the
 * internal strings: time first, then offset (unsigned). Valid times are {@code 0 <= t < 10^10} seconds,
 * so {@code 0 <= raw < 10^15} and the normal form is always 16 characters.
 *
 * <p>Parsing: {@link #parse} yields the timestamp whose normal form Python's {@code Timestamp(s).normal}
 * prints. For inputs with more than five decimals Python's {@code Timestamp(s).raw} can be one unit
 * away from the digits it prints (it rounds {@code float(s) / 1e-5} instead of formatting); Cairn's
 * {@link #raw()} always equals the printed digits, that is {@code Timestamp(Timestamp(s).internal).raw}.
 * Deliberately stricter than Python: no whitespace, no {@code -0}, no non-ASCII digits, offsets only as
 * plain hex digits (Python's {@code int(x, 16)} would take {@code 0x}, signs and spaces), and a time
 * that rounds up to {@code 10^10} is rejected (Python would print 11 integer digits and break the
 * fixed width).
 *
 * <p>Thread-safety: immutable.
 */
public final class Timestamp implements Comparable<Timestamp> {
    /** Raw units per second (Swift's {@code PRECISION = 1e-5}). */
    public static final long UNITS_PER_SECOND = 100_000L;
    /** Exclusive upper bound of {@link #raw()}: {@code 10^10} seconds. */
    public static final long MAX_RAW_EXCLUSIVE = 10_000_000_000L * UNITS_PER_SECOND;
    /** Length of {@link #normal()}. */
    public static final int NORMAL_LENGTH = 16;
    /** Length of {@link #internal()} when the offset is not zero. */
    public static final int INTERNAL_WITH_OFFSET_LENGTH = NORMAL_LENGTH + 17;

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_FAST_FRACTION_DIGITS = 5;

    private final long raw;
    private final long offset;

    private Timestamp(long raw, long offset) {
        this.raw = raw;
        this.offset = offset;
    }

    /**
     * A timestamp from raw 10 µs units and an offset.
     *
     * @param offset unsigned 64-bit (Swift allows up to {@code 16**16 - 1}); a negative long stands for
     *     an offset of {@code 2^63} or more
     * @throws IllegalArgumentException if {@code raw} is outside {@code [0, 10^15)}
     */
    public static Timestamp ofRaw(long raw, long offset) {
        if (raw < 0) {
            throw new IllegalArgumentException("timestamp cannot be negative: raw " + raw);
        }
        if (raw >= MAX_RAW_EXCLUSIVE) {
            throw new IllegalArgumentException("timestamp too large: raw " + raw + " (must be < 10^15)");
        }
        return new Timestamp(raw, offset);
    }

    /** The timestamp of a Unix time in milliseconds, offset 0. */
    public static Timestamp ofEpochMillis(long epochMillis) {
        if (epochMillis < 0 || epochMillis >= MAX_RAW_EXCLUSIVE / 100) {
            throw new IllegalArgumentException("epoch millis out of Swift's range [0, 10^13): " + epochMillis);
        }
        return new Timestamp(epochMillis * 100, 0);
    }

    /** The clock's current time rounded half-up to 10 µs, offset 0 (Swift's {@code Timestamp.now()}). */
    public static Timestamp now(Clock clock) {
        Instant now = clock.instant();
        long units = now.getEpochSecond() * UNITS_PER_SECOND + (now.getNano() + 5_000) / 10_000;
        return ofRaw(units, 0);
    }

    /**
     * Parses a normal form ({@code 1402464677.04188}), an internal form ({@code
     * 1402464677.04188_000000000000000a}) or any decimal float string Python accepts (rounded to 5 dp
     * as Python's {@code %.5f} rounds {@code float(s)}).
     *
     * @throws IllegalArgumentException naming the input if it is not a valid Swift timestamp
     */
    // hot path: no allocation for normal and internal forms beyond the result
    public static Timestamp parse(String text) {
        int underscore = text.indexOf('_');
        int baseEnd = underscore < 0 ? text.length() : underscore;
        long offset = underscore < 0 ? 0 : parseOffset(text, underscore + 1);
        long raw = parseFast(text, baseEnd);
        if (raw < 0) {
            raw = parseSlow(text, baseEnd);
        }
        return new Timestamp(raw, offset);
    }

    /** Digits {@code 0-9}, optional dot, at most five decimals; -1 if the slow path must decide. */
    private static long parseFast(String text, int end) {
        long seconds = 0;
        int i = 0;
        int digits = 0;
        while (i < end && isDigit(text.charAt(i))) {
            seconds = seconds * 10 + (text.charAt(i) - '0');
            if (seconds >= MAX_RAW_EXCLUSIVE / UNITS_PER_SECOND) {
                throw tooLarge(text);
            }
            i++;
            digits++;
        }
        long fraction = 0;
        int fractionDigits = 0;
        if (i < end && text.charAt(i) == '.') {
            i++;
            while (i < end && isDigit(text.charAt(i)) && fractionDigits < MAX_FAST_FRACTION_DIGITS) {
                fraction = fraction * 10 + (text.charAt(i) - '0');
                i++;
                fractionDigits++;
            }
        }
        if (i != end || digits + fractionDigits == 0) {
            return -1;
        }
        for (int k = fractionDigits; k < MAX_FAST_FRACTION_DIGITS; k++) {
            fraction *= 10;
        }
        return seconds * UNITS_PER_SECOND + fraction;
    }

    /** Python's {@code float(base)} then {@code "%.5f"}: exact decimal rounding of the nearest double. */
    private static long parseSlow(String text, int end) {
        String base = text.substring(0, end);
        if (base.startsWith("-")) {
            throw new IllegalArgumentException("timestamp cannot be negative: \"" + text + "\"");
        }
        double value;
        try {
            value = PythonFloat.parse(base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a Swift timestamp: \"" + text + "\"", e);
        }
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("not a Swift timestamp: \"" + text + "\"");
        }
        if (value >= 1e10) {
            throw tooLarge(text);
        }
        long raw = new BigDecimal(value)
                .setScale(5, RoundingMode.HALF_EVEN)
                .unscaledValue()
                .longValueExact();
        if (raw >= MAX_RAW_EXCLUSIVE) {
            throw tooLarge(text);
        }
        return raw;
    }

    private static long parseOffset(String text, int start) {
        int n = text.length();
        long offset = 0;
        for (int i = start; i < n; i++) {
            int nibble = Character.digit(text.charAt(i), 16);
            if (nibble < 0 || text.charAt(i) > 'f') {
                throw new IllegalArgumentException(
                        "invalid offset in timestamp \"" + text + "\": only hex digits may follow '_'");
            }
            if ((offset >>> 60) != 0) {
                throw new IllegalArgumentException(
                        "offset in timestamp \"" + text + "\" must be smaller than " + Long.toUnsignedString(-1L));
            }
            offset = (offset << 4) | nibble;
        }
        return offset;
    }

    private static IllegalArgumentException tooLarge(String text) {
        return new IllegalArgumentException("timestamp too large: \"" + text + "\" (must be < 10000000000)");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Time in units of 10 µs since the Unix epoch. */
    public long raw() {
        return raw;
    }

    /** The offset, an unsigned 64-bit value (0 for ordinary client timestamps). */
    public long offset() {
        return offset;
    }

    /** The same time with {@code newOffset} (unsigned). */
    public Timestamp withOffset(long newOffset) {
        return newOffset == offset ? this : new Timestamp(raw, newOffset);
    }

    /** {@code "%016.05f"}: the form clients see in {@code X-Timestamp}. */
    public String normal() {
        byte[] out = new byte[NORMAL_LENGTH];
        writeNormal(out, 0);
        return new String(out, StandardCharsets.US_ASCII);
    }

    /** Normal form, plus {@code _} and 16 lowercase hex digits of the offset when it is not zero. */
    public String internal() {
        byte[] out = new byte[offset == 0 ? NORMAL_LENGTH : INTERNAL_WITH_OFFSET_LENGTH];
        writeInternal(out, 0);
        return new String(out, StandardCharsets.US_ASCII);
    }

    /**
     * Writes {@link #internal()} as ASCII into {@code out} at {@code at}.
     *
     * @return the number of bytes written (16 or 33)
     */
    // hot path: no allocation
    public int writeInternal(byte[] out, int at) {
        writeNormal(out, at);
        if (offset == 0) {
            return NORMAL_LENGTH;
        }
        out[at + NORMAL_LENGTH] = '_';
        for (int i = 0; i < 16; i++) {
            out[at + INTERNAL_WITH_OFFSET_LENGTH - 1 - i] = HEX[(int) (offset >>> (4 * i)) & 0xF];
        }
        return INTERNAL_WITH_OFFSET_LENGTH;
    }

    /** Writes the 16 ASCII bytes of {@link #normal()} into {@code out} at {@code at}. */
    // hot path: no allocation
    public void writeNormal(byte[] out, int at) {
        long v = raw;
        for (int i = NORMAL_LENGTH - 1; i >= 0; i--) {
            if (i == 10) {
                out[at + i] = '.';
                continue;
            }
            out[at + i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
    }

    /** Normal form, plus {@code _%x} of the offset when it is not zero (used by encoded timestamps). */
    public String shortForm() {
        return offset == 0 ? normal() : normal() + '_' + Long.toHexString(offset);
    }

    /**
     * {@code YYYY-MM-DDTHH:MM:SS.ffffff} in UTC without a zone, as listings show {@code last_modified}
     * (Swift's {@code Timestamp.isoformat}, including its float rounding: near year 2286 the microseconds
     * can be a unit or two off the exact digits, as in Swift).
     */
    public String isoformat() {
        // Swift goes through a float: modf(float(normal)), then round(frac * 1e6). Far from the epoch the
        // float's spacing (~2 µs near 10^10) makes the microseconds differ from the exact digits, and
        // listings must match Swift's text, so do the same arithmetic (division and product round alike).
        double value = (double) raw / UNITS_PER_SECOND;
        double whole = Math.floor(value);
        long micros = (long) Math.rint((value - whole) * 1e6);
        long seconds = (long) whole;
        if (micros >= 1_000_000) {
            seconds++;
            micros -= 1_000_000;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(26);
        pad(sb, t.getYear(), 4).append('-');
        pad(sb, t.getMonthValue(), 2).append('-');
        pad(sb, t.getDayOfMonth(), 2).append('T');
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2).append('.');
        return pad(sb, micros, 6).toString();
    }

    /** Whole seconds rounded up: the second-precision time of {@code Last-Modified}. */
    public long ceilSeconds() {
        return (raw + UNITS_PER_SECOND - 1) / UNITS_PER_SECOND;
    }

    /** {@code Last-Modified} value: IMF-fixdate of {@link #ceilSeconds()}, e.g. {@code Thu, 01 Jan 1970 00:00:01 GMT}. */
    public String httpDate() {
        return HttpDates.format(ceilSeconds());
    }

    private static StringBuilder pad(StringBuilder sb, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }

    /** Swift's order: time, then offset as an unsigned number (= order of {@link #internal()} strings). */
    @Override
    public int compareTo(Timestamp other) {
        int byTime = Long.compare(raw, other.raw);
        return byTime != 0 ? byTime : Long.compareUnsigned(offset, other.offset);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Timestamp t && t.raw == raw && t.offset == offset;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(raw) * 31 + Long.hashCode(offset);
    }

    /** The {@link #internal()} form. */
    @Override
    public String toString() {
        return internal();
    }
}
