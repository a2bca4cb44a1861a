package io.cairn.common.db;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorVararg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.cairn.common.concurrent.NamedThreadFactory;
import io.cairn.common.io.DeviceBusyException;
import io.cairn.common.io.DeviceExecutors;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Group append of DB row updates to the DB's {@code .pending} file, Swift's {@code put_record} done in
 * batches: callers on any thread {@link #submit} a row for a DB; one ring (LMAX Disruptor, one per server)
 * hands them to a single consumer that queues them per DB; each DB has at most one drain task at a time on
 * its device's executor (the single writer of that DB), which takes every row queued so far and appends them
 * with ONE write ({@link DatabaseBroker#appendPending}), then completes those futures (or fails them all with
 * the append's error). The drain folds the pending file into SQLite in one transaction ({@link
 * DatabaseBroker#commitPending}) when it grows past {@link PendingFile#PENDING_CAP}, and once {@code
 * foldDelay} after it went from empty to non-empty (one timer per DB at most, so rows reach SQLite soon even
 * when nobody reads; a failed fold is retried after the next append); readers fold before they read.
 *
 * <p>Durability: a future completes once its row reached the page cache (no fsync), exactly Swift's pending
 * file guarantee: a process crash loses nothing, an OS crash may lose rows not yet folded.
 *
 * <p>Thread-safe: {@link #submit} from any thread; the consumer thread owns the per-DB map; a {@code DbQueue}
 * is guarded by its own monitor; the fold timers run on one daemon scheduler thread and only hand the fold to
 * the DB's drain.
 *
 * @param <R> one row update of the DB type
 */
public final class GroupCommitWriter<R> implements AutoCloseable {
    private static final Logger LOG = System.getLogger(GroupCommitWriter.class.getName());

    private static final EventTranslatorVararg<Event> TRANSLATOR = (event, sequence, args) -> {
        event.device = (String) args[0];
        event.db = args[1];
        event.update = args[2];
        event.future = (CompletableFuture<?>) args[3];
    };

    private final Disruptor<Event> disruptor;
    private final RingBuffer<Event> ring;
    private final DeviceExecutors executors;
    private final int maxBatch;
    private final long foldDelayNanos;
    private final ScheduledExecutorService foldTimers;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong folds = new AtomicLong();
    private final AtomicLong foldFailures = new AtomicLong();

    /**
     * @param name thread name of the ring's consumer ({@code name + "-fold"} for the fold timers)
     * @param ringSize slots in the ring (power of two); a full ring rejects with {@link DeviceBusyException}
     * @param executors the device executors the writers run on
     * @param maxBatch most rows appended with one write
     * @param foldDelay how long after a DB's pending file became non-empty its rows are folded into SQLite;
     *     zero folds right after every append batch
     */
    public GroupCommitWriter(String name, int ringSize, DeviceExecutors executors, int maxBatch, Duration foldDelay) {
        if (Integer.bitCount(ringSize) != 1 || maxBatch < 1 || foldDelay.isNegative()) {
            throw new IllegalArgumentException("ringSize must be a power of two, maxBatch >= 1 and foldDelay >= 0, got "
                    + ringSize + ", " + maxBatch + ", " + foldDelay);
        }
        this.executors = executors;
        this.maxBatch = maxBatch;
        this.foldDelayNanos = foldDelay.toNanos();
        this.foldTimers = Executors.newSingleThreadScheduledExecutor(NamedThreadFactory.single(name + "-fold"));
        this.disruptor = new Disruptor<>(
                Event::new, ringSize, NamedThreadFactory.single(name), ProducerType.MULTI, new BlockingWaitStrategy());
        disruptor.handleEventsWith(new Consumer());
        this.ring = disruptor.start();
    }

    /**
     * Queues {@code row} for {@code db} on {@code device}; the future completes after the batch containing it
     * was appended to the DB's pending file (or folded into the DB). Fails at once with {@link
     * DeviceBusyException} when the ring is full.
     */
    public CompletableFuture<Void> submit(String device, DatabaseBroker<R> db, R row) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        if (!ring.tryPublishEvent(TRANSLATOR, device, db, row, future)) {
            future.completeExceptionally(new DeviceBusyException(device));
        }
        return future;
    }

    /** Append batches (one pending-file write each, or one transaction when over the cap) so far. */
    public long batchesAppended() {
        return batches.get();
    }

    /** Rows acknowledged so far (appended or, over the cap, folded with their batch). */
    public long rowsAppended() {
        return rows.get();
    }

    /** Folds of a pending file into SQLite this writer ran (deferred or over the cap); readers' folds excluded. */
    public long folds() {
        return folds.get();
    }

    /** Folds that failed (the rows stay in the pending file for the next fold or reader). */
    public long foldFailures() {
        return foldFailures.get();
    }

    /**
     * Stops the ring after the rows already published were handed to their writers, and drops the fold
     * timers: rows still in a pending file stay there until the next reader or writer folds them.
     */
    @Override
    public void close() {
        disruptor.shutdown();
        foldTimers.shutdownNow();
    }

    /** A ring slot; fields are written by the publisher and read by the consumer (Disruptor's barrier). */
    private static final class Event {
        @Nullable
        String device;

        @Nullable
        Object db;

        @Nullable
        Object update;

        @Nullable
        CompletableFuture<?> future;

        void clear() {
            device = null;
            db = null;
            update = null;
            future = null;
        }
    }

    /** The ring's single consumer: queues updates per DB and starts a drain at the end of each ring batch. */
    private final class Consumer implements EventHandler<Event> {
        private final Map<Object, DbQueue> queues = new HashMap<>();
        private final List<DbQueue> touched = new ArrayList<>();

        @Override
        @SuppressWarnings("unchecked")
        public void onEvent(Event event, long sequence, boolean endOfBatch) {
            Object db = event.db;
            String device = event.device;
            if (db != null && device != null && event.future != null && event.update != null) {
                DbQueue q = queues.computeIfAbsent(db, k -> new DbQueue((DatabaseBroker<R>) k, device));
                if (q.add((R) event.update, (CompletableFuture<Void>) event.future) && !touched.contains(q)) {
                    touched.add(q);
                }
            }
            event.clear();
            if (endOfBatch) {
                for (int i = 0; i < touched.size(); i++) {
                    touched.get(i).schedule();
                }
                touched.clear();
                if (queues.size() > 4096) {
                    queues.values().removeIf(DbQueue::idle);
                }
            }
        }
    }

    /**
     * The rows waiting for one DB, whether its writer is running, and its fold timer. Guarded by its monitor.
     * {@code foldArmed} is true from the moment a timer is set until the drain starts the fold (so at most
     * one timer per DB); {@code foldDue} is true from the timer's expiry until the drain takes the fold.
     */
    private final class DbQueue {
        private final DatabaseBroker<R> db;
        private final String device;
        private List<R> pending = new ArrayList<>();
        private List<CompletableFuture<Void>> waiters = new ArrayList<>();
        private boolean running;
        private boolean foldArmed;
        private boolean foldDue;

        DbQueue(DatabaseBroker<R> db, String device) {
            this.db = db;
            this.device = device;
        }

        /** Adds a row; returns true when no writer is running (the consumer must schedule one). */
        synchronized boolean add(R row, CompletableFuture<Void> future) {
            pending.add(row);
            waiters.add(future);
            return !running;
        }

        synchronized boolean idle() {
            return !running && pending.isEmpty() && !foldArmed;
        }

        void schedule() {
            synchronized (this) {
                if (running || (pending.isEmpty() && !foldDue)) {
                    return;
                }
                running = true;
            }
            try {
                executors.execute(device, this::drain);
            } catch (RuntimeException busy) {
                failAll(busy);
            }
        }

        /** The device refused the drain: fail the waiting rows; a due fold waits for another timer. */
        private void failAll(Throwable t) {
            List<CompletableFuture<Void>> failed;
            boolean rearm;
            synchronized (this) {
                failed = waiters;
                pending = new ArrayList<>();
                waiters = new ArrayList<>();
                running = false;
                rearm = foldDue;
                foldDue = false;
                foldArmed = false;
            }
            for (CompletableFuture<Void> f : failed) {
                f.completeExceptionally(t);
            }
            if (rearm) {
                armFold();
            }
        }

        /** Sets this DB's fold timer unless one is set already. */
        private void armFold() {
            synchronized (this) {
                if (foldArmed) {
                    return;
                }
                foldArmed = true;
            }
            try {
                foldTimers.schedule(this::foldTimerExpired, foldDelayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closed) {
                // the writer is closing: the pending file stays for the next reader
            }
        }

        private void foldTimerExpired() {
            synchronized (this) {
                foldDue = true;
            }
            schedule();
        }

        /** The single writer of this DB: a due fold first, then batch after batch until nothing is left. */
        private void drain() {
            while (true) {
                List<R> batch;
                List<CompletableFuture<Void>> batchWaiters;
                synchronized (this) {
                    if (foldDue) {
                        foldDue = false;
                        foldArmed = false;
                        batch = List.of();
                        batchWaiters = List.of();
                    } else if (pending.isEmpty()) {
                        running = false;
                        return;
                    } else {
                        int n = Math.min(maxBatch, pending.size());
                        batch = new ArrayList<>(pending.subList(0, n));
                        batchWaiters = new ArrayList<>(waiters.subList(0, n));
                        pending.subList(0, n).clear();
                        waiters.subList(0, n).clear();
                    }
                }
                if (batch.isEmpty()) {
                    fold();
                } else {
                    append(batch, batchWaiters);
                }
            }
        }

        private void append(List<R> batch, List<CompletableFuture<Void>> batchWaiters) {
            DatabaseBroker.PendingAppend appended;
            try {
                appended = db.appendPending(batch);
            } catch (Throwable t) {
                for (CompletableFuture<Void> f : batchWaiters) {
                    f.completeExceptionally(t);
                }
                return;
            }
            batches.incrementAndGet();
            rows.addAndGet(batch.size());
            for (CompletableFuture<Void> f : batchWaiters) {
                f.complete(null);
            }
            if (appended.overCap() || (foldDelayNanos == 0 && appended.sizeAfter() > 0)) {
                fold();
            } else if (appended.sizeAfter() > 0) {
                // normally a no-op but when this batch started the file; also re-arms after a failed fold
                armFold();
            }
        }

        private void fold() {
            try {
                db.commitPending();
                folds.incrementAndGet();
            } catch (Throwable t) {
                foldFailures.incrementAndGet();
                LOG.log(Level.WARNING, "fold of " + db.pendingFile() + " failed; the next reader retries", t);
            }
        }
    }
}
