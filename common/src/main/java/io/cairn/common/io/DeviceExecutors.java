package io.cairn.common.io;

import io.cairn.common.concurrent.NamedThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One small bounded thread pool per device: every blocking disk operation (open, read, write, fsync,
 * xattr, listdir, rename, SQLite) of a device runs on that device's pool, so one slow or failing disk
 * never stalls the event loops or the other devices. A full queue rejects at once with
 * {@link DeviceBusyException} (the caller answers 503 for that device only).
 *
 * <p>Thread-safe: pools are created on first use of a device name.
 */
public final class DeviceExecutors implements AutoCloseable {
    private final int threadsPerDevice;
    private final int queuePerDevice;
    private final String namePrefix;
    private final Map<String, ThreadPoolExecutor> pools = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param threadsPerDevice worker threads per device (Swift's eventlet tpool has 20 per process; a few
     *     per device keep a disk busy without thrashing it)
     * @param queuePerDevice queued operations per device before rejecting
     * @param namePrefix thread name prefix, e.g. {@code object}
     */
    public DeviceExecutors(int threadsPerDevice, int queuePerDevice, String namePrefix) {
        if (threadsPerDevice < 1 || queuePerDevice < 1) {
            throw new IllegalArgumentException(
                    "threads and queue per device must be >= 1, got " + threadsPerDevice + " and " + queuePerDevice);
        }
        this.threadsPerDevice = threadsPerDevice;
        this.queuePerDevice = queuePerDevice;
        this.namePrefix = namePrefix;
    }

    /**
     * Runs {@code task} on {@code device}'s pool. The future fails with {@link DeviceBusyException} when
     * the device's queue is full, or with whatever the task threw.
     */
    public <T> CompletableFuture<T> submit(String device, Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            pool(device).execute(() -> {
                try {
                    result.complete(task.call());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(closed ? e : new DeviceBusyException(device));
        }
        return result;
    }

    /** Runs {@code task} on {@code device}'s pool; throws {@link DeviceBusyException} when full. */
    public void execute(String device, Runnable task) {
        try {
            pool(device).execute(task);
        } catch (RejectedExecutionException e) {
            if (closed) {
                throw e;
            }
            throw new DeviceBusyException(device);
        }
    }

    /** Operations queued (not yet running) for {@code device}. */
    public int queued(String device) {
        ThreadPoolExecutor pool = pools.get(device);
        return pool == null ? 0 : pool.getQueue().size();
    }

    private ThreadPoolExecutor pool(String device) {
        if (closed) {
            throw new RejectedExecutionException("device executors are closed");
        }
        return pools.computeIfAbsent(device, this::newPool);
    }

    private ThreadPoolExecutor newPool(String device) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threadsPerDevice,
                threadsPerDevice,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queuePerDevice),
                NamedThreadFactory.numbered(namePrefix + "-" + device),
                new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Stops every pool: running operations finish (bounded wait), queued ones are dropped. */
    @Override
    public void close() {
        closed = true;
        List<ThreadPoolExecutor> all = new ArrayList<>(pools.values());
        for (ThreadPoolExecutor pool : all) {
            pool.shutdown();
        }
        for (ThreadPoolExecutor pool : all) {
            try {
                if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
