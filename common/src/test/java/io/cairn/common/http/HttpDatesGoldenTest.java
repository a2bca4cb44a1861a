package io.cairn.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.testing.Python;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpDates#parse} against swob's own getter ({@code Request.if_modified_since}, Swift 2.30.1 on Debian's
 * Python) over a few thousand generated values, all in one Python run: the three HTTP forms of random instants, and
 * random jumbles of the words dates are made of (names, numbers, times, zones, separators, Latin-1 oddities).
 */
class HttpDatesGoldenTest {
    private static final String SCRIPT = """
            import sys, calendar
            from swift.common.swob import Request
            out = []
            for line in sys.stdin.read().split('\\n'):
                if not line:
                    continue
                value = bytes.fromhex(line).decode('latin-1')
                d = Request.blank('/', headers={'If-Modified-Since': value}).if_modified_since
                out.append('-' if d is None else str(calendar.timegm(d.utctimetuple())))
            print('\\n'.join(out))
            """;

    private static final String[] WORDS = {
        "Sun",
        "Sun,",
        "Sunday,",
        "sunday",
        "Mon",
        "mon,",
        "Xyz,",
        "06",
        "6",
        "6,",
        "31",
        "32",
        "0",
        "00",
        "29",
        "30",
        "94",
        "1994",
        "2023",
        "69",
        "68",
        "99",
        "100",
        "0001",
        "9999",
        "10000",
        "-5",
        "+3",
        "1_9",
        "1__9",
        "\u00b2",
        "\u00b2994",
        "Nov",
        "nov",
        "NOVEMBER",
        "Feb",
        "feb,",
        "February",
        "Foo",
        "06-Nov-94",
        "6-nov-1994",
        "06--94",
        "08:49:37",
        "8:49",
        "23:59:59",
        "23:59:60",
        "24:00:00",
        "08.49.37",
        "08.49",
        "08.49.37.1",
        "08:49:37,",
        "1994,",
        ",",
        "08:49:37+0100",
        "08:49:37-0500",
        "GMT",
        "UTC",
        "+0100",
        "-0500",
        "-0000",
        "EST",
        "Z",
        "a,06",
        "x"
    };
    private static final String[] SEPARATORS = {" ", " ", " ", "  ", "\t", ",", ", ", "-", "\u00a0", "\u0085"};

    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
    private static final DateTimeFormatter RFC_850 =
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    /** One to seven words of {@link #WORDS}. */
    private static String jumble(Random random) {
        StringBuilder v = new StringBuilder();
        int words = 1 + random.nextInt(7);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                v.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
            v.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return v.toString();
    }

    /** A date's slots, each usually plausible, sometimes missing, out of place or any word at all. */
    private static String nearlyADate(Random random) {
        String[][] slots = {
            {"Sun,", "Sunday,", "Mon", "", "Xyz,"},
            {"06", "6", "31", "29", "0", "32", "1_9"},
            {"Nov", "feb", "February", "DEC", "Foo"},
            {"1994", "94", "2000", "1900", "68", "69", "0", "9999", "10000"},
            {"08:49:37", "23:59:59", "8:49", "08.49.37", "24:00:00", "23:59:60", "08:49:37+0100"},
            {"GMT", "", "+0100", "-0500", "EST"}
        };
        List<String> words = new ArrayList<>();
        for (String[] slot : slots) {
            String w =
                    random.nextInt(12) == 0 ? WORDS[random.nextInt(WORDS.length)] : slot[random.nextInt(slot.length)];
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        if (random.nextInt(4) == 0) {
            java.util.Collections.swap(words, random.nextInt(words.size()), random.nextInt(words.size()));
        }
        return String.join(random.nextInt(6) == 0 ? SEPARATORS[random.nextInt(SEPARATORS.length)] : " ", words);
    }

    @Test
    void shouldParseEveryValueAsSwobDoesWhenGivenGeneratedDates() {
        Random random = new Random(1994L);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // 1969..2068 so that two-digit RFC 850 years mean the same in both
            long seconds = -31_536_000L + (long) (random.nextDouble() * 3_155_760_000L);
            LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
            values.add(RFC_1123.format(t));
            values.add(RFC_850.format(t));
            values.add(ASCTIME.format(t));
        }
        for (int i = 0; i < 3000; i++) {
            values.add(random.nextBoolean() ? jumble(random) : nearlyADate(random));
        }
        StringBuilder stdin = new StringBuilder();
        for (String v : values) {
            stdin.append(HexFormat.of().formatHex(v.getBytes(StandardCharsets.ISO_8859_1)))
                    .append('\n');
        }
        String[] swift = new String(
                        Python.run(SCRIPT, stdin.toString().getBytes(StandardCharsets.US_ASCII)),
                        StandardCharsets.UTF_8)
                .split("\n");
        assertThat(swift).hasSameSizeAs(values);
        int parsed = 0;
        for (int i = 0; i < values.size(); i++) {
            long ours = HttpDates.parse(values.get(i));
            String expected = swift[i].strip();
            assertThat(ours == HttpDates.INVALID ? "-" : Long.toString(ours))
                    .as("'%s'", values.get(i))
                    .isEqualTo(expected);
            if (!expected.equals("-")) {
                parsed++;
            }
        }
        // the generated values must exercise both outcomes beyond the canonical forms
        assertThat(parsed).isGreaterThan(900 + 150).isLessThan(values.size() - 300);
    }
}
