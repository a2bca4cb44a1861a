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
 * Streams a response body made of literal bytes and body ranges read through {@link DiskFileReader#read}
 * on the device executor, reading ahead: while chunk n is being written on the event loop, chunk n+1 is
 * read (and hashed) on the device, so the disk and the socket work at the same time instead of taking
 * turns. Back-pressure stays: at most {@link #MAX_BUFFERED_CHUNKS} chunks are held per response (one
 * being read plus those handed to the channel and not yet written to the socket), and no read starts
 * while the channel is not writable, so a slow client never makes the server buffer a whole object. Used
 * for whole bodies above {@code etag_validate_max_bytes} (with a {@link BodyVerifier}), multi-range GETs
 * and bodies that are not in a file.
 *
 * <p>At most one read is in flight: the device task for a chunk is submitted from the event loop after
 * the previous chunk's task completed, so every task happens-after the previous one (the reader and the
 * verifier are not thread-safe) and chunks are hashed in body order.
 *
 * <p>Confined to the channel's event loop (reads run on the device executor). Owns the reader and closes
 * it at the end or on failure, never while a read is in flight; each chunk buffer is written (Netty
 * releases it) or released here.
 */
final class BodyStreamer {
    private static final System.Logger LOG = System.getLogger(BodyStreamer.class.getName());
    /** Chunks one response may hold at once: the one being read plus those queued on the channel. */
    static final int MAX_BUFFERED_CHUNKS = 3;

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
    private final int chunkSize;
    /** The segment being sent and, for a body range, the next body byte to read. */
    private int index;

    private long position;
    private boolean positioned;
    /** A device read is running; its chunk is not yet handed to the channel. */
    private boolean reading;
    /** Chunks handed to the channel whose write has not completed (still in Netty's outbound buffer). */
    private int queued;
    /** A {@link WritabilityWaiter} is installed. */
    private boolean waitingForWritable;

    private boolean finished;

    BodyStreamer(Exchange exchange, DiskFileReader reader, List<Segment> segments, int chunkSize) {
        this(exchange, reader, segments, chunkSize, null);
    }

    /**
     * @param chunkSize body bytes read at once ({@code disk_chunk_size})
     * @param verifier when not null, every body chunk is hashed as it is read and the verification runs
     *     on the device before the last chunk is handed to the channel: a corrupt object is quarantined and
     *     the connection closed without that chunk, so the client never receives a complete corrupt body.
     *     The segments must then be exactly the whole body, in order.
     */
    BodyStreamer(
            Exchange exchange,
            DiskFileReader reader,
            List<Segment> segments,
            int chunkSize,
            @Nullable BodyVerifier verifier) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be positive, not " + chunkSize);
        }
        this.exchange = exchange;
        this.reader = reader;
        this.segments = segments;
        this.chunkSize = chunkSize;
        this.verifier = verifier;
    }

    void start() {
        pump();
        exchange.ctx().flush();
    }

    /**
     * Moves the response forward as far as the budget allows: writes literal segments, starts the next
     * chunk read, or ends the response once everything was read. Writes without flushing: callers flush.
     */
    private void pump() {
        while (!finished && !reading) {
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
                writeLiteral(literal);
                continue;
            }
            if (!positioned) {
                position = s.start();
                positioned = true;
            }
            int n = (int) Math.min(chunkSize, s.end() - position);
            if (n <= 0) {
                index++;
                positioned = false;
                continue;
            }
            if (queued >= MAX_BUFFERED_CHUNKS - 1) {
                return; // the budget is full: a chunk's write completion calls pump again
            }
            if (!exchange.ctx().channel().isWritable()) {
                awaitWritable();
                return;
            }
            readNext(n, s);
        }
    }

    private void readNext(int n, Segment s) {
        long at = position;
        boolean last = at + n == s.end() && index == segments.size() - 1;
        position += n;
        reading = true;
        exchange.onDevice(() -> readChunk(at, n, last), this::chunkRead);
    }

    private void chunkRead(@Nullable ByteBuf chunk, @Nullable Throwable failure) {
        reading = false;
        if (finished) {
            // the response was abandoned while this chunk was read: finish left the reader to us
            if (chunk != null) {
                chunk.release();
            }
            ReadSupport.closeQuietly(reader);
            return;
        }
        if (chunk == null) {
            if (failure != null) {
                LOG.log(Level.WARNING, exchange.referer() + ": body cut short: " + ErrorMapping.unwrap(failure));
            }
            finish(false);
            return;
        }
        // queue this chunk, start reading the next one, then let the socket take them
        queue(chunk);
        pump();
        exchange.ctx().flush();
    }

    /** Hands {@code chunk} to the channel (unflushed); its completion frees a place in the budget. */
    private void queue(ByteBuf chunk) {
        queued++;
        exchange.ctx().write(new DefaultHttpContent(chunk)).addListener(f -> {
            queued--;
            if (!f.isSuccess()) {
                finish(false);
            } else {
                pump();
                exchange.ctx().flush();
            }
        });
    }

    /** Hands a literal segment (a multipart boundary, a few bytes) to the channel, outside the budget. */
    private void writeLiteral(byte[] literal) {
        exchange.ctx()
                .write(new DefaultHttpContent(Unpooled.wrappedBuffer(literal)))
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        finish(false);
                    }
                });
    }

    private void awaitWritable() {
        if (waitingForWritable) {
            return;
        }
        waitingForWritable = true;
        WritabilityWaiter.whenWritable(exchange.ctx(), () -> {
            waitingForWritable = false;
            pump();
            exchange.ctx().flush();
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

    /**
     * Ends the response: a complete one closes the reader; an incomplete one closes the connection (the
     * client sees fewer bytes than Content-Length) and closes the reader unless a read is in flight, in
     * which case {@link #chunkRead} closes it when the read returns.
     */
    private void finish(boolean complete) {
        if (finished) {
            return;
        }
        finished = true;
        if (!complete) {
            exchange.ctx().close();
        }
        if (!reading) {
            ReadSupport.closeQuietly(reader);
        }
    }
}
