package io.cairn.common.log;

import com.lmax.disruptor.EventHandler;
import io.cairn.common.log.AccessLogWriter.LineEvent;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The consumer of {@link AccessLogWriter}'s ring: writes each line where its {@link LogRoute} says, collects
 * console text for the whole batch and writes it whenever it passes {@value #CONSOLE_CHUNK} characters, then
 * flushes the console and the handlers it used when the batch ends (the ring drained), and reports drops
 * and handler failures at most once per {@link #REPORT_INTERVAL_NANOS}.
 *
 * <p>Confined to the writer thread, except {@link #linesWritten} (any thread).
 */
final class AccessLogBatchWriter implements EventHandler<LineEvent> {
    private static final System.Logger LOG = System.getLogger(AccessLogWriter.class.getName());
    private static final int CONSOLE_CHUNK = 64 * 1024;
    private static final long REPORT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long ROUTE_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final PrintStream console;
    private final LongSupplier nanoClock;
    private final AtomicLong dropped;
    private final int capacity;
    private final ConsoleLineFormat format = new ConsoleLineFormat();
    private final StringBuilder text = new StringBuilder(CONSOLE_CHUNK + 4096);
    private final CharsetEncoder encoder = Charset.defaultCharset()
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer bytes = ByteBuffer.allocate(CONSOLE_CHUNK);
    /** The text copied out of {@link #text}: the encoder's fast path needs an array-backed buffer. */
    private char[] chars = new char[CONSOLE_CHUNK + 4096];

    private final List<Handler> toFlush = new ArrayList<>();
    private final AtomicLong written = new AtomicLong();
    private boolean consoleDirty;
    private long batchNanos;
    private long batchLines;
    private long reportedDrops;
    private long lastReportNanos;
    private long failures;
    private @Nullable RuntimeException lastFailure;

    /**
     * @param console where console-handler lines go ({@code System.err} in production)
     * @param nanoClock paces reports and route refreshes
     * @param dropped the publishers' count of dropped lines
     * @param capacity the ring's size (for the drop report)
     */
    AccessLogBatchWriter(PrintStream console, LongSupplier nanoClock, AtomicLong dropped, int capacity) {
        this.console = console;
        this.nanoClock = nanoClock;
        this.dropped = dropped;
        this.capacity = capacity;
        this.lastReportNanos = nanoClock.getAsLong() - REPORT_INTERVAL_NANOS;
    }

    long linesWritten() {
        return written.get();
    }

    @Override
    public void onBatchStart(long batchSize, long queueDepth) {
        batchNanos = nanoClock.getAsLong();
    }

    @Override
    public void onEvent(LineEvent event, long sequence, boolean endOfBatch) {
        AccessLogDestination destination = event.destination;
        String line = event.line;
        long epochMillis = event.epochMillis;
        event.clear();
        if (destination != null && line != null) {
            try {
                write(destination, line, epochMillis);
            } catch (RuntimeException e) {
                failed(e);
            }
            batchLines++;
        }
        if (endOfBatch) {
            endBatch();
        }
    }

    @Override
    public void onTimeout(long sequence) {
        report(false);
    }

    @Override
    public void onShutdown() {
        endBatch();
        report(true);
    }

    private void write(AccessLogDestination destination, String line, long epochMillis) {
        // hot path (writer thread): allocates only records for handlers other than the default console
        LogRoute route = route(destination);
        for (int i = 0; i < route.consoleCopies; i++) {
            format.append(text, epochMillis, route.consoleHeader, line);
            consoleDirty = true;
        }
        if (text.length() >= CONSOLE_CHUNK) {
            writeConsole();
        }
        Handler[] handlers = route.handlers;
        Logger via = route.viaLogger;
        if (via == null && handlers.length == 0) {
            return;
        }
        LogRecord record = AccessLogDestination.record(destination.loggerName(), line, epochMillis);
        if (via != null) {
            via.log(record); // the logger's filter decides; its chain's handlers are flushed below
        }
        for (Handler handler : handlers) {
            if (via == null) {
                try {
                    handler.publish(record);
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
            if (!containsSame(toFlush, handler)) {
                toFlush.add(handler);
            }
        }
    }

    private void failed(RuntimeException e) {
        failures++;
        lastFailure = e;
    }

    private LogRoute route(AccessLogDestination destination) {
        LogRoute route = destination.route;
        if (route == null || batchNanos - destination.routeResolvedNanos >= ROUTE_REFRESH_NANOS) {
            route = LogRoute.resolve(destination.logger(), destination.loggerName(), format);
            destination.route = route;
            destination.routeResolvedNanos = batchNanos;
        }
        return route;
    }

    private void endBatch() {
        writeConsole();
        if (consoleDirty) {
            console.flush();
            consoleDirty = false;
        }
        for (int i = 0; i < toFlush.size(); i++) {
            try {
                toFlush.get(i).flush();
            } catch (RuntimeException e) {
                failed(e);
            }
        }
        toFlush.clear();
        written.addAndGet(batchLines);
        batchLines = 0;
        report(false);
    }

    /** Encodes the collected console text (the platform charset, as a {@code ConsoleHandler} without encoding). */
    private void writeConsole() {
        if (text.length() == 0) {
            return;
        }
        int length = text.length();
        if (chars.length < length) {
            chars = new char[length];
        }
        text.getChars(0, length, chars, 0);
        CharBuffer in = CharBuffer.wrap(chars, 0, length);
        encoder.reset();
        CoderResult result;
        do {
            result = encoder.encode(in, bytes, true);
            drainBytes();
        } while (result.isOverflow());
        while (encoder.flush(bytes).isOverflow()) {
            drainBytes();
        }
        drainBytes();
        text.setLength(0);
    }

    private void drainBytes() {
        if (bytes.position() > 0) {
            console.write(bytes.array(), 0, bytes.position());
            bytes.clear();
        }
    }

    /** Reports drops and failures since the last report, if a report interval passed (or {@code force}). */
    private void report(boolean force) {
        long now = nanoClock.getAsLong();
        long drops = dropped.get() - reportedDrops;
        if ((drops == 0 && failures == 0) || (!force && now - lastReportNanos < REPORT_INTERVAL_NANOS)) {
            return;
        }
        lastReportNanos = now;
        if (drops > 0) {
            reportedDrops += drops;
            LOG.log(
                    Level.WARNING,
                    drops + " access log lines dropped (the writer was behind and its queue of " + capacity
                            + " lines full)");
        }
        RuntimeException failure = lastFailure;
        if (failures > 0 && failure != null) {
            LOG.log(Level.WARNING, failures + " access log lines failed in a log handler; the last failure:", failure);
        }
        failures = 0;
        lastFailure = null;
    }

    private static boolean containsSame(List<Handler> list, Handler handler) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == handler) {
                return true;
            }
        }
        return false;
    }
}
