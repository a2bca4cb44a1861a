package io.cairn.object.http;

import io.cairn.common.http.ByteRanges;
import io.cairn.common.http.CairnBackendHeaders;
import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.BodyVerifier;
import io.cairn.object.diskfile.DiskFileReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * GET {@code /<dev>/<part>/<a>/<c>/<o>}: Swift's {@code ObjectController.GET} with swob's conditional and
 * Range handling (reference §4.9). The whole body is MD5-checked against the ETag before its last byte
 * leaves (see {@link #sendRange}); a partial single range goes out as a {@link DefaultFileRegion}
 * (sendfile, no copy through the heap); several ranges stream as {@code multipart/byteranges} parts read
 * on the device executor; the in-memory twin (no file) streams too.
 *
 * <p>Confined to the channel's event loop.
 */
final class GetOperation extends ObjectOperation {

    private @Nullable DiskFileReader reader;

    GetOperation(Exchange exchange) {
        super(exchange);
    }

    @Override
    void start() throws RequestRejectedException {
        Timestamp now = timestampOrNow();
        exchange.onDevice(() -> ReadSupport.open(exchange, now), this::opened);
    }

    private void opened(@Nullable DiskFileReader opened, @Nullable Throwable failure) {
        if (opened == null) {
            ReadSupport.answerOpenFailure(exchange, failure == null ? new IllegalStateException("no reader") : failure);
            return;
        }
        if (exchange.isDone()) {
            closeOnDevice(opened);
            return;
        }
        reader = opened;
        HttpHeaders request = exchange.request().headers();
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, SwiftStatus.OK.nettyStatus());
        ObjectHeaders.fill(head.headers(), opened, exchange.api().settings().allowedHeaders());
        SwiftStatus conditional = Conditionals.evaluate(
                request,
                ObjectHeaders.conditionalEtag(request, opened.metadata()),
                ObjectHeaders.timestamp(opened).ceilSeconds(),
                false);
        if (conditional != null) {
            sendWithoutBody(head, conditional);
            return;
        }
        long length = opened.contentLength();
        ByteRanges ranges = ignoreRange(opened) ? null : ByteRanges.parse(request.get(HttpHeaderNames.RANGE));
        if (ranges == null) {
            sendRange(head, 0, length);
            return;
        }
        long[] satisfiable = ranges.forLength(length);
        if (satisfiable.length == 0) {
            sendUnsatisfiable(head, length);
        } else if (length == 0) {
            // swob: a satisfiable (suffix) range of an empty object answers 200 with the empty body
            sendRange(head, 0, 0);
        } else if (satisfiable.length == 2) {
            head.setStatus(SwiftStatus.PARTIAL_CONTENT.nettyStatus());
            head.headers().set(HttpHeaderNames.CONTENT_RANGE, contentRange(satisfiable[0], satisfiable[1], length));
            head.headers().set(HttpHeaderNames.CONTENT_LENGTH, Long.toString(satisfiable[1] - satisfiable[0]));
            sendRange(head, satisfiable[0], satisfiable[1]);
        } else {
            sendMultipart(head, satisfiable, length);
        }
    }

    /** {@code X-Backend-Ignore-Range-If-Metadata-Present}: drop Range when one of the named keys is stored. */
    private boolean ignoreRange(DiskFileReader opened) {
        String names = header("X-Backend-Ignore-Range-If-Metadata-Present");
        if (names == null) {
            return false;
        }
        for (String name : names.split(",", -1)) {
            String n = name.strip();
            for (String key : opened.metadata().asMap().keySet()) {
                if (!n.isEmpty() && key.equalsIgnoreCase(n)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * 304/412: the object's headers (ETag, Last-Modified, Content-Type, X-Timestamp, metadata, ...) with
     * {@code Content-Length: 0} and no body, as swob's {@code _response_iter} turns the GET response.
     */
    private void sendWithoutBody(HttpResponse head, SwiftStatus status) {
        sendFull(head, status, Unpooled.EMPTY_BUFFER);
    }

    /**
     * 416: as swob answers it, the object's headers (its Content-Type too) plus {@code Content-Range: bytes
     * *}{@code /<length>}, with swob's default HTML body and its length.
     */
    private void sendUnsatisfiable(HttpResponse head, long length) {
        SwiftStatus status = SwiftStatus.REQUESTED_RANGE_NOT_SATISFIABLE;
        byte[] body = String.valueOf(status.defaultBody(null)).getBytes(StandardCharsets.UTF_8);
        head.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + length);
        sendFull(head, status, Unpooled.wrappedBuffer(body));
    }

    private void sendFull(HttpResponse head, SwiftStatus status, ByteBuf body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status.nettyStatus(), body);
        response.headers().set(head.headers());
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        DiskFileReader r = reader;
        reader = null;
        if (r != null) {
            closeOnDevice(r);
        }
        exchange.send(response);
    }

    /**
     * Bytes {@code [start, end)} of the body. The whole body is never sent unverified ("a GET never serves a
     * copy whose MD5 does not match"): up to {@code etag_validate_max_bytes} it is read and checked before
     * the response starts, above that it streams through an MD5 and the last chunk is held back until the
     * check passed. A part of the body goes as a file region (sendfile) when the body is a file.
     */
    private void sendRange(HttpResponse head, long start, long end) {
        DiskFileReader r = reader;
        if (r == null) {
            return;
        }
        if (start == 0 && end == r.contentLength()) {
            if (exchange.request().headers().contains(CairnBackendHeaders.NO_UNVERIFIED_RESUME)) {
                // only a Cairn proxy that relies on it asks; anyone else gets Swift's answer exactly
                head.headers().set(CairnBackendHeaders.BODY_VERIFIED, "true");
            }
            if (end <= exchange.api().settings().etagValidateMaxBytes()) {
                reader = null;
                sendVerifiedInMemory(head, r);
            } else {
                reader = null;
                exchange.write(head);
                List<BodyStreamer.Segment> segments = List.of(BodyStreamer.Segment.file(0, end));
                new BodyStreamer(
                                exchange,
                                r,
                                segments,
                                exchange.api().settings().diskChunkSize(),
                                BodyVerifier.forGet(r))
                        .start();
            }
            return;
        }
        FileChannel channel = end > start ? r.detachFileChannel() : null;
        if (channel != null) {
            reader = null;
            exchange.write(head);
            exchange.write(new DefaultFileRegion(channel, start, end - start));
            ChannelFuture last = exchange.ctx().writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            closeOnDevice(r);
            exchange.streamed(last);
            return;
        }
        List<BodyStreamer.Segment> segments = new ArrayList<>();
        if (end > start) {
            segments.add(BodyStreamer.Segment.file(start, end));
        }
        stream(head, segments);
    }

    /** Reads and verifies the whole (small) body on the device, then answers with it, or 404 if corrupt. */
    private void sendVerifiedInMemory(HttpResponse head, DiskFileReader r) {
        exchange.onDevice(() -> readVerified(r), (ByteBuf body, Throwable failure) -> {
            if (body == null) {
                // the task closed the reader, unless the device queue was full and it never ran
                ReadSupport.closeQuietly(r);
                ReadSupport.answerOpenFailure(
                        exchange, failure == null ? new IllegalStateException("no body read") : failure);
                return;
            }
            if (exchange.isDone()) {
                body.release();
                return;
            }
            exchange.write(head);
            exchange.write(new DefaultHttpContent(body));
            exchange.streamed(exchange.ctx().writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
        });
    }

    /**
     * Runs on the device executor: the whole body into one buffer, MD5-checked against the ETag (a corrupt
     * object is quarantined and {@code DiskFileQuarantined} thrown). Closes the reader either way.
     */
    private ByteBuf readVerified(DiskFileReader r) throws IOException {
        try {
            int length = (int) r.contentLength();
            ByteBuf buf = exchange.ctx().alloc().buffer(length);
            boolean ok = false;
            try {
                ByteBuffer nio = buf.nioBuffer(0, length);
                long pos = 0;
                while (nio.hasRemaining()) {
                    int n = r.read(nio, pos);
                    if (n < 0) {
                        break;
                    }
                    pos += n;
                }
                buf.writerIndex((int) pos);
                BodyVerifier verifier = BodyVerifier.forGet(r);
                verifier.update(buf);
                verifier.verify();
                ok = true;
                return buf;
            } finally {
                if (!ok) {
                    buf.release();
                }
            }
        } finally {
            ReadSupport.closeQuietly(r);
        }
    }

    private void sendMultipart(HttpResponse head, long[] ranges, long length) {
        String contentType = head.headers().get(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream");
        byte[] boundaryBytes = new byte[16];
        // Swift: random.randint, not a secret; the calling thread's generator, no shared lock
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(boundaryBytes);
        String boundary = io.cairn.common.path.HashPath.toHex(boundaryBytes);
        List<BodyStreamer.Segment> segments = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            String partHead = "--" + boundary + "\r\nContent-Type: " + contentType + "\r\nContent-Range: "
                    + contentRange(ranges[i], ranges[i + 1], length) + "\r\n\r\n";
            byte[] partBytes = partHead.getBytes(StandardCharsets.UTF_8);
            segments.add(BodyStreamer.Segment.literal(partBytes));
            segments.add(BodyStreamer.Segment.file(ranges[i], ranges[i + 1]));
            segments.add(BodyStreamer.Segment.literal(CRLF));
            total += partBytes.length + (ranges[i + 1] - ranges[i]) + 2;
        }
        byte[] closing = ("--" + boundary + "--").getBytes(StandardCharsets.US_ASCII);
        segments.add(BodyStreamer.Segment.literal(closing));
        total += closing.length;
        head.setStatus(SwiftStatus.PARTIAL_CONTENT.nettyStatus());
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "multipart/byteranges;boundary=" + boundary);
        head.headers().set(HttpHeaderNames.CONTENT_LENGTH, Long.toString(total));
        head.headers().remove(HttpHeaderNames.CONTENT_RANGE);
        stream(head, segments);
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private void stream(HttpResponse head, List<BodyStreamer.Segment> segments) {
        DiskFileReader r = reader;
        if (r == null) {
            return;
        }
        reader = null;
        exchange.write(head);
        new BodyStreamer(exchange, r, segments, exchange.api().settings().diskChunkSize()).start();
    }

    static String contentRange(long start, long end, long length) {
        return "bytes " + start + "-" + (end - 1) + "/" + length;
    }

    private void closeOnDevice(DiskFileReader r) {
        exchange.onDevice(
                () -> {
                    ReadSupport.closeQuietly(r);
                    return Boolean.TRUE;
                },
                (ok, failure) -> {
                    if (failure != null) {
                        // the device queue is full: closing a file descriptor does not wait on the disk
                        ReadSupport.closeQuietly(r);
                    }
                });
    }

    @Override
    void closed() {
        DiskFileReader r = reader;
        reader = null;
        if (r != null) {
            closeOnDevice(r);
        }
    }
}
