package io.cairn.common.log;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * A handler that keeps every record it is given and counts flushes; a record whose message starts with
 * {@code "block"} makes {@code publish} wait until {@link #release} (after counting down {@link #entered}), so a
 * test can hold the writer thread while it fills the queue.
 */
final class CapturingHandler extends Handler {
    private final List<LogRecord> records = new ArrayList<>();
    final AtomicInteger flushes = new AtomicInteger();
    volatile CountDownLatch entered = new CountDownLatch(1);
    volatile CountDownLatch release = new CountDownLatch(0);

    @Override
    public void publish(LogRecord r) {
        if (r.getMessage().startsWith("block")) {
            entered.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("test never released the writer");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (records) {
            records.add(r);
        }
    }

    /** The next "block" record waits until {@link #release} is counted down. */
    void blockNext() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    void awaitBlocked() throws InterruptedException {
        if (!entered.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the writer never reached the blocking record");
        }
    }

    void unblock() {
        release.countDown();
    }

    List<LogRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    List<String> messages() {
        List<String> out = new ArrayList<>();
        for (LogRecord r : records()) {
            out.add(r.getMessage());
        }
        return out;
    }

    @Override
    public void flush() {
        flushes.incrementAndGet();
    }

    @Override
    public void close() {}
}
