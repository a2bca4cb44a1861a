package io.cairn.bench.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import java.util.SplittableRandom;

/**
 * The request body of every PUT: one direct buffer of random bytes (at most 1 MiB), filled once and sent as
 * slices, so a body of any size costs a few small wrapper objects and no copy in the generator. Thread-safe after
 * construction (slices are independent views); {@link #close} frees the memory once the run is over.
 */
public final class PayloadBuffer implements AutoCloseable {
    /** Largest slice; bodies larger than this repeat the buffer. */
    public static final int MAX_CHUNK = 1 << 20;

    private final ByteBuf data;
    private final ByteBuf shared;

    /** A buffer big enough for chunks of {@code min(maxObjectSize, 1 MiB)} bytes; {@code seed} fixes the content. */
    public PayloadBuffer(long maxObjectSize, long seed) {
        int size = (int) Math.max(1, Math.min(maxObjectSize, MAX_CHUNK));
        byte[] bytes = new byte[size];
        new SplittableRandom(seed).nextBytes(bytes);
        this.data = Unpooled.directBuffer(size, size).writeBytes(bytes);
        // slices of an unreleasable buffer: Netty's release after each write is a no-op, close() frees the memory
        this.shared = Unpooled.unreleasableBuffer(data);
    }

    /** The chunk size: every chunk but the last of a body is this long. */
    public int chunkSize() {
        return data.capacity();
    }

    /**
     * The body content that starts at {@code offset} of a body of {@code length} bytes: at most {@link #chunkSize}
     * bytes; the last chunk is a {@code LastHttpContent}.
     */
    public HttpContent chunk(long offset, long length) {
        int n = (int) Math.min(chunkSize(), length - offset);
        ByteBuf slice = shared.slice(0, n);
        return offset + n >= length ? new DefaultLastHttpContent(slice) : new DefaultHttpContent(slice);
    }

    @Override
    public void close() {
        if (data.refCnt() > 0) {
            data.release();
        }
    }
}
