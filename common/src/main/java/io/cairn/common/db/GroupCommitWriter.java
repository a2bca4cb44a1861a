package io.cairn.common.db;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorVararg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.cairn.common.io.DeviceBusyException;
import io.cairn.common.io.DeviceExecutors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Group commit of DB row updates: callers on any thread {@link #submit} an update for a DB; one ring
 * (LMAX Disruptor, one per server) hands them to a single consumer that queues them per DB; each DB has
 * at most one drain task at a time on its device's executor (the single writer of that DB), which
 * takes every update queued so far and applies them with {@link BatchApplier#apply} in ONE
 * transaction. A caller's future completes only after the transaction holding its update committed
 * (or fails with the batch's error). While one batch commits, the next one accumulates, so N
 * concurrent updates to one DB cost far fewer than N transactions.
 *
 * <p>Durability: Swift's {@code .pending} file is neither fsynced nor transactional; here an update is
 * acknowledged after SQLite's commit with {@code synchronous = NORMAL} and a rollback journal, which is
 * at least as durable.
 *
 * <p>Thread-safe: {@link #submit} from any thread; the consumer thread owns the per-DB map; a
 * {@code DbQueue} is guarded by its own monitor.
 *
 * @param <K> identifies a DB (e.g. its broker); equal keys share one queue and one writer
 * @param <U> one update
 */
public final class GroupCommitWriter<K, U> implements AutoCloseable {
    /** Applies a batch of updates to one DB in a single transaction; throws to fail the whole batch. */
    @FunctionalInterface
    public interface BatchApplier<K, U> {
        void apply(K db, List<@Nullable U> updates) throws Exception;
    }

    private static final EventTranslatorVararg<Event> TRANSLATOR = (event, sequence, args) -> {
        event.device = (String) args[0];
        event.db = args[1];
        event.update = args[2];
        event.future = (CompletableFuture<?>) args[3];
    };

    private final Disruptor<Event> disruptor;
    private final RingBuffer<Event> ring;
    private final DeviceExecutors executors;
    private final BatchApplier<K, U> applier;
    private final int maxBatch;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong updates = new AtomicLong();

    /**
     * @param name thread name of the ring's consumer
     * @param ringSize slots in the ring (power of two); a full ring rejects with {@link DeviceBusyException}
     * @param executors the device executors the writers run on
     * @param maxBatch most updates applied in one transaction
     * @param applier applies a batch to one DB
     */
    public GroupCommitWriter(
            String name, int ringSize, DeviceExecutors executors, int maxBatch, BatchApplier<K, U> applier) {
        if (Integer.bitCount(ringSize) != 1 || maxBatch < 1) {
            throw new IllegalArgumentException("ringSize must be a power of two and maxBatch >= 1");
        }
        this.executors = executors;
        this.applier = applier;
        this.maxBatch = maxBatch;
        this.disruptor = new Disruptor<>(
                Event::new,
                ringSize,
                r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    return t;
                },
                ProducerType.MULTI,
                new BlockingWaitStrategy());
        disruptor.handleEventsWith(new Consumer());
        this.ring = disruptor.start();
    }

    /**
     * Queues {@code update} for {@code db} on {@code device}; the future completes after the batch
     * containing it committed. Fails at once with {@link DeviceBusyException} when the ring is full.
     */
    public CompletableFuture<Void> submit(String device, K db, U update) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        if (!ring.tryPublishEvent(TRANSLATOR, device, db, update, future)) {
            future.completeExceptionally(new DeviceBusyException(device));
        }
        return future;
    }

    /** Transactions (batches) committed so far. */
    public long batchesCommitted() {
        return batches.get();
    }

    /** Updates committed so far. */
    public long updatesCommitted() {
        return updates.get();
    }

    /** Stops the ring after the updates already published were handed to their writers. */
    @Override
    public void close() {
        disruptor.shutdown();
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
            if (db != null && device != null && event.future != null) {
                DbQueue q = queues.computeIfAbsent(db, k -> new DbQueue((K) k, device));
                if (q.add((U) event.update, (CompletableFuture<Void>) event.future) && !touched.contains(q)) {
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

    /** The updates waiting for one DB, and whether its writer is running. Guarded by its monitor. */
    private final class DbQueue {
        private final K db;
        private final String device;
        private List<@Nullable U> pending = new ArrayList<>();
        private List<CompletableFuture<Void>> waiters = new ArrayList<>();
        private boolean running;

        DbQueue(K db, String device) {
            this.db = db;
            this.device = device;
        }

        /** Adds an update; returns true when no writer is running (the consumer must schedule one). */
        synchronized boolean add(@Nullable U update, CompletableFuture<Void> future) {
            pending.add(update);
            waiters.add(future);
            return !running;
        }

        synchronized boolean idle() {
            return !running && pending.isEmpty();
        }

        void schedule() {
            synchronized (this) {
                if (running || pending.isEmpty()) {
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

        private void failAll(Throwable t) {
            List<CompletableFuture<Void>> failed;
            synchronized (this) {
                failed = waiters;
                pending = new ArrayList<>();
                waiters = new ArrayList<>();
                running = false;
            }
            for (CompletableFuture<Void> f : failed) {
                f.completeExceptionally(t);
            }
        }

        /** The single writer of this DB: commits batch after batch until nothing is left. */
        private void drain() {
            while (true) {
                List<@Nullable U> batch;
                List<CompletableFuture<Void>> batchWaiters;
                synchronized (this) {
                    if (pending.isEmpty()) {
                        running = false;
                        return;
                    }
                    int n = Math.min(maxBatch, pending.size());
                    batch = new ArrayList<>(pending.subList(0, n));
                    batchWaiters = new ArrayList<>(waiters.subList(0, n));
                    pending.subList(0, n).clear();
                    waiters.subList(0, n).clear();
                }
                Throwable failure = null;
                try {
                    applier.apply(db, batch);
                    batches.incrementAndGet();
                    updates.addAndGet(batch.size());
                } catch (Throwable t) {
                    failure = t;
                }
                for (CompletableFuture<Void> f : batchWaiters) {
                    if (failure == null) {
                        f.complete(null);
                    } else {
                        f.completeExceptionally(failure);
                    }
                }
            }
        }
    }
}
