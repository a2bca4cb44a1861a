package io.cairn.bench.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.util.AsciiString;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

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
    private final ConcurrentHashMap<Long, AsciiString> hashes = new ConcurrentHashMap<>();

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

    /**
     * The lower-case hex SHA-256 of a body of {@code length} bytes as {@link #chunk} sends it (the buffer repeated),
     * computed once per length and then reused: S3 PUTs with a signed payload carry it, so the generator hashes a body
     * size once, not every body. Thread-safe.
     */
    public AsciiString sha256Hex(long length) {
        AsciiString cached = hashes.get(length);
        if (cached != null) {
            return cached;
        }
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        for (long offset = 0; offset < length; offset += chunkSize()) {
            int n = (int) Math.min(chunkSize(), length - offset);
            sha256.update(data.nioBuffer(0, n));
        }
        StringBuilder hex = new StringBuilder(64);
        for (byte b : sha256.digest()) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        AsciiString value = new AsciiString(hex);
        AsciiString raced = hashes.putIfAbsent(length, value);
        return raced != null ? raced : value;
    }

    @Override
    public void close() {
        if (data.refCnt() > 0) {
            data.release();
        }
    }
}
