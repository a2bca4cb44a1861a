package io.cairn.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class AccessLogSinkTest {
    @Test
    void shouldLogEachLineAtInfoWithAnExplicitSourceWhenALineIsWritten() {
        String name = "io.cairn.test.access." + System.nanoTime();
        Logger logger = Logger.getLogger(name);
        List<LogRecord> records = new ArrayList<>();
        Handler capture = capturing(records);
        logger.setUseParentHandlers(false);
        logger.addHandler(capture);
        try {
            Consumer<String> sink = AccessLogSink.toLogger(name);
            sink.accept("object-server 127.0.0.1 \"GET /sda/1/a/c/o\" 200 42");

            assertThat(records).hasSize(1);
            LogRecord r = records.get(0);
            assertThat(r.getLevel()).isEqualTo(Level.INFO);
            assertThat(r.getMessage()).isEqualTo("object-server 127.0.0.1 \"GET /sda/1/a/c/o\" 200 42");
            // set explicitly, so no formatter ever triggers a stack walk to infer them
            assertThat(r.getSourceClassName()).isEqualTo(name);
            assertThat(r.getSourceMethodName()).isEqualTo(AccessLogSink.SOURCE_METHOD);
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void shouldDropLinesWhenTheLoggerIsAboveInfo() {
        String name = "io.cairn.test.access.quiet." + System.nanoTime();
        Logger logger = Logger.getLogger(name);
        List<LogRecord> records = new ArrayList<>();
        Handler capture = capturing(records);
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.WARNING);
        logger.addHandler(capture);
        try {
            AccessLogSink.toLogger(name).accept("a line");
            assertThat(records).isEmpty();
        } finally {
            logger.removeHandler(capture);
        }
    }

    /** A handler that adds every record it is given to {@code records}. */
    private static Handler capturing(List<LogRecord> records) {
        return new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
    }
}
