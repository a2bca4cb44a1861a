package io.cairn.common.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccessLogWriterTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String name = "io.cairn.test.access." + System.nanoTime();
    private final Logger logger = Logger.getLogger(name);
    private final Logger reports = Logger.getLogger(AccessLogWriter.class.getName());
    private final CapturingHandler capture = new CapturingHandler();
    private final CapturingHandler reportCapture = new CapturingHandler();
    private final ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(consoleBytes, true, Charset.defaultCharset());

    AccessLogWriterTest() {
        logger.setUseParentHandlers(false);
        reports.addHandler(reportCapture);
    }

    @AfterEach
    void removeHandlers() {
        for (Handler h : logger.getHandlers()) {
            logger.removeHandler(h);
        }
        reports.removeHandler(reportCapture);
    }

    @Test
    void shouldWriteEveryThreadsLinesInOrderWhenManyThreadsOffer() throws InterruptedException {
        logger.addHandler(new ConsoleHandler()); // the JDK default: rendered by the writer into `console`
        int threads = 4;
        int perThread = 3000;
        try (AccessLogWriter writer = new AccessLogWriter("test-access-log", 1024, console)) {
            AccessLogDestination destination = writer.destination(name);
            List<Thread> producers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String prefix = "t" + t + " ";
                Thread producer = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        while (!writer.offer(destination, prefix + i)) {
                            Thread.onSpinWait(); // full: the test wants every line, so it offers again
                        }
                    }
                });
                producers.add(producer);
                producer.start();
            }
            for (Thread producer : producers) {
                producer.join(TimeUnit.SECONDS.toMillis(30));
                assertThat(producer.isAlive()).isFalse();
            }
            Await.until("all lines written", TIMEOUT, () -> writer.linesWritten() == (long) threads * perThread);
        }

        String[] lines = consoleBytes.toString(Charset.defaultCharset()).split(System.lineSeparator());
        assertThat(lines).hasSize(2 * threads * perThread);
        Pattern header = Pattern.compile(".+ " + Pattern.quote(name) + " access");
        Pattern body = Pattern.compile(Pattern.quote(Level.INFO.getLocalizedName()) + ": t(\\d) (\\d+)");
        int[] next = new int[threads];
        for (int i = 0; i < lines.length; i += 2) {
            assertThat(lines[i]).matches(header);
            Matcher m = body.matcher(lines[i + 1]);
            assertThat(m.matches()).as(lines[i + 1]).isTrue();
            int thread = Integer.parseInt(m.group(1));
            assertThat(Integer.parseInt(m.group(2))).isEqualTo(next[thread]);
            next[thread]++;
        }
        assertThat(next).containsOnly(perThread);
    }

    @Test
    void shouldPublishRecordsWithAnExplicitSourceWhenTheHandlerIsNotTheConsole() {
        logger.addHandler(capture);
        long before = System.currentTimeMillis();
        try (AccessLogWriter writer = new AccessLogWriter("test-access-log", 64, console)) {
            assertThat(writer.offer(writer.destination(name), "object-server 127.0.0.1 \"GET /sda/1/a/c/o\" 200 42"))
                    .isTrue();
            Await.until("the line written", TIMEOUT, () -> writer.linesWritten() == 1);

            LogRecord r = capture.records().get(0);
            assertThat(r.getLevel()).isEqualTo(Level.INFO);
            assertThat(r.getMessage()).isEqualTo("object-server 127.0.0.1 \"GET /sda/1/a/c/o\" 200 42");
            assertThat(r.getLoggerName()).isEqualTo(name);
            // set explicitly, so no formatter ever triggers a stack walk to infer them
            assertThat(r.getSourceClassName()).isEqualTo(name);
            assertThat(r.getSourceMethodName()).isEqualTo(AccessLogDestination.SOURCE_METHOD);
            assertThat(r.getInstant().toEpochMilli()).isBetween(before, System.currentTimeMillis());
            assertThat(capture.flushes.get())
                    .as("flushed when the queue drained")
                    .isPositive();
        }
        assertThat(consoleBytes.size()).as("nothing on the console").isZero();
    }

    @Test
    void shouldDropCountAndReportAtMostOncePerSecondWhenTheQueueIsFull() throws InterruptedException {
        logger.addHandler(capture);
        AtomicLong clock = new AtomicLong();
        try (AccessLogWriter writer = new AccessLogWriter("test-access-log", 8, console, clock::get)) {
            AccessLogDestination destination = writer.destination(name);
            assertThat(fillAndOverflow(writer, destination, 5)).isEqualTo(5);
            Await.until("the first batch written", TIMEOUT, () -> writer.linesWritten() == 8);
            Await.until("a drop report", TIMEOUT, () -> reportCapture.records().size() == 1);
            LogRecord report = reportCapture.records().get(0);
            assertThat(report.getLevel()).isEqualTo(Level.WARNING);
            assertThat(report.getMessage()).startsWith("5 access log lines dropped");

            // within the same second: counted, not reported yet
            assertThat(fillAndOverflow(writer, destination, 3)).isEqualTo(3);
            Await.until("the second batch written", TIMEOUT, () -> writer.linesWritten() == 16);
            assertThat(reportCapture.records()).hasSize(1);
            assertThat(writer.droppedLines()).isEqualTo(8);

            clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
            assertThat(writer.offer(destination, "after a second")).isTrue();
            Await.until(
                    "the second report", TIMEOUT, () -> reportCapture.records().size() == 2);
            assertThat(reportCapture.records().get(1).getMessage()).startsWith("3 access log lines dropped");

            // drops within the second are still reported when the writer closes
            assertThat(fillAndOverflow(writer, destination, 2)).isEqualTo(2);
        }
        assertThat(reportCapture.records()).hasSize(3);
        assertThat(reportCapture.records().get(2).getMessage()).startsWith("2 access log lines dropped");
        assertThat(capture.messages()).hasSize(8 + 8 + 1 + 8);
    }

    /** Holds the writer on a "block" line, fills its 8 slots, offers {@code extra} more; returns how many failed. */
    private int fillAndOverflow(AccessLogWriter writer, AccessLogDestination destination, int extra)
            throws InterruptedException {
        capture.blockNext();
        assertThat(writer.offer(destination, "block")).isTrue();
        capture.awaitBlocked();
        for (int i = 1; i < 8; i++) {
            assertThat(writer.offer(destination, "queued " + i)).isTrue();
        }
        int failed = 0;
        for (int i = 0; i < extra; i++) {
            failed += writer.offer(destination, "overflow " + i) ? 0 : 1;
        }
        capture.unblock();
        return failed;
    }

    @Test
    void shouldWriteEveryAcceptedLineAndStopItsThreadWhenClosed() throws InterruptedException {
        logger.addHandler(capture);
        AccessLogWriter writer = new AccessLogWriter("test-access-log", 64, console);
        AccessLogDestination destination = writer.destination(name);
        capture.blockNext();
        assertThat(writer.offer(destination, "block")).isTrue();
        capture.awaitBlocked();
        List<String> expected = new ArrayList<>(List.of("block"));
        for (int i = 0; i < 40; i++) {
            assertThat(writer.offer(destination, "line " + i)).isTrue();
            expected.add("line " + i);
        }

        capture.unblock();
        writer.close();

        assertThat(capture.messages()).containsExactlyElementsOf(expected);
        assertThat(writer.linesWritten()).isEqualTo(41);
        assertThat(writer.isRunning()).isFalse();
        assertThat(writer.offer(destination, "after close")).isFalse();
        assertThat(writer.droppedLines()).isZero();
        writer.close(); // idempotent
    }

    @Test
    void shouldStopItsThreadWhenClosedIdle() {
        AccessLogWriter writer = new AccessLogWriter("test-access-log-idle", 64, console);
        assertThat(writer.isRunning()).isTrue();

        writer.close();

        assertThat(writer.isRunning()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("test-access-log-idle"));
    }
}
