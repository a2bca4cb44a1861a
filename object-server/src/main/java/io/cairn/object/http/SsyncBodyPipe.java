package io.cairn.object.http;

import io.cairn.object.ssync.SsyncInput;
import io.cairn.object.ssync.SsyncReadException;
import io.cairn.object.ssync.SsyncTimeoutException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Hands an SSYNC request body from the event loop to the receiver thread: the event loop {@link #offer}s
 * body chunks (ownership passes to the pipe), the receiver reads lines and body bytes, blocking up to
 * {@code client_timeout}. Back-pressure: above {@link #HIGH_WATER} queued bytes the channel stops reading
 * ({@code autoRead} off) until the receiver has drained below {@link #LOW_WATER}, so a PUT body streams to
 * the disk writer without piling up in memory.
 *
 * <p>Thread-safety: one producer (the event loop) and one consumer (the receiver thread), guarded by a
 * lock. Buffers left at {@link #close} are released.
 */
final class SsyncBodyPipe implements SsyncInput {
    static final int HIGH_WATER = 1 << 20;
    static final int LOW_WATER = 256 << 10;

    private final ChannelHandlerContext ctx;
    private final Duration timeout;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean ended;
    private @Nullable String failure;
    private boolean paused;

    SsyncBodyPipe(ChannelHandlerContext ctx, Duration timeout) {
        this.ctx = ctx;
        this.timeout = timeout;
    }

    /** Event loop: a body chunk; the pipe owns it now. */
    void offer(ByteBuf chunk, boolean last) {
        lock.lock();
        try {
            if (ended || failure != null) {
                chunk.release();
                return;
            }
            if (chunk.isReadable()) {
                queue.addLast(chunk);
                queuedBytes += chunk.readableBytes();
            } else {
                chunk.release();
            }
            ended = last;
            if (queuedBytes > HIGH_WATER && !paused) {
                paused = true;
                ctx.channel().config().setAutoRead(false);
            }
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Any thread: the connection failed or closed; waiting reads fail, queued buffers are released. */
    void fail(String why) {
        lock.lock();
        try {
            if (failure == null && !ended) {
                failure = why;
            }
            releaseQueued();
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Receiver done: releases what is left. */
    void close() {
        lock.lock();
        try {
            if (!ended && failure == null) {
                failure = "closed";
            }
            releaseQueued();
        } finally {
            lock.unlock();
        }
    }

    private void releaseQueued() {
        while (!queue.isEmpty()) {
            queue.pollFirst().release();
        }
        queuedBytes = 0;
    }

    /** Waits for data; null at the end of the body. The caller holds the lock. */
    private @Nullable ByteBuf first(String context) throws IOException {
        long nanos = timeout.toNanos();
        while (queue.isEmpty()) {
            if (failure != null) {
                throw new SsyncReadException(context + ": " + failure);
            }
            if (ended) {
                return null;
            }
            if (nanos <= 0) {
                throw new SsyncTimeoutException(timeout.toNanos() / 1e9, context);
            }
            try {
                nanos = readable.awaitNanos(nanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SsyncReadException(context + ": interrupted");
            }
        }
        return queue.peekFirst();
    }

    private void consumed(ByteBuf head, int n) {
        queuedBytes -= n;
        if (!head.isReadable()) {
            queue.pollFirst().release();
        }
        if (paused && queuedBytes < LOW_WATER) {
            paused = false;
            ctx.channel().eventLoop().execute(() -> {
                ctx.channel().config().setAutoRead(true);
                ctx.read();
            });
        }
    }

    @Override
    public byte[] readLine(int max, String context) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        lock.lock();
        try {
            while (line.size() < max) {
                ByteBuf head = first(context);
                if (head == null) {
                    break;
                }
                int start = head.readerIndex();
                int limit = Math.min(head.readableBytes(), max - line.size());
                int nl = head.indexOf(start, start + limit, (byte) '\n');
                int n = nl < 0 ? limit : nl - start + 1;
                byte[] part = new byte[n];
                head.readBytes(part);
                line.write(part, 0, n);
                consumed(head, n);
                if (nl >= 0) {
                    break;
                }
            }
        } finally {
            lock.unlock();
        }
        return line.toByteArray();
    }

    @Override
    public @Nullable ByteBuf read(int max, String context) throws IOException {
        lock.lock();
        try {
            ByteBuf head = first(context);
            if (head == null) {
                return null;
            }
            int n = Math.min(max, head.readableBytes());
            ByteBuf out = head.readRetainedSlice(n);
            consumed(head, n);
            return out;
        } finally {
            lock.unlock();
        }
    }
}
