package io.cairn.common.http;

import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * HTTP dates as Swift 2.30.1 reads and writes them. {@link #parse} is swob's {@code _datetime_property} getter
 * ({@code If-Modified-Since}, {@code If-Unmodified-Since}, {@code Last-Modified}): Python's {@code
 * email.utils.parsedate}, then {@code datetime(*parts[:7], UTC)}; {@link #format} is its setter ({@code
 * strftime("%a, %d %b %Y %H:%M:%S GMT")}).
 *
 * <p>{@code parsedate} is lenient, and so is this: the three forms HTTP/1.1 allows — RFC 1123 ({@code Sun, 06 Nov
 * 1994 08:49:37 GMT}), RFC 850 ({@code Sunday, 06-Nov-94 08:49:37 GMT}) and asctime ({@code Sun Nov  6 08:49:37
 * 1994}) — and what else {@code parsedate} takes: any or no day name (never checked against the date), full month
 * names, day and month in either order, two-digit years (69–99 → 19xx, 00–68 → 20xx), {@code hh:mm} and {@code
 * hh.mm.ss} times. The zone is read and ignored (the wall time counts as UTC). A value that does not parse, or names
 * a day {@code datetime} rejects (30 Feb, hour 24, second 60, year 0 or above 9999), is {@link #INVALID}: Swift
 * then ignores the header. Day and month names are English whatever the JVM's locale.
 *
 * <p>Stateless and thread-safe.
 */
public final class HttpDates {
    /** What {@link #parse} returns for an absent or unparseable date (Swift: the header is ignored). */
    public static final long INVALID = Long.MIN_VALUE;

    private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    /** {@code email._parseaddr._monthnames}: abbreviations, then full names. */
    private static final List<String> MONTH_NAMES = List.of(
            "jan",
            "feb",
            "mar",
            "apr",
            "may",
            "jun",
            "jul",
            "aug",
            "sep",
            "oct",
            "nov",
            "dec",
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december");

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };

    private HttpDates() {}

    /**
     * Epoch seconds (UTC) of an HTTP date, or {@link #INVALID} when {@code value} is null or Swift would not parse
     * it.
     */
    public static long parse(@Nullable CharSequence value) {
        if (value == null) {
            return INVALID;
        }
        List<String> data = splitWhitespace(value);
        if (data.isEmpty()) {
            return INVALID;
        }
        skipDayName(data);
        if (data.size() == 3) { // RFC 850: 06-Nov-94
            String[] stuff = data.get(0).split("-", -1);
            if (stuff.length == 3) {
                data.remove(0);
                data.addAll(0, List.of(stuff));
            }
        }
        if (data.size() == 4) { // no zone, or a zone glued to the time: 08:49:37+0100
            String s = data.get(3);
            int i = s.indexOf('+');
            if (i == -1) {
                i = s.indexOf('-');
            }
            if (i > 0) {
                data.set(3, s.substring(0, i));
                data.add(s.substring(i));
            } else {
                data.add("");
            }
        }
        if (data.size() < 5) {
            return INVALID;
        }
        return fields(data.get(0), data.get(1), data.get(2), data.get(3), data.get(4));
    }

    /** {@code 06 Nov 1994 08:49:37 GMT} in {@code _parsedate_tz}'s five slots, in whatever order they came. */
    private static long fields(String day, String month, String year, String time, String zone) {
        String dd = day;
        String mm = month;
        String yy = year;
        String tm = time;
        if (dd.isEmpty() || mm.isEmpty() || yy.isEmpty()) {
            return INVALID;
        }
        mm = mm.toLowerCase(Locale.ROOT);
        if (!MONTH_NAMES.contains(mm)) {
            String swap = dd;
            dd = mm;
            mm = swap.toLowerCase(Locale.ROOT);
            if (!MONTH_NAMES.contains(mm)) {
                return INVALID;
            }
        }
        int monthIndex = MONTH_NAMES.indexOf(mm) + 1;
        int monthValue = monthIndex > 12 ? monthIndex - 12 : monthIndex;
        dd = stripComma(dd);
        if (yy.indexOf(':') > 0) { // asctime: Nov 6 08:49:37 1994
            String swap = yy;
            yy = tm;
            tm = swap;
        }
        if (yy.endsWith(",")) {
            yy = yy.substring(0, yy.length() - 1);
            if (yy.isEmpty()) {
                return INVALID;
            }
        }
        if (!isPythonDigit(yy.charAt(0))) {
            yy = zone;
        }
        return dateTime(yy, monthValue, dd, stripComma(tm));
    }

    private static long dateTime(String year, int month, String day, String time) {
        String[] hms = time.split(":", -1);
        if (hms.length == 1 && time.indexOf('.') >= 0) {
            hms = time.split("\\.", -1);
        }
        if (hms.length != 2 && hms.length != 3) {
            return INVALID;
        }
        long[] v = {
            pythonInt(year),
            pythonInt(day),
            pythonInt(hms[0]),
            pythonInt(hms[1]),
            hms.length == 3 ? pythonInt(hms[2]) : 0
        };
        for (long x : v) {
            if (x == INVALID) {
                return INVALID;
            }
        }
        long yy = v[0];
        if (yy < 100) {
            yy += yy > 68 ? 1900 : 2000;
        }
        return epochSeconds(yy, month, v[1], v[2], v[3], v[4]);
    }

    /** {@code datetime(...)}'s range checks (a failing one makes swob's getter answer None), then the instant. */
    private static long epochSeconds(long yy, int month, long dd, long hh, long mi, long ss) {
        if (yy < 1 || yy > 9999 || hh < 0 || hh > 23 || mi < 0 || mi > 59 || ss < 0 || ss > 59) {
            return INVALID;
        }
        if (dd < 1 || dd > Month.of(month).length(Year.isLeap(yy))) {
            return INVALID;
        }
        return LocalDateTime.of((int) yy, month, (int) dd, (int) hh, (int) mi, (int) ss)
                .toEpochSecond(ZoneOffset.UTC);
    }

    /** Drops a leading day name ({@code Sun,}, {@code Sunday,}, {@code Sun}) or what precedes a comma in the first word. */
    private static void skipDayName(List<String> data) {
        String first = data.get(0);
        if (first.endsWith(",") || DAY_NAMES.contains(first.toLowerCase(Locale.ROOT))) {
            data.remove(0);
        } else {
            int i = first.lastIndexOf(',');
            if (i >= 0) {
                data.set(0, first.substring(i + 1));
            }
        }
    }

    private static String stripComma(String s) {
        return s.endsWith(",") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * Python's {@code str.split()}: words between runs of whitespace. Header values are Latin-1 (WSGI strings in
     * Swift, bytes as chars in Netty), and Python counts {@code \x1c-\x1f}, {@code \x85} and {@code \xa0} as
     * whitespace too.
     */
    private static List<String> splitWhitespace(CharSequence value) {
        List<String> words = new ArrayList<>(6);
        int start = -1;
        for (int i = 0; i < value.length(); i++) {
            boolean space = isPythonWhitespace(value.charAt(i));
            if (space && start >= 0) {
                words.add(value.subSequence(start, i).toString());
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            words.add(value.subSequence(start, value.length()).toString());
        }
        return words;
    }

    private static boolean isPythonWhitespace(char c) {
        if (c <= '\u00ff') {
            return (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= ' ') || c == '\u0085' || c == '\u00a0';
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Python's {@code str.isdigit} (superscript digits count, though {@code int()} refuses them). */
    private static boolean isPythonDigit(char c) {
        return Character.isDigit(c) || c == '\u00b2' || c == '\u00b3' || c == '\u00b9';
    }

    /**
     * Python's {@code int(s)} for a word without whitespace: optional sign, decimal digits with single underscores
     * between them; {@link #INVALID} when Python would raise (or beyond a long, which no date survives).
     */
    static long pythonInt(String s) {
        int i = 0;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        if (i >= s.length()) {
            return INVALID;
        }
        long value = 0;
        boolean lastWasDigit = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_' && lastWasDigit && i + 1 < s.length()) {
                lastWasDigit = false;
                continue;
            }
            int digit = Character.digit(c, 10);
            if (digit < 0) {
                return INVALID;
            }
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return INVALID;
            }
            value = value * 10 + digit;
            lastWasDigit = true;
        }
        return negative ? -value : value;
    }

    /** {@code Sun, 06 Nov 1994 08:49:37 GMT} for epoch seconds, as swob writes {@code Last-Modified}. */
    public static String format(long epochSeconds) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(29);
        sb.append(DAYS[t.getDayOfWeek().getValue() - 1]).append(", ");
        pad(sb, t.getDayOfMonth(), 2).append(' ');
        sb.append(MONTHS[t.getMonthValue() - 1]).append(' ');
        pad(sb, t.getYear(), 4).append(' ');
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        return pad(sb, t.getSecond(), 2).append(" GMT").toString();
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }
}
