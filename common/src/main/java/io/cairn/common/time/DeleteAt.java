package io.cairn.common.time;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Swift's {@code normalize_delete_at_timestamp}: an {@code X-Delete-At} time clamped to
 * {@code [0, 9999999999.99999]} and printed as {@code %010d} (the expirer's sortable container and
 * object names) or, in high precision, {@code %016.5f}. Clamping keeps every name 10 digits wide so the
 * expirer's lexical order stays numeric.
 *
 * <p>Thread-safety: stateless.
 */
public final class DeleteAt {
    private static final double MAX = 9999999999.99999;
    private static final long MAX_SECONDS = 9_999_999_999L;

    private DeleteAt() {}

    /** {@code %010d} of whole seconds clamped to {@code [0, 9999999999]}. */
    public static String normalize(long epochSeconds) {
        long clamped = Math.max(0, Math.min(epochSeconds, MAX_SECONDS));
        String digits = Long.toString(clamped);
        return "0000000000".substring(digits.length()) + digits;
    }

    /** Swift's low-precision form of a float: clamp, then truncate to whole seconds. NaN counts as 0. */
    public static String normalize(double epochSeconds) {
        return normalize((long) clamp(epochSeconds));
    }

    /** The low-precision form of a string Python's {@code float()} accepts (see class doc for the limits). */
    public static String normalize(String epochSeconds) {
        return normalize(PythonFloat.parse(epochSeconds));
    }

    /** {@code %016.5f} of the clamped value, rounded as Python rounds the double. */
    public static String normalizeHighPrecision(double epochSeconds) {
        String plain = new BigDecimal(clamp(epochSeconds))
                .setScale(5, RoundingMode.HALF_EVEN)
                .toPlainString();
        return "0000000000000000".substring(plain.length()) + plain;
    }

    /** The high-precision form of a string Python's {@code float()} accepts. */
    public static String normalizeHighPrecision(String epochSeconds) {
        return normalizeHighPrecision(PythonFloat.parse(epochSeconds));
    }

    /** Python's {@code min(max(0, value), 9999999999.99999)}; {@code max(0, nan)} is 0. */
    private static double clamp(double value) {
        if (!(value > 0)) {
            return 0;
        }
        return Math.min(value, MAX);
    }
}
