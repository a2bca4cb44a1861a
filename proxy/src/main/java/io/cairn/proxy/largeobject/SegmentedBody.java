package io.cairn.proxy.largeobject;

import io.cairn.common.http.CairnBackendHeaders;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.ResponseSink;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The body of a large object (Swift's {@code SegmentedIterable}): the pieces of a {@link SegmentListing}
 * streamed into an exchange's answer in order, each object segment read by a GET subrequest ({@code
 * ?multipart-manifest=get}, the client's token, a {@code Range} for part of it) through the application
 * below the filter, so the requesting user's ACLs apply to every segment container. Buffers pass to the
 * client untouched and the segment's source is paused while the client is unwritable (back-pressure through
 * the subrequest's sink).
 *
 * <p>One segment is relayed at a time, but the next one is asked for shortly before the current one ends (Swift
 * asks only after): its answer waits, paused after its first chunk, until its turn, so the round trip to the
 * next object server overlaps the end of the current segment instead of stalling the client at every segment
 * boundary (measured: 3-5 ms each on a quiet SAIO, 1.5 GB/s). "Shortly" is judged by the pace the client takes
 * the current segment at ({@link #readAheadNow}), so a slow client does not leave an early read idle long enough
 * for its object server's {@code client_timeout} to let it go; an early read that still waited longer than the
 * proxy's {@code node_timeout}, or broke off while it waited, is dropped and asked again at its turn. Its answer
 * is judged only at its turn, so what the client sees is what Swift's order of reads would give.
 *
 * <p>As {@code validate_first_segment}, the answer's head is sent only once the first segment answered
 * well: a first segment that is missing or changed makes the answer a 409 (503 for a server error). A later
 * segment that is missing, answers with another ETag or size than the manifest says, or whose bytes do not
 * hash to its ETag (checked for whole segments) aborts the connection: the client sees a short body.
 *
 * <p>Confined to the exchange's event loop.
 */
final class SegmentedBody {
    /** The most bytes before the current segment's end at which the next one is asked for. */
    static final long READ_AHEAD_BYTES = 16L << 20;
    /** The longest the client is expected to take for the rest of the segment when the next one is asked for. */
    static final long READ_AHEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /** Segments this short are read ahead as soon as they answer (their pace cannot be judged yet). */
    static final long SHORT_SEGMENT_BYTES = 1 << 20;

    private final Exchange exchange;
    private final SwiftApp app;
    private final SegmentListing listing;
    private final HttpHeaders subrequestHeaders;
    private final SegmentPacing.Pacer pacer;
    private final long maxAheadWaitNanos;
    private @Nullable HttpResponse head;
    private long remaining;
    private boolean over;
    /** The segment being relayed; null between pieces. */
    private @Nullable SegmentRead relaying;
    /** The next segment, asked for early and waiting for its turn. */
    private @Nullable SegmentRead ahead;
    /** A listing call is under way. */
    private boolean listingBusy;
    /** The piece after {@link #relaying} when it is not a segment read early (bytes, or the end). */
    private boolean pieceWaiting;

    private SegmentListing.@Nullable Piece waitingPiece;
    /** The listing failed while reading ahead: the status it failed with, reported at its turn; 0 for none. */
    private int listingFailure;

    /**
     * @param head the answer's head, sent when the first segment answers well
     * @param bodyLength the bytes the answer promises (more is an error, as Swift's {@code
     *     response_body_length}); -1 when not known
     */
    SegmentedBody(
            Exchange exchange,
            SwiftApp app,
            SegmentListing listing,
            HttpResponse head,
            long bodyLength,
            SegmentPacing.Pacer pacer) {
        this.pacer = pacer;
        this.exchange = exchange;
        this.app = app;
        this.listing = listing;
        this.head = head;
        this.remaining = bodyLength;
        this.subrequestHeaders = LargeObjects.subrequestHeaders(exchange.headers());
        this.maxAheadWaitNanos = exchange.services().config().nodeTimeout().toNanos();
    }

    /**
     * Whether the next segment should be asked for now: the current one has {@code remaining} bytes to go after
     * {@code relayed} bytes in {@code elapsedNanos}, and at that pace the rest takes at most {@link
     * #READ_AHEAD_NANOS} (and is at most {@link #READ_AHEAD_BYTES}).
     */
    static boolean readAheadNow(long remaining, long relayed, long elapsedNanos) {
        if (remaining > READ_AHEAD_BYTES || relayed <= 0) {
            return false;
        }
        return (double) remaining * Math.max(elapsedNanos, 1) / relayed <= READ_AHEAD_NANOS;
    }

    /** Starts streaming. */
    void start() {
        askListing();
    }

    /** Asks the listing for the next piece; what comes back is used now, or kept for when the current read ends. */
    private void askListing() {
        if (over || listingBusy) {
            return;
        }
        listingBusy = true;
        listing.next(new SegmentListing.Callback() {
            @Override
            public void piece(SegmentListing.@Nullable Piece piece) {
                listingBusy = false;
                onPiece(piece);
            }

            @Override
            public void failed(int status, String why) {
                listingBusy = false;
                if (relaying != null) {
                    listingFailure = status;
                } else {
                    fail(status);
                }
            }
        });
    }

    private void onPiece(SegmentListing.@Nullable Piece piece) {
        if (over) {
            return;
        }
        if (piece instanceof SegmentListing.Segment s) {
            SegmentRead read = new SegmentRead(s, relaying == null);
            if (relaying == null) {
                relaying = read;
            } else {
                ahead = read;
            }
            long length = s.last() >= 0 ? s.last() - s.first() + 1 : s.size() >= 0 ? s.size() - s.first() : -1;
            Duration wait = pacer.beforeSegment(length);
            if (wait.isZero()) {
                read.fetch();
            } else {
                exchange.eventLoop().schedule(read::fetch, wait.toNanos(), TimeUnit.NANOSECONDS);
            }
            return;
        }
        if (relaying != null) {
            waitingPiece = piece;
            pieceWaiting = true;
            return;
        }
        if (piece == null) {
            sendHead();
            over = true;
            exchange.endResponse(LastHttpContent.EMPTY_LAST_CONTENT);
            return;
        }
        sendHead();
        write(Unpooled.wrappedBuffer(((SegmentListing.Bytes) piece).bytes()));
        askListing();
    }

    /** The relayed segment ended well: the next piece takes its turn. */
    private void segmentEnded() {
        relaying = null;
        if (listingFailure != 0) {
            fail(listingFailure);
            return;
        }
        SegmentRead next = ahead;
        if (next != null) {
            ahead = null;
            relaying = next;
            next.takeTurn();
        } else if (pieceWaiting) {
            pieceWaiting = false;
            SegmentListing.Piece p = waitingPiece;
            waitingPiece = null;
            onPiece(p);
        } else {
            askListing();
        }
    }

    private void sendHead() {
        HttpResponse h = head;
        if (h != null) {
            head = null;
            exchange.startResponse(h);
        }
    }

    /** A segment failed: before the head a 409 (503 for a server error), after it an aborted connection. */
    private void fail(int status) {
        if (over) {
            return;
        }
        over = true;
        drop();
        if (head != null) {
            head = null;
            exchange.respond(SwiftResponses.standard(status >= 500 ? 503 : 409));
        } else {
            exchange.abort();
        }
    }

    /** Lets go of both reads. */
    private void drop() {
        SegmentRead r = relaying;
        SegmentRead a = ahead;
        relaying = null;
        ahead = null;
        if (r != null) {
            r.cancel();
        }
        if (a != null) {
            a.cancel();
        }
    }

    private void write(ByteBuf buf) {
        if (pacer.overTime()) {
            // Swift's "max LO GET time of %ds exceeded": the body ends here
            buf.release();
            fail(409);
            return;
        }
        if (remaining >= 0) {
            if (buf.readableBytes() > remaining) {
                buf.release();
                fail(409);
                return;
            }
            remaining -= buf.readableBytes();
        }
        exchange.writeBody(new DefaultHttpContent(buf));
    }

    /** The client may take more: the relayed segment's source goes on. */
    void clientWritabilityChanged() {
        SegmentRead r = relaying;
        if (r != null && !over) {
            r.resumeSource();
        }
    }

    /** The client went away: no more segments are read. */
    void clientClosed() {
        over = true;
        drop();
    }

    /**
     * One segment's GET subrequest and the checks of its answer. Until its turn it only keeps what arrives (the
     * head and the chunk already read; its source is paused, as its sink says it is unwritable) and acts on it
     * when the turn comes.
     */
    private final class SegmentRead implements ResponseSink {
        private final SegmentListing.Segment segment;
        private boolean turn;
        private boolean finished;
        private @Nullable Operation op;
        /** What arrived before the turn, in order: a FullHttpResponse, an HttpResponse head, HttpContents. */
        private final ArrayDeque<Object> held = new ArrayDeque<>();
        /** The source broke off before the turn: it is asked again then. */
        private boolean brokeEarly;
        /** The whole answer arrived before the turn. */
        private boolean heldWhole;

        private @Nullable MessageDigest md5;
        private boolean wholeChecked;
        private @Nullable String segmentEtag;
        private long segmentBytes;
        private long segmentLength;
        private boolean readAheadAsked;
        private long startNanos;
        private boolean fetched;
        private long fetchedNanos;

        SegmentRead(SegmentListing.Segment segment, boolean turn) {
            this.segment = segment;
            this.turn = turn;
        }

        /** Starts the GET subrequest (unless the answer ended while its fetch waited). */
        void fetch() {
            if (over || finished) {
                return;
            }
            SegmentListing.Segment s = segment;
            HttpHeaders h = new DefaultHttpHeaders().set(subrequestHeaders);
            h.set(CairnBackendHeaders.NO_UNVERIFIED_RESUME, "true");
            if (s.first() > 0 || s.last() >= 0) {
                h.set(
                        HttpHeaderNames.RANGE,
                        "bytes=" + s.first() + "-" + (s.last() >= 0 ? Long.toString(s.last()) : ""));
            }
            fetched = true;
            fetchedNanos = System.nanoTime();
            Operation o = Subrequests.stream(exchange, app, HttpMethod.GET, s.path(), h, null, this);
            op = finished ? null : o;
        }

        /** Its turn came: acts on what arrived meanwhile, then lets its source go on. */
        void takeTurn() {
            turn = true;
            if (!fetched) {
                // its fetch still waits for the pacing: it starts with its turn taken
                return;
            }
            if (brokeEarly || (!heldWhole && System.nanoTime() - fetchedNanos > maxAheadWaitNanos)) {
                // its object server may have let the idle connection go, unseen while it was paused: ask again
                releaseHeld();
                brokeEarly = false;
                Operation o = op;
                op = null;
                if (o != null) {
                    o.clientClosed();
                }
                fetch();
                return;
            }
            while (!held.isEmpty() && !finished && !over) {
                Object o = held.poll();
                if (o instanceof FullHttpResponse full) {
                    respond(full);
                } else if (o instanceof LastHttpContent last) {
                    endResponse(last);
                } else if (o instanceof HttpContent content) {
                    writeBody(content);
                } else if (o instanceof HttpResponse h) {
                    startResponse(h);
                }
            }
            releaseHeld();
            resumeSource();
        }

        void resumeSource() {
            Operation o = op;
            if (o != null && !finished && !over) {
                o.clientWritabilityChanged();
            }
        }

        void cancel() {
            finished = true;
            releaseHeld();
            Operation o = op;
            op = null;
            if (o != null) {
                o.clientClosed();
            }
        }

        private void releaseHeld() {
            Object o;
            while ((o = held.poll()) != null) {
                ReferenceCountUtil.release(o);
            }
        }

        @Override
        public void respond(FullHttpResponse response) {
            if (finished || over) {
                response.release();
                return;
            }
            if (!turn) {
                held.add(response);
                heldWhole = true;
                return;
            }
            int status = response.status().code();
            if (status < 200 || status >= 300) {
                response.release();
                fail(status);
                return;
            }
            if (!startSegment(response)) {
                response.release();
                return;
            }
            writeBody(new DefaultHttpContent(response.content()));
            endResponse(LastHttpContent.EMPTY_LAST_CONTENT);
        }

        @Override
        public void startResponse(HttpResponse response) {
            if (finished || over) {
                return;
            }
            if (!turn) {
                held.add(response);
                return;
            }
            int status = response.status().code();
            if (status < 200 || status >= 300) {
                fail(status);
                return;
            }
            startSegment(response);
        }

        /** Checks a segment's answer against the manifest; false (and failed) when it is not the segment. */
        private boolean startSegment(HttpResponse response) {
            SegmentListing.Segment s = segment;
            HttpHeaders h = response.headers();
            String etag = LargeObjects.unquote(h.get(HttpHeaderNames.ETAG));
            long length = LargeObjects.parseLong(h.get(HttpHeaderNames.CONTENT_LENGTH));
            boolean ranged = s.first() > 0 || s.last() >= 0;
            if ((s.etag() != null && !s.etag().equals(etag)) || (s.size() > 0 && length != s.size() && !ranged)) {
                fail(409);
                return false;
            }
            wholeChecked = etag != null && !ranged;
            // a Cairn object server checked the whole body against its stored hash before the last byte left (and
            // a body that broke off is not resumed, NO_UNVERIFIED_RESUME): hashing it again here would only cost CPU
            md5 = wholeChecked && !h.contains(CairnBackendHeaders.BODY_VERIFIED) ? newMd5() : null;
            segmentEtag = etag;
            segmentBytes = 0;
            segmentLength = length;
            startNanos = System.nanoTime();
            sendHead();
            if (length >= 0 && length <= SHORT_SEGMENT_BYTES) {
                askAhead();
            }
            return true;
        }

        private void askAhead() {
            if (!readAheadAsked) {
                readAheadAsked = true;
                askListing();
            }
        }

        @Override
        public void writeBody(HttpContent content) {
            if (finished || over) {
                content.release();
                return;
            }
            if (!turn) {
                held.add(content);
                return;
            }
            ByteBuf buf = content.content();
            MessageDigest d = md5;
            if (d != null) {
                for (ByteBuffer nio : buf.nioBuffers()) {
                    d.update(nio);
                }
            }
            segmentBytes += buf.readableBytes();
            if (buf.isReadable()) {
                write(buf.retain());
            }
            content.release();
            if (!over
                    && !readAheadAsked
                    && segmentLength >= 0
                    && readAheadNow(segmentLength - segmentBytes, segmentBytes, System.nanoTime() - startNanos)) {
                askAhead();
            }
        }

        @Override
        public void endResponse(LastHttpContent last) {
            if (!turn && !finished && !over) {
                held.add(last);
                heldWhole = true;
                return;
            }
            writeBody(last);
            if (over || finished) {
                return;
            }
            finished = true;
            op = null;
            MessageDigest d = md5;
            if (wholeChecked) {
                // Swift checks a whole segment's bytes against its own answer's length and ETag
                String actual = d == null ? segmentEtag : HexFormat.of().formatHex(d.digest());
                if (segmentBytes != segmentLength || actual == null || !actual.equals(segmentEtag)) {
                    fail(409);
                    return;
                }
            }
            segmentEnded();
        }

        @Override
        public void abort() {
            if (finished || over) {
                return;
            }
            if (!turn) {
                brokeEarly = true;
                return;
            }
            fail(503);
        }

        @Override
        public boolean isWritable() {
            return turn && exchange.isWritable();
        }
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
