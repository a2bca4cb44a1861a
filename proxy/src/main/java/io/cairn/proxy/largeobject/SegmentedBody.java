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
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The body of a large object (Swift's {@code SegmentedIterable}): the pieces of a {@link SegmentListing}
 * streamed into an exchange's answer in order, each object segment read by a GET subrequest ({@code
 * ?multipart-manifest=get}, the client's token, a {@code Range} for part of it) through the application
 * below the filter, so the requesting user's ACLs apply to every segment container. One segment is read
 * at a time; its buffers pass to the client untouched and the segment's source is paused while the client
 * is unwritable (back-pressure through the subrequest's sink).
 *
 * <p>As {@code validate_first_segment}, the answer's head is sent only once the first segment answered
 * well: a first segment that is missing or changed makes the answer a 409 (503 for a server error). A later
 * segment that is missing, answers with another ETag or size than the manifest says, or whose bytes do not
 * hash to its ETag (checked for whole segments) aborts the connection: the client sees a short body.
 *
 * <p>Confined to the exchange's event loop.
 */
final class SegmentedBody implements ResponseSink {
    private final Exchange exchange;
    private final SwiftApp app;
    private final SegmentListing listing;
    private final HttpHeaders subrequestHeaders;
    private final SegmentPacing.Pacer pacer;
    private @Nullable HttpResponse head;
    private @Nullable Operation current;
    private SegmentListing.@Nullable Segment segment;
    private @Nullable MessageDigest md5;
    private boolean wholeChecked;
    private @Nullable String segmentEtag;
    private long segmentBytes;
    private long segmentLength;
    private long remaining;
    private boolean over;

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
    }

    /** Starts streaming. */
    void start() {
        next();
    }

    private void next() {
        if (over) {
            return;
        }
        listing.next(new SegmentListing.Callback() {
            @Override
            public void piece(SegmentListing.@Nullable Piece piece) {
                onPiece(piece);
            }

            @Override
            public void failed(int status, String why) {
                fail(status);
            }
        });
    }

    private void onPiece(SegmentListing.@Nullable Piece piece) {
        if (over) {
            return;
        }
        if (piece == null) {
            sendHead();
            over = true;
            exchange.endResponse(LastHttpContent.EMPTY_LAST_CONTENT);
            return;
        }
        if (piece instanceof SegmentListing.Bytes b) {
            sendHead();
            write(Unpooled.wrappedBuffer(b.bytes()));
            next();
            return;
        }
        SegmentListing.Segment s = (SegmentListing.Segment) piece;
        long length = s.last() >= 0 ? s.last() - s.first() + 1 : s.size() >= 0 ? s.size() - s.first() : -1;
        Duration wait = pacer.beforeSegment(length);
        if (wait.isZero()) {
            fetch(s);
        } else {
            exchange.eventLoop().schedule(() -> fetch(s), wait.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Starts the GET subrequest of a segment (unless the answer ended while its fetch waited for its turn). */
    private void fetch(SegmentListing.Segment s) {
        if (over) {
            return;
        }
        segment = s;
        HttpHeaders h = new DefaultHttpHeaders().set(subrequestHeaders);
        h.set(CairnBackendHeaders.NO_UNVERIFIED_RESUME, "true");
        if (s.first() > 0 || s.last() >= 0) {
            h.set(HttpHeaderNames.RANGE, "bytes=" + s.first() + "-" + (s.last() >= 0 ? Long.toString(s.last()) : ""));
        }
        current = Subrequests.stream(exchange, app, HttpMethod.GET, s.path(), h, null, this);
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
        Operation c = current;
        current = null;
        if (c != null) {
            c.clientClosed();
        }
        if (head != null) {
            head = null;
            exchange.respond(SwiftResponses.standard(status >= 500 ? 503 : 409));
        } else {
            exchange.abort();
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

    @Override
    public void respond(FullHttpResponse response) {
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
        if (s == null || over) {
            return false;
        }
        HttpHeaders h = response.headers();
        String etag = LargeObjects.unquote(h.get(HttpHeaderNames.ETAG));
        long length = LargeObjects.parseLong(h.get(HttpHeaderNames.CONTENT_LENGTH));
        boolean ranged = s.first() > 0 || s.last() >= 0;
        if ((s.etag() != null && !s.etag().equals(etag)) || (s.size() > 0 && length != s.size() && !ranged)) {
            fail(409);
            return false;
        }
        wholeChecked = etag != null && !ranged;
        // a Cairn object server checked the whole body against its stored hash before the last byte left (and a
        // body that broke off is not resumed, NO_UNVERIFIED_RESUME): hashing it again here would only cost CPU
        md5 = wholeChecked && !h.contains(CairnBackendHeaders.BODY_VERIFIED) ? newMd5() : null;
        segmentEtag = etag;
        segmentBytes = 0;
        segmentLength = length;
        sendHead();
        return true;
    }

    @Override
    public void writeBody(HttpContent content) {
        if (over) {
            content.release();
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
    }

    @Override
    public void endResponse(LastHttpContent last) {
        writeBody(last);
        if (over) {
            return;
        }
        MessageDigest d = md5;
        current = null;
        if (wholeChecked) {
            // Swift checks a whole segment's bytes against its own answer's length and ETag
            String actual = d == null ? segmentEtag : HexFormat.of().formatHex(d.digest());
            if (segmentBytes != segmentLength || actual == null || !actual.equals(segmentEtag)) {
                fail(409);
                return;
            }
        }
        next();
    }

    @Override
    public void abort() {
        fail(503);
    }

    @Override
    public boolean isWritable() {
        return exchange.isWritable();
    }

    /** The client may take more: the current segment's source goes on. */
    void clientWritabilityChanged() {
        Operation c = current;
        if (c != null && !over) {
            c.clientWritabilityChanged();
        }
    }

    /** The client went away: no more segments are read. */
    void clientClosed() {
        over = true;
        Operation c = current;
        current = null;
        if (c != null) {
            c.clientClosed();
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
