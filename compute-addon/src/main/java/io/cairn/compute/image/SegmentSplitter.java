package io.cairn.compute.image;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Cuts a byte stream into consecutive segments of {@code segmentSize} bytes (the last may be shorter) without
 * copying: a buffer that straddles a boundary becomes two retained slices. Each segment is a {@link Flux} the
 * caller consumes in order (one PUT each); at most a few buffers wait between them.
 */
final class SegmentSplitter {
    private static final int PREFETCH = 16;

    private final long segmentSize;
    private long position;

    private SegmentSplitter(long segmentSize) {
        if (segmentSize <= 0) {
            throw new IllegalArgumentException("segment size must be positive, got " + segmentSize);
        }
        this.segmentSize = segmentSize;
    }

    /** A buffer and whether it opens a new segment. */
    private record Piece(ByteBuf buf, boolean startsSegment) {}

    static Flux<Flux<ByteBuf>> split(Flux<ByteBuf> data, long segmentSize) {
        SegmentSplitter s = new SegmentSplitter(segmentSize);
        return data.concatMapIterable(s::cut)
                .doOnDiscard(Piece.class, p -> ReferenceCountUtil.safeRelease(p.buf()))
                .windowUntil(Piece::startsSegment, true, PREFETCH)
                .map(window -> window.map(Piece::buf));
    }

    private List<Piece> cut(ByteBuf buf) {
        List<Piece> pieces = new ArrayList<>(2);
        int offset = buf.readerIndex();
        int remaining = buf.readableBytes();
        if (remaining == 0) {
            buf.release();
            return pieces;
        }
        while (remaining > 0) {
            long intoSegment = position % segmentSize;
            boolean starts = intoSegment == 0 && position > 0;
            int n = (int) Math.min(remaining, segmentSize - intoSegment);
            pieces.add(new Piece(buf.retainedSlice(offset, n), starts));
            offset += n;
            remaining -= n;
            position += n;
        }
        buf.release();
        return pieces;
    }
}
