package io.cairn.common.codec;

import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * Python's {@code int(text)} and {@code str.isdigit()}, for values Swift reads with them from headers and metadata
 * (quotas, limits): what Python accepts, Cairn accepts, and at any size.
 *
 * <p>Stateless.
 */
public final class PythonInts {
    private PythonInts() {}

    /**
     * {@code int(text)}: surrounding whitespace, an optional sign, decimal digits (any script's) with single
     * underscores between them; null where Python raises {@code ValueError}.
     */
    public static @Nullable BigInteger parse(String text) {
        String s = text.strip();
        int start = 0;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            start = 1;
        }
        if (start >= s.length()) {
            return null;
        }
        StringBuilder digits = new StringBuilder(s.length() - start);
        boolean lastWasDigit = false;
        for (int i = start; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '_' && lastWasDigit && i < s.length()) {
                lastWasDigit = false;
                continue;
            }
            int d = Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER ? Character.digit(cp, 10) : -1;
            if (d < 0) {
                return null;
            }
            digits.append((char) ('0' + d));
            lastWasDigit = true;
        }
        if (!lastWasDigit) {
            return null;
        }
        BigInteger v = new BigInteger(digits.toString());
        return negative ? v.negate() : v;
    }

    /**
     * {@code str.isdigit()} for the values a header can sensibly hold: not empty and every character a decimal
     * digit of some script. Python also counts superscript and circled digits (which its {@code int()} then
     * refuses, so Swift fails later with a 500); those are refused here at once.
     */
    public static boolean isDigit(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isDigit(cp)) {
                return false;
            }
        }
        return true;
    }
}
