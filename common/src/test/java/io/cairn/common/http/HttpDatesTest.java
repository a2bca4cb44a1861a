package io.cairn.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class HttpDatesTest {
    /** Sun, 06 Nov 1994 08:49:37 GMT: RFC 9110's example date. */
    private static final long EXAMPLE = 784_111_777L;

    @Test
    void shouldParseTheThreeHttpFormsWhenGivenRfc9110sExample() {
        assertThat(HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT")).isEqualTo(EXAMPLE);
        assertThat(HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT")).isEqualTo(EXAMPLE);
        assertThat(HttpDates.parse("Sun Nov  6 08:49:37 1994")).isEqualTo(EXAMPLE);
    }

    @Test
    void shouldParseEnglishNamesWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT")).isEqualTo(EXAMPLE);
            assertThat(HttpDates.format(EXAMPLE)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void shouldBeAsLenientAsPythonsParsedateWhenTheFormIsLoose() {
        // the day name is never checked, and may be missing; the zone is ignored
        assertThat(HttpDates.parse("Mon, 06 Nov 1994 08:49:37 GMT")).isEqualTo(EXAMPLE);
        assertThat(HttpDates.parse("06 Nov 1994 08:49:37")).isEqualTo(EXAMPLE);
        assertThat(HttpDates.parse("Sun, 06 Nov 1994 08:49:37 +0500")).isEqualTo(EXAMPLE);
        assertThat(HttpDates.parse("Sun, 06 Nov 1994 08:49:37+0500")).isEqualTo(EXAMPLE);
        assertThat(HttpDates.parse("sun, 6 NOVEMBER 1994 08:49:37 gmt")).isEqualTo(EXAMPLE);
        assertThat(HttpDates.parse("Sun, Nov 06 1994 08:49:37 GMT")).isEqualTo(EXAMPLE);
        assertThat(HttpDates.parse("Sun, 06 Nov 1994 08.49.37 GMT")).isEqualTo(EXAMPLE);
        assertThat(HttpDates.parse("Sun, 06 Nov 1994 08:49 GMT")).isEqualTo(EXAMPLE - 37);
        assertThat(HttpDates.parse("Sun, 06 Nov 94 08:49:37 GMT")).isEqualTo(EXAMPLE);
        assertThat(HttpDates.parse("Thu, 01 Jan 70 00:00:00 GMT")).isZero();
        assertThat(HttpDates.parse("Sat, 01 Jan 68 00:00:00 GMT")).isEqualTo(3_092_601_600L); // 2068
        assertThat(HttpDates.parse("Sun, 06 Nov 1_994 08:49:37 GMT")).isEqualTo(EXAMPLE); // Python's int()
    }

    @Test
    void shouldAnswerInvalidWhenSwobWouldIgnoreTheHeader() {
        for (String bad : new String[] {
            "",
            "   ",
            "yesterday",
            "Sun, 06 Foo 1994 08:49:37 GMT",
            "Sun, 31 Nov 1994 08:49:37 GMT",
            "Sun, 29 Feb 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 08:49:60 GMT",
            "Sun, 06 Nov 1994 08 GMT",
            "Sun, 06 Nov 10000 08:49:37 GMT",
            "Sun, 06 Nov 1994",
            "Sun, 06 Nov x994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:3x GMT",
            "Sun, 06 Nov 1__994 08:49:37 GMT",
            "1994-11-06T08:49:37Z",
            "784111777"
        }) {
            assertThat(HttpDates.parse(bad)).as(bad).isEqualTo(HttpDates.INVALID);
        }
        assertThat(HttpDates.parse(null)).isEqualTo(HttpDates.INVALID);
        assertThat(HttpDates.parse("Tue, 29 Feb 2000 00:00:00 GMT")).isEqualTo(951_782_400L);
    }

    @Test
    void shouldFormatAsSwobsLastModifiedWhenGivenEpochSeconds() {
        assertThat(HttpDates.format(0)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
        assertThat(HttpDates.format(EXAMPLE)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        assertThat(HttpDates.format(1_700_000_001L)).isEqualTo("Tue, 14 Nov 2023 22:13:21 GMT");
        assertThat(HttpDates.parse(HttpDates.format(1_700_000_001L))).isEqualTo(1_700_000_001L);
    }
}
