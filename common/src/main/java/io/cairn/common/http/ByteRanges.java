package io.cairn.common.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A {@code Range} request header as swob reads it ({@code swift/common/swob.py: Range}): syntax errors
 * make the whole header ignored (200 with the full body), and {@link #forLength} applies swob's
 * satisfiability and anti-abuse rules (reference §4.9). One reading for the object server (a GET's ranges) and
 * the proxy's large-object filters (a client's Range over the assembled object).
 *
 * <p>Immutable.
 */
public final class ByteRanges {
    /** swob's {@code MAX_RANGES}. */
    static final int MAX_RANGES = 50;
    /** swob's {@code MAX_RANGE_OVERLAPS}. */
    static final int MAX_RANGE_OVERLAPS = 2;
    /** swob's {@code MAX_NONASCENDING_RANGES}. */
    static final int MAX_NONASCENDING_RANGES = 8;

    /** One syntactically valid spec: {@code first}/{@code last} are -1 where the header left them out. */
    private record Spec(long first, long last) {}

    private final List<Spec> specs;

    private ByteRanges(List<Spec> specs) {
        this.specs = specs;
    }

    /** How many range specs the header has (swob's {@code len(req.range.ranges)}). */
    public int count() {
        return specs.size();
    }

    /**
     * Parses a header value; null when it is absent or syntactically invalid (the header is then
     * ignored, as RFC 7233 and swob say).
     */
    public static @Nullable ByteRanges parse(@Nullable String header) {
        if (header == null || header.isEmpty()) {
            return null;
        }
        String value = header.replace(" ", "");
        if (!value.toLowerCase(Locale.ROOT).startsWith("bytes=")) {
            return null;
        }
        List<Spec> specs = new ArrayList<>();
        for (String spec : value.substring(6).split(",", -1)) {
            int dash = spec.indexOf('-');
            if (dash < 0) {
                return null;
            }
            String startText = spec.substring(0, dash);
            String endText = spec.substring(dash + 1);
            long start = -1;
            if (!startText.isEmpty()) {
                start = pythonInt(startText);
                if (start == Long.MIN_VALUE) {
                    return null;
                }
            }
            long end = -1;
            if (!endText.isEmpty()) {
                if (!allDigits(endText)) {
                    return null;
                }
                end = parseDigits(endText);
                if (end < 0 || (start != -1 && end < start)) {
                    return null;
                }
            } else if (start == -1) {
                return null;
            }
            specs.add(new Spec(start, end));
        }
        return new ByteRanges(List.copyOf(specs));
    }

    /**
     * swob's {@code ranges_for_length}: the satisfiable ranges as {@code [start, end)} pairs (end
     * exclusive), flattened {@code s0, e0, s1, e1, …}. An empty array means "416 Range Not
     * Satisfiable".
     */
    public long[] forLength(long length) {
        List<long[]> all = new ArrayList<>();
        for (Spec spec : specs) {
            long begin = spec.first();
            long end = spec.last();
            if (begin == -1) {
                if (end == 0) {
                    continue;
                }
                all.add(end > length ? new long[] {0, length} : new long[] {length - end, length});
            } else if (end == -1) {
                if (begin < length) {
                    all.add(new long[] {begin, length});
                }
            } else if (begin < length) {
                all.add(new long[] {begin, Math.min(end + 1, length)});
            }
        }
        if (all.size() > MAX_RANGES || tooManyOverlaps(all) || tooManyNonAscending(all)) {
            return new long[0];
        }
        long[] flat = new long[all.size() * 2];
        for (int i = 0; i < all.size(); i++) {
            flat[2 * i] = all.get(i)[0];
            flat[2 * i + 1] = all.get(i)[1];
        }
        return flat;
    }

    private static boolean tooManyOverlaps(List<long[]> ranges) {
        int overlaps = 0;
        for (int i = 0; i < ranges.size(); i++) {
            for (int j = i + 1; j < ranges.size(); j++) {
                long s1 = ranges.get(i)[0];
                long e1 = ranges.get(i)[1];
                long s2 = ranges.get(j)[0];
                long e2 = ranges.get(j)[1];
                boolean overlap =
                        (s1 < s2 && s2 < e1) || (s1 < e2 && e2 < e1) || (s2 < s1 && s1 < e2) || (s2 < e1 && e1 < e2);
                if (overlap && ++overlaps > MAX_RANGE_OVERLAPS) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean tooManyNonAscending(List<long[]> ranges) {
        for (int i = 0; i + 1 < ranges.size(); i++) {
            long[] a = ranges.get(i);
            long[] b = ranges.get(i + 1);
            // Python compares the (start, end) tuples
            boolean greater = a[0] > b[0] || (a[0] == b[0] && a[1] > b[1]);
            if (greater) {
                return ranges.size() >= MAX_NONASCENDING_RANGES;
            }
        }
        return false;
    }

    /** Python's {@code int(text)} for what a Range start can hold: optional sign, ASCII digits. */
    private static long pythonInt(String text) {
        String digits = text;
        boolean negative = false;
        if (text.charAt(0) == '+' || text.charAt(0) == '-') {
            negative = text.charAt(0) == '-';
            digits = text.substring(1);
        }
        if (!allDigits(digits)) {
            return Long.MIN_VALUE;
        }
        long v = parseDigits(digits);
        return v < 0 ? Long.MIN_VALUE : (negative ? -v : v);
    }

    private static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Parses ASCII digits; values beyond a long saturate (no object is that large, so they act alike). */
    private static long parseDigits(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
