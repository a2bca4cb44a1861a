package io.cairn.common.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import java.util.logging.XMLFormatter;
import org.junit.jupiter.api.Test;

class ConsoleLineFormatTest {
    private static final String NAME = "io.cairn.object.access";
    private static final String LINE =
            "object-server 127.0.0.1 \"PUT /sda/1/AUTH_test/c/o%20{0}%s\" 201 0 \"-\" \"tx1\" \"-\" 0.001234";

    private final ConsoleLineFormat format = new ConsoleLineFormat();

    @Test
    void shouldPrintWhatTheJdkSimpleFormatterPrintsWhenGivenAnyTime() {
        SimpleFormatter jdk = new SimpleFormatter();
        String header = format.header(NAME);
        long[] times = {
            1_767_582_245_123L, // 2026-01-05 03:04:05.123 UTC
            1_767_582_245_999L, // same second: the cached date
            1_767_625_445_000L, // twelve hours later
            1_795_706_055_999L, // 2026-11-26 15:14:15.999
            1_767_582_244_001L, // back in time by a second
            951_782_400_000L, // 2000-02-29
            0L,
            -1L
        };
        for (long t : times) {
            StringBuilder ours = new StringBuilder();
            format.append(ours, t, header, LINE);
            assertThat(ours.toString())
                    .as("at %d", t)
                    .isEqualTo(jdk.format(AccessLogDestination.record(NAME, LINE, t)));
        }
    }

    @Test
    void shouldAppendRecordsOneAfterAnotherWhenGivenOneBuffer() {
        StringBuilder out = new StringBuilder();
        String header = format.header(NAME);
        format.append(out, 1_767_582_245_123L, header, "a");
        format.append(out, 1_767_582_246_000L, header, "b");

        SimpleFormatter jdk = new SimpleFormatter();
        assertThat(out.toString())
                .isEqualTo(jdk.format(AccessLogDestination.record(NAME, "a", 1_767_582_245_123L))
                        + jdk.format(AccessLogDestination.record(NAME, "b", 1_767_582_246_000L)));
    }

    @Test
    void shouldRenderLikeTheJdkDefaultConsoleHandlerWhenItIsUnconfigured() {
        assertThat(format.rendersLike(new ConsoleHandler().getFormatter(), NAME))
                .isTrue();
    }

    @Test
    void shouldNotRenderLikeFormattersThatPrintSomethingElse() {
        assertThat(format.rendersLike(new XMLFormatter(), NAME)).isFalse();
        Formatter messageOnly = new Formatter() {
            @Override
            public String format(LogRecord record) {
                return record.getMessage() + "\n";
            }
        };
        assertThat(format.rendersLike(messageOnly, NAME)).isFalse();
        // a subclass may print anything for other records: only SimpleFormatter itself is trusted
        SimpleFormatter subclass = new SimpleFormatter() {};
        assertThat(format.rendersLike(subclass, NAME)).isFalse();
    }

    @Test
    void shouldPrintOneLinePerRecordAsSimpleFormatterWithThatPatternWould() {
        ConsoleLineFormat oneLine = new ConsoleLineFormat(ConsoleLineFormat.Layout.ONE_LINE);
        String header = oneLine.header(NAME);
        long[] times = {1_767_582_245_123L, 1_767_582_245_007L, 1_767_582_245_090L, 1_795_706_055_999L, 0L, -1L};
        for (long t : times) {
            StringBuilder ours = new StringBuilder();
            oneLine.append(ours, t, header, LINE);
            // what SimpleFormatter.format does with its pattern (it reads the pattern once per JVM, so not here)
            String expected = String.format(
                    ConsoleLineFormat.Layout.ONE_LINE.pattern,
                    ZonedDateTime.ofInstant(Instant.ofEpochMilli(t), ZoneId.systemDefault()),
                    NAME + " access",
                    NAME,
                    Level.INFO.getLocalizedName(),
                    LINE,
                    "");
            assertThat(ours.toString()).as("at %d", t).isEqualTo(expected);
        }
        assertThat(ours(oneLine, header)).doesNotContain("\n" + "INFO").endsWith(System.lineSeparator());
    }

    @Test
    void shouldTakeTheJdkDefaultLayoutWhenThisJvmsSimpleFormatterIsUnconfigured() {
        StringBuilder out = new StringBuilder();
        ConsoleLineFormat detected = new ConsoleLineFormat();
        detected.append(out, 1_767_582_245_123L, detected.header(NAME), "a");
        assertThat(out.toString())
                .isEqualTo(new SimpleFormatter().format(AccessLogDestination.record(NAME, "a", 1_767_582_245_123L)));
    }

    private static String ours(ConsoleLineFormat format, String header) {
        StringBuilder out = new StringBuilder();
        format.append(out, 1_767_582_245_123L, header, "x");
        return out.toString();
    }
}
