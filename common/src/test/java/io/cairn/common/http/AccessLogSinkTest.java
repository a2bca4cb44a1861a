package io.cairn.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.log.AccessLogDestination;
import io.cairn.common.log.AccessLogWriter;
import io.cairn.common.log.SharedAccessLogWriter;
import io.cairn.common.testing.Await;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccessLogSinkTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String name = "io.cairn.test.access." + System.nanoTime();
    private final List<Logger> loggers = new ArrayList<>();
    private final AccessLogWriter writer =
            new AccessLogWriter("test-access-log", 64, new PrintStream(java.io.OutputStream.nullOutputStream()));

    @AfterEach
    void closeWriterAndRemoveHandlers() {
        writer.close();
        for (Logger l : loggers) {
            for (Handler h : l.getHandlers()) {
                l.removeHandler(h);
            }
            l.setLevel(null);
        }
    }

    /** The logger {@code loggerName}, printing nowhere but into the returned list. */
    private List<LogRecord> captured(String loggerName) {
        Logger logger = Logger.getLogger(loggerName);
        loggers.add(logger);
        List<LogRecord> records = new ArrayList<>();
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                synchronized (records) {
                    records.add(r);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
        return records;
    }

    private static List<String> messages(List<LogRecord> records) {
        synchronized (records) {
            return records.stream().map(LogRecord::getMessage).toList();
        }
    }

    @Test
    void shouldLogEachLineAtInfoWithAnExplicitSourceWhenALineIsWritten() {
        List<LogRecord> records = captured(name);
        try (AccessLogSink sink = AccessLogSink.toLogger(name, writer)) {
            sink.accept("object-server 127.0.0.1 \"GET /sda/1/a/c/o\" 200 42");

            Await.until("the line written", TIMEOUT, () -> messages(records).size() == 1);
            LogRecord r = records.get(0);
            assertThat(r.getLevel()).isEqualTo(Level.INFO);
            assertThat(r.getMessage()).isEqualTo("object-server 127.0.0.1 \"GET /sda/1/a/c/o\" 200 42");
            assertThat(r.getSourceClassName()).isEqualTo(name);
            assertThat(r.getSourceMethodName()).isEqualTo(AccessLogDestination.SOURCE_METHOD);
        }
    }

    @Test
    void shouldDropLinesWhenTheLoggerIsAboveInfo() {
        List<LogRecord> quiet = captured(name + ".quiet");
        Logger.getLogger(name + ".quiet").setLevel(Level.WARNING);
        List<LogRecord> marker = captured(name + ".marker");
        try (AccessLogSink quietSink = AccessLogSink.toLogger(name + ".quiet", writer);
                AccessLogSink markerSink = AccessLogSink.toLogger(name + ".marker", writer)) {
            quietSink.accept("a line");
            markerSink.accept("after it");

            Await.until("the marker line", TIMEOUT, () -> messages(marker).size() == 1);
            assertThat(messages(quiet)).isEmpty();
            assertThat(writer.linesWritten()).isEqualTo(1);
            assertThat(writer.droppedLines()).isZero();
        }
    }

    @Test
    void shouldFollowTheLevelWhenTheLogManagerConfigurationChangesIt() throws IOException {
        List<LogRecord> records = captured(name);
        String levelKey = name + ".level";
        try (AccessLogSink sink = AccessLogSink.toLogger(name, writer)) {
            configure(levelKey, "WARNING");
            sink.accept("while at WARNING");
            configure(levelKey, "INFO");
            sink.accept("back at INFO");

            Await.until("the INFO line", TIMEOUT, () -> messages(records).size() == 1);
            assertThat(messages(records)).containsExactly("back at INFO");
        } finally {
            configure(levelKey, null);
        }
    }

    /** Sets (or, with null, removes) one {@code logging.properties} key, as a configuration file would. */
    private static void configure(String key, @org.jspecify.annotations.Nullable String value) throws IOException {
        String text = value == null ? "" : key + " = " + value + "\n";
        LogManager.getLogManager()
                .updateConfiguration(
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)),
                        k -> k.equals(key)
                                ? (BiFunction<String, String, String>) (oldValue, newValue) -> newValue
                                : (oldValue, newValue) -> oldValue);
    }

    @Test
    void shouldIgnoreLinesWhenClosed() {
        List<LogRecord> records = captured(name);
        AccessLogSink sink = AccessLogSink.toLogger(name, writer);
        sink.close();
        sink.accept("after close");
        writer.close();

        assertThat(messages(records)).isEmpty();
        assertThat(writer.isRunning()).isFalse();
    }

    @Test
    void shouldWriteQueuedLinesAndStopTheSharedWriterWhenTheLastSinkCloses() {
        List<LogRecord> first = captured(name + ".proxy");
        List<LogRecord> second = captured(name + ".object");
        AccessLogSink proxy = AccessLogSink.toLogger(name + ".proxy");
        AccessLogSink object = AccessLogSink.toLogger(name + ".object");
        assertThat(sharedWriterThreads()).isEqualTo(1);
        assertThat(SharedAccessLogWriter.users()).isEqualTo(2);

        proxy.accept("proxy line");
        proxy.close();
        assertThat(sharedWriterThreads()).as("still used by the object server").isEqualTo(1);
        object.accept("object line");
        object.close();
        object.close(); // idempotent: releases once

        assertThat(messages(first)).containsExactly("proxy line");
        assertThat(messages(second)).containsExactly("object line");
        assertThat(sharedWriterThreads()).isZero();
        assertThat(SharedAccessLogWriter.users()).isZero();
    }

    private static long sharedWriterThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(SharedAccessLogWriter.THREAD_NAME) && t.isAlive())
                .count();
    }
}
