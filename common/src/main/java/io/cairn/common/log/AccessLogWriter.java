package io.cairn.common.log;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.cairn.common.concurrent.NamedThreadFactory;
import java.io.PrintStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Hands access-log lines from any thread to one writer thread, so that logging a request costs its event loop
 * a few tens of nanoseconds and never blocks it.
 *
 * <p>Callers {@link #offer} a line for an {@link AccessLogDestination}: it is stored in the next slot of a
 * bounded multi-producer ring (LMAX Disruptor; a CAS on the cursor, no lock, no system call, no allocation;
 * publishers never wake the consumer, see {@link IdleParkWaitStrategy}). When the ring is full the line is
 * dropped and counted; the writer reports "{@code N access log lines dropped}" at WARNING on this class's logger
 * at most once a second (and once more when closed).
 *
 * <p>The writer thread takes every line published so far as one batch and sends each where its logger's
 * {@code java.util.logging} configuration sends it ({@link LogRoute}): lines for the JDK's default console
 * handler are rendered byte-identically to it by {@link ConsoleLineFormat} (date formatted once per second)
 * into one buffer written to {@code console} per batch; any other handler is given a {@code LogRecord} made on
 * the writer thread. When the batch is done (the ring drained) the console and those handlers are flushed.
 * Routes are re-resolved at most once a second, so handlers configured after start are picked up.
 *
 * <p>{@link #close} writes every line offered before it, then stops and joins the thread.
 *
 * <p>Thread-safe: {@link #offer} from any thread, {@link #close} from any thread (once takes effect); lines
 * offered by one thread are written in the order offered.
 */
public final class AccessLogWriter implements AutoCloseable {
    private static final Logger LOG = System.getLogger(AccessLogWriter.class.getName());

    /** Slots in the ring of a server process's writer: about a second of lines at full load. */
    public static final int DEFAULT_CAPACITY = 16_384;

    /**
     * The writer's first park when the ring is empty: long enough that a busy server's lines are written a
     * millisecond's worth per batch (one wake-up, one write), short enough that nobody waits for a log line.
     */
    private static final long MIN_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long IDLE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long CLOSE_DRAIN_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long CLOSE_JOIN_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final RingBuffer<LineEvent> ring;
    private final BatchEventProcessor<LineEvent> processor;
    private final AccessLogBatchWriter batchWriter;
    private final Thread thread;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Starts the writer thread.
     *
     * @param threadName the writer thread's name
     * @param capacity ring slots (a power of two); lines beyond it while the writer is behind are dropped
     * @param console where console-handler lines go: {@code System.err}, which the JDK's {@code ConsoleHandler}
     *     writes to, in production
     */
    public AccessLogWriter(String threadName, int capacity, PrintStream console) {
        this(threadName, capacity, console, System::nanoTime);
    }

    /** As above, with the clock that paces drop reports and route refreshes (tests move it by hand). */
    AccessLogWriter(String threadName, int capacity, PrintStream console, LongSupplier nanoClock) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, got " + capacity);
        }
        this.ring = RingBuffer.createMultiProducer(
                LineEvent::new, capacity, new IdleParkWaitStrategy(MIN_PARK_NANOS, MAX_PARK_NANOS, IDLE_TIMEOUT_NANOS));
        this.batchWriter = new AccessLogBatchWriter(console, nanoClock, dropped, capacity);
        this.processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), batchWriter);
        ring.addGatingSequences(processor.getSequence());
        this.thread = NamedThreadFactory.single(threadName).newThread(processor);
        thread.start();
    }

    /** A destination for lines of the {@code java.util.logging} logger {@code loggerName}, for this writer only. */
    public AccessLogDestination destination(String loggerName) {
        return new AccessLogDestination(loggerName);
    }

    /**
     * Queues {@code line} for {@code destination} without blocking, stamped with the current time. The caller
     * checks {@link AccessLogDestination#isEnabled} first.
     *
     * @return false when the line was dropped: the ring is full (counted in {@link #droppedLines}) or this
     *     writer is closed (not counted)
     */
    public boolean offer(AccessLogDestination destination, String line) {
        // hot path: no allocation
        if (closed.get()) {
            return false;
        }
        long sequence;
        try {
            sequence = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            dropped.incrementAndGet();
            return false;
        }
        try {
            LineEvent event = ring.get(sequence);
            event.destination = destination;
            event.line = line;
            event.epochMillis = System.currentTimeMillis();
        } finally {
            ring.publish(sequence);
        }
        return true;
    }

    /** Lines dropped because the ring was full, since start. */
    public long droppedLines() {
        return dropped.get();
    }

    /** Lines written to the console or handed to handlers, since start (updated at the end of each batch). */
    public long linesWritten() {
        return batchWriter.linesWritten();
    }

    /** Whether the writer thread is alive (false once {@link #close} returned). */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /**
     * Writes every line offered before this call (lines offered concurrently with it may be dropped), reports
     * uncounted drops, then stops and joins the writer thread. Idempotent. Waits at most 10 s for the writer to
     * catch up (a console nobody reads can block it) and 5 s more for it to stop, then gives up with a warning.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        boolean interrupted = false;
        long target = ring.getCursor();
        long drainDeadline = System.nanoTime() + CLOSE_DRAIN_NANOS;
        while (processor.getSequence().get() < target && thread.isAlive() && System.nanoTime() - drainDeadline < 0) {
            LockSupport.unpark(thread); // cut the writer's idle park short
            LockSupport.parkNanos(this, TimeUnit.MICROSECONDS.toNanos(200));
            interrupted |= Thread.interrupted();
        }
        processor.halt();
        LockSupport.unpark(thread);
        long joinDeadline = System.nanoTime() + CLOSE_JOIN_NANOS;
        while (thread.isAlive()) {
            long left = joinDeadline - System.nanoTime();
            if (left <= 0) {
                LOG.log(Level.WARNING, "access log writer " + thread.getName() + " did not stop within 5 s");
                break;
            }
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A ring slot: written by one publisher, read and cleared by the writer thread (ordered by the ring). */
    static final class LineEvent {
        @Nullable
        AccessLogDestination destination;

        @Nullable
        String line;

        long epochMillis;

        void clear() {
            destination = null;
            line = null;
        }
    }
}
