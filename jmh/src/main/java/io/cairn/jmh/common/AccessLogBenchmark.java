package io.cairn.jmh.common;

import io.cairn.common.http.AccessLogSink;
import io.cairn.common.log.AccessLogWriter;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of one access-log line on the thread that logs it (a server's event loop), with the JDK's default
 * console set-up (a {@code ConsoleHandler} with a {@code SimpleFormatter}) writing to {@code /dev/null}, in
 * nanoseconds per line:
 *
 * <ul>
 *   <li>{@code oldLine}: the previous sink, {@code Logger.logp} on the caller — SimpleFormatter's
 *       {@code String.format}, the handler's lock and a flush (a {@code write} system call) per line;
 *   <li>{@code work}, {@code workThenOldLine}, {@code workThenNewLine}: {@value #WORK} tokens of
 *       {@code Blackhole.consumeCPU} (a stand-in for serving the request) alone, then followed by one line the
 *       old or the new way; the difference to {@code work} is the caller's cost of a line at a rate the writer
 *       keeps up with (on two busy cores it includes some of the writer thread's cost: the two compete);
 *   <li>{@code slowWorkThenNewLine}: the same at about 20 k lines a second;
 *   <li>{@code newLineFlood}: {@link AccessLogSink#accept} back to back: far more lines than the writer can
 *       write, so almost all are dropped — the cost of a line when the ring is full.
 * </ul>
 *
 * <p>Each iteration of the new-path benchmarks prints the writer's lines written and dropped and the writer
 * thread's CPU time per line written: the cost moved off the event loop.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AccessLogBenchmark {
    /** A typical object-server PUT line. */
    static final String LINE = "object-server 127.0.0.1 \"PUT /sdb1/12345/AUTH_test/photos/2026/11/26/img_0001.jpg\""
            + " 201 0 \"-\" \"tx5f0c2a9e1b3d4c6e8f7a0-0069271c80\" \"-\" 0.001234";

    /** Blackhole.consumeCPU tokens standing in for a request's work (about a microsecond). */
    private static final long WORK = 500;

    /** Tokens for about 45 µs of work: some 20 k lines a second, a busy server's rate. */
    private static final long SLOW_WORK = 20_000;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The previous sink, verbatim: {@code logp} at INFO with an explicit source on the caller thread. */
    @State(Scope.Thread)
    public static class OldPath {
        private final String name = "io.cairn.jmh.access.old";
        private final Logger logger = Logger.getLogger(name);
        private Handler console;
        private Consumer<String> sink;

        @Setup
        public void setUp() throws FileNotFoundException {
            // ConsoleHandler is a StreamHandler on System.err that flushes after every record
            console = new StreamHandler(new FileOutputStream("/dev/null"), new SimpleFormatter()) {
                @Override
                public synchronized void publish(LogRecord record) {
                    super.publish(record);
                    flush();
                }
            };
            logger.setUseParentHandlers(false);
            logger.addHandler(console);
            sink = line -> {
                if (logger.isLoggable(Level.INFO)) {
                    logger.logp(Level.INFO, name, "access", line);
                }
            };
        }

        @TearDown
        public void tearDown() {
            logger.removeHandler(console);
            console.close();
        }
    }

    /** The new sink on its own writer, whose console is {@code /dev/null}. */
    @State(Scope.Thread)
    public static class NewPath {
        private final String name = "io.cairn.jmh.access.new";
        private final Logger logger = Logger.getLogger(name);
        private final Handler console = new ConsoleHandler(); // the default set-up the writer renders itself
        private PrintStream devNull;
        AccessLogWriter writer;
        AccessLogSink sink;
        private long writtenBefore;
        private long droppedBefore;
        private long writerCpuBefore;
        private long writerThreadId = -1;

        @Setup
        public void setUp() throws FileNotFoundException {
            logger.setUseParentHandlers(false);
            logger.addHandler(console);
            devNull = new PrintStream(new FileOutputStream("/dev/null"), true);
            writer = new AccessLogWriter("jmh-access-log", AccessLogWriter.DEFAULT_CAPACITY, devNull);
            sink = AccessLogSink.toLogger(name, writer);
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals("jmh-access-log")) {
                    writerThreadId = t.getId();
                }
            }
        }

        @Setup(org.openjdk.jmh.annotations.Level.Iteration)
        public void mark() {
            writtenBefore = writer.linesWritten();
            droppedBefore = writer.droppedLines();
            writerCpuBefore = THREADS.getThreadCpuTime(writerThreadId);
        }

        @TearDown(org.openjdk.jmh.annotations.Level.Iteration)
        public void report() {
            long written = writer.linesWritten() - writtenBefore;
            long dropped = writer.droppedLines() - droppedBefore;
            long cpu = THREADS.getThreadCpuTime(writerThreadId) - writerCpuBefore;
            System.out.println("  [writer: " + written + " lines written, " + dropped + " dropped ("
                    + (written + dropped == 0 ? 0 : 100 * dropped / (written + dropped)) + " %), "
                    + (written == 0 ? 0 : cpu / written) + " ns of writer CPU per line]");
        }

        @TearDown
        public void tearDown() throws IOException {
            sink.close();
            writer.close();
            logger.removeHandler(console);
            devNull.close();
        }
    }

    @Benchmark
    public void oldLine(OldPath old) {
        old.sink.accept(LINE);
    }

    @Benchmark
    public void work() {
        Blackhole.consumeCPU(WORK);
    }

    @Benchmark
    public void workThenOldLine(OldPath old) {
        Blackhole.consumeCPU(WORK);
        old.sink.accept(LINE);
    }

    @Benchmark
    public void workThenNewLine(NewPath path) {
        Blackhole.consumeCPU(WORK);
        path.sink.accept(LINE);
    }

    /** As {@code workThenNewLine} at about 20 k lines/s: the writer's CPU per line at a realistic rate. */
    @Benchmark
    public void slowWorkThenNewLine(NewPath path) {
        Blackhole.consumeCPU(SLOW_WORK);
        path.sink.accept(LINE);
    }

    @Benchmark
    public void newLineFlood(NewPath path) {
        path.sink.accept(LINE);
    }
}
