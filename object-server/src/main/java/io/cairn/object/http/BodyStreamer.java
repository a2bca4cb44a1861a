package io.cairn.object.http;

import io.cairn.object.diskfile.BodyVerifier;
import io.cairn.object.diskfile.DiskFileReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.EOFException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Streams a response body made of literal bytes and body ranges read through
 * {@link DiskFileReader#read} on the device executor, one chunk in flight at a time: the next chunk is
 * read only when the previous one was written and the channel is writable, so a slow client never
 * makes the server buffer a whole object. Used for multi-range GETs and bodies that are not in a file.
 *
 * <p>Confined to the channel's event loop (reads run on the device executor). Owns the reader and closes
 * it at the end or on failure; each chunk buffer is written (Netty releases it) or released here.
 */
final class BodyStreamer {
    private static final System.Logger LOG = System.getLogger(BodyStreamer.class.getName());
    static final int CHUNK = 64 * 1024;

    /** A literal byte run or a body range {@code [start, end)}. Immutable (the literal is not copied). */
    static final class Segment {
        private final byte @Nullable [] literal;
        private final long start;
        private final long end;

        private Segment(byte @Nullable [] literal, long start, long end) {
            this.literal = literal;
            this.start = start;
            this.end = end;
        }

        static Segment literal(byte[] bytes) {
            return new Segment(bytes, 0, 0);
        }

        static Segment file(long start, long end) {
            return new Segment(null, start, end);
        }

        byte @Nullable [] literal() {
            return literal;
        }

        long start() {
            return start;
        }

        long end() {
            return end;
        }
    }

    private final Exchange exchange;
    private final DiskFileReader reader;
    private final List<Segment> segments;
    private final @Nullable BodyVerifier verifier;
    private int index;
    private long position;
    private boolean positioned;

    BodyStreamer(Exchange exchange, DiskFileReader reader, List<Segment> segments) {
        this(exchange, reader, segments, null);
    }

    /**
     * @param verifier when not null, every body chunk is hashed as it is read and the verification runs
     *     on the device before the last chunk is handed to the channel: a corrupt object is quarantined and
     *     the connection closed without that chunk, so the client never receives a complete corrupt body.
     *     The segments must then be exactly the whole body, in order.
     */
    BodyStreamer(Exchange exchange, DiskFileReader reader, List<Segment> segments, @Nullable BodyVerifier verifier) {
        this.exchange = exchange;
        this.reader = reader;
        this.segments = segments;
        this.verifier = verifier;
    }

    void start() {
        next();
    }

    private void next() {
        if (!exchange.ctx().channel().isActive()) {
            finish(false);
            return;
        }
        if (index == segments.size()) {
            exchange.streamed(exchange.ctx().writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
            finish(true);
            return;
        }
        Segment s = segments.get(index);
        byte[] literal = s.literal();
        if (literal != null) {
            index++;
            writeThenNext(Unpooled.wrappedBuffer(literal));
            return;
        }
        if (!positioned) {
            position = s.start();
            positioned = true;
        }
        int n = (int) Math.min(CHUNK, s.end() - position);
        if (n <= 0) {
            index++;
            positioned = false;
            next();
            return;
        }
        long at = position;
        boolean last = at + n == s.end() && index == segments.size() - 1;
        exchange.onDevice(() -> readChunk(at, n, last), (ByteBuf chunk, Throwable failure) -> {
            if (chunk == null) {
                if (failure != null) {
                    LOG.log(Level.WARNING, exchange.referer() + ": body cut short: " + ErrorMapping.unwrap(failure));
                }
                exchange.ctx().close();
                finish(false);
                return;
            }
            position += n;
            writeThenNext(chunk);
        });
    }

    /**
     * Reads exactly {@code n} bytes at {@code at}; with a verifier, hashes them and, for the last chunk,
     * verifies the whole body (quarantining a corrupt object). The buffer is released if anything fails.
     */
    private ByteBuf readChunk(long at, int n, boolean last) throws java.io.IOException {
        ByteBuf buf = exchange.ctx().alloc().buffer(n);
        boolean ok = false;
        try {
            ByteBuffer nio = buf.nioBuffer(0, n);
            long pos = at;
            while (nio.hasRemaining()) {
                int read = reader.read(nio, pos);
                if (read < 0) {
                    throw new EOFException("object body ended at " + pos + ", expected " + (at + n));
                }
                pos += read;
            }
            buf.writerIndex(n);
            BodyVerifier v = verifier;
            if (v != null) {
                v.update(buf);
                if (last) {
                    v.verify();
                }
            }
            ok = true;
            return buf;
        } finally {
            if (!ok) {
                buf.release();
            }
        }
    }

    private void writeThenNext(ByteBuf chunk) {
        exchange.ctx().writeAndFlush(new DefaultHttpContent(chunk)).addListener(f -> {
            if (!f.isSuccess()) {
                finish(false);
            } else if (exchange.ctx().channel().isWritable()) {
                next();
            } else {
                WritabilityWaiter.whenWritable(exchange.ctx(), this::next);
            }
        });
    }

    private boolean finished;

    private void finish(boolean complete) {
        if (finished) {
            return;
        }
        finished = true;
        if (!complete) {
            exchange.ctx().close();
        }
        ReadSupport.closeQuietly(reader);
    }
}
