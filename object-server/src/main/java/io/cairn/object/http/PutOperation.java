package io.cairn.object.http;

import io.cairn.common.http.CairnBackendHeaders;
import io.cairn.common.path.ConstraintViolation;
import io.cairn.common.path.MetadataTarget;
import io.cairn.common.path.NameValidator;
import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.DiskFile;
import io.cairn.object.diskfile.DiskFileDeleted;
import io.cairn.object.diskfile.DiskFileNotExist;
import io.cairn.object.diskfile.DiskFileQuarantined;
import io.cairn.object.diskfile.DiskFileReader;
import io.cairn.object.diskfile.DiskFileWriter;
import io.cairn.object.diskfile.SenderDigest;
import io.cairn.object.metadata.ObjectMetadata;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelConfig;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * PUT {@code /<dev>/<part>/<a>/<c>/<o>}: Swift's {@code ObjectController.PUT} (reference §3.2). Checks
 * everything that can be checked before the body ({@code valid_timestamp}, {@code check_object_creation},
 * the on-disk state for 409/412) and only then sends {@code 100 Continue}; streams the body chunks to the
 * {@link DiskFileWriter} on the device executor, one batch at a time and in order, pausing the socket
 * ({@code autoRead} off) while more than {@link #HIGH_WATER} bytes wait for the disk; commits, sends the
 * container update, and answers 201 with the ETag.
 *
 * <p>Confined to the channel's event loop; the writer is used from the device executor, one call at a
 * time. Every body chunk is released exactly once: by the write task that consumed it, or here when
 * the upload is abandoned.
 */
final class PutOperation extends ObjectOperation {
    static final int HIGH_WATER = 1 << 20;
    static final int LOW_WATER = 256 << 10;

    private enum State {
        PREPARING,
        RECEIVING,
        COMMITTING,
        DONE
    }

    private State state = State.PREPARING;
    private final ArrayDeque<ByteBuf> pending = new ArrayDeque<>();
    private long pendingBytes;
    private long received;
    private long expectedLength = -1;
    private boolean lastReceived;
    private boolean writeInFlight;
    private boolean pausedReading;
    private long uploadDeadlineNanos;
    private @Nullable Timestamp timestamp;
    private @Nullable DiskFileWriter writer;
    private @Nullable ObjectMetadata originalMetadata;
    private String nameHash = "";
    /** The proxy's offer of the body's MD5 after the body was taken: the writer hashes only CRC32C. */
    private boolean senderDigest;

    private @Nullable String trailerMd5;
    private @Nullable String trailerCrc32c;

    PutOperation(Exchange exchange) {
        super(exchange);
    }

    @Override
    void start() throws RequestRejectedException {
        Timestamp ts = requiredTimestamp();
        timestamp = ts;
        checkObjectCreation(ts);
        long length = expectedLength;
        HttpHeaders headers = exchange.request().headers();
        String ifNoneMatch = headers.get(HttpHeaderNames.IF_NONE_MATCH);
        pauseReading();
        exchange.onDevice(() -> prepare(ts, length, ifNoneMatch), this::prepared);
    }

    /** {@code check_object_creation} and the MIME-footer refusal. */
    private void checkObjectCreation(Timestamp ts) throws RequestRejectedException {
        HttpHeaders headers = exchange.request().headers();
        ObjectApiSettings settings = exchange.api().settings();
        boolean chunked = HttpUtil.isTransferEncodingChunked(exchange.request());
        String contentLength = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        if (!chunked && contentLength != null) {
            try {
                expectedLength = Long.parseLong(contentLength.strip());
            } catch (NumberFormatException e) {
                throw new RequestRejectedException(SwiftStatus.BAD_REQUEST, "Invalid Content-Length header value");
            }
            if (expectedLength > settings.maxFileSize()) {
                throw new RequestRejectedException(SwiftStatus.REQUEST_ENTITY_TOO_LARGE, "Your request is too large.");
            }
        } else if (!chunked) {
            throw new RequestRejectedException(SwiftStatus.LENGTH_REQUIRED, "Missing Content-Length header.");
        } else {
            // Swift's proxy (EC) and Cairn's (a body digest in trailers) send chunked bodies of a known length
            String objLength = headers.get("X-Backend-Obj-Content-Length");
            if (objLength != null) {
                expectedLength = RequestMetadata.pythonInt(
                        objLength, "invalid literal for int() with base 10: '" + objLength + "'");
            }
            senderDigest =
                    CairnBackendHeaders.BODY_DIGEST_CRC32C.equals(headers.get(CairnBackendHeaders.BODY_DIGEST_OFFER));
        }
        NameValidator names = settings.names();
        rejectIf(names.checkObjectName(exchange.path().object()));
        if (!headers.contains(HttpHeaderNames.CONTENT_TYPE)) {
            throw new RequestRejectedException(SwiftStatus.BAD_REQUEST, "No content type");
        }
        RequestMetadata.checkDeleteHeaders(headers, ts);
        String contentType = headers.get(HttpHeaderNames.CONTENT_TYPE);
        if (contentType == null || !WireStrings.isUtf8(contentType)) {
            throw new RequestRejectedException(SwiftStatus.BAD_REQUEST, "Invalid Content-Type");
        }
        rejectIf(names.checkMetadata(headers, MetadataTarget.OBJECT));
        if (RequestMetadata.isTrue(headers.get("X-Backend-Obj-Metadata-Footer"))
                || RequestMetadata.isTrue(headers.get("X-Backend-Obj-Multiphase-Commit"))) {
            // Swift's proxy sends MIME footers only for EC and encryption, neither of which Cairn serves yet
            throw new RequestRejectedException(
                    SwiftStatus.NOT_IMPLEMENTED, "MIME footers and multiphase commit are not supported");
        }
    }

    static void rejectIf(@Nullable ConstraintViolation violation) throws RequestRejectedException {
        if (violation != null) {
            SwiftStatus status = violation.status() == ConstraintViolation.PRECONDITION_FAILED
                    ? SwiftStatus.PRECONDITION_FAILED
                    : SwiftStatus.BAD_REQUEST;
            throw new RequestRejectedException(status, violation.body());
        }
    }

    /** Device executor: the 409/412 checks against what is on disk, then a writer. */
    private Prepared prepare(Timestamp ts, long length, @Nullable String ifNoneMatch)
            throws IOException, RequestRejectedException {
        DiskFile diskFile = WriteSupport.diskFile(exchange);
        ObjectMetadata original = ObjectMetadata.empty();
        Timestamp originalTs = null;
        try (DiskFileReader reader = diskFile.open(ts)) {
            original = reader.metadata();
            originalTs = reader.dataTimestamp();
        } catch (DiskFileDeleted e) {
            originalTs = e.timestamp();
        } catch (DiskFileNotExist | DiskFileQuarantined e) {
            // nothing there: any timestamp is newer
        }
        if (ifNoneMatch != null && original.size() > 0) {
            String etag = original.etag();
            if (Conditionals.matches(ifNoneMatch, etag == null ? "" : etag)) {
                throw new RequestRejectedException(SwiftStatus.PRECONDITION_FAILED);
            }
        }
        if (originalTs != null && originalTs.compareTo(ts) >= 0) {
            throw new RequestRejectedException(SwiftStatus.CONFLICT)
                    .withHeader("X-Backend-Timestamp", originalTs.internal());
        }
        return new Prepared(diskFile.writer(length), original, diskFile.nameHash());
    }

    private record Prepared(DiskFileWriter writer, ObjectMetadata original, String nameHash) {}

    private void prepared(@Nullable Prepared prepared, @Nullable Throwable failure) {
        if (prepared == null) {
            state = State.DONE;
            releasePending();
            resumeReading();
            exchange.fail(failure == null ? new IllegalStateException("no writer") : failure);
            return;
        }
        writer = prepared.writer();
        originalMetadata = prepared.original();
        nameHash = prepared.nameHash();
        if (exchange.isDone()) {
            abandon();
            return;
        }
        state = State.RECEIVING;
        uploadDeadlineNanos =
                System.nanoTime() + exchange.api().settings().maxUploadTime().toNanos();
        if (senderDigest) {
            prepared.writer().expectSenderDigest();
            exchange.ctx()
                    .writeAndFlush(ExpectContinueHandler.continueWith(
                            CairnBackendHeaders.BODY_DIGEST_ACCEPTED, CairnBackendHeaders.BODY_DIGEST_CRC32C));
        } else {
            exchange.ctx().writeAndFlush(ExpectContinueHandler.CONTINUE);
        }
        resumeReading();
        pump();
    }

    @Override
    void content(HttpContent content) {
        if (state == State.DONE || state == State.COMMITTING) {
            content.release();
            return;
        }
        if (content.decoderResult().isFailure()) {
            // the client went away before sending Content-Length bytes (or sent garbage)
            content.release();
            answerAndAbandon(new RequestRejectedException(SwiftStatus.CLIENT_DISCONNECT));
            return;
        }
        ByteBuf data = content.content();
        int n = data.readableBytes();
        received += n;
        if (n > 0) {
            pending.addLast(data);
            pendingBytes += n;
        } else {
            content.release();
        }
        if (content instanceof LastHttpContent last) {
            lastReceived = true;
            if (senderDigest) {
                trailerMd5 = last.trailingHeaders().get(CairnBackendHeaders.BODY_MD5_TRAILER);
                trailerCrc32c = last.trailingHeaders().get(CairnBackendHeaders.BODY_CRC32C_TRAILER);
            }
        }
        if (received > exchange.api().settings().maxFileSize()) {
            answerAndAbandon(new RequestRejectedException(SwiftStatus.REQUEST_ENTITY_TOO_LARGE));
            return;
        }
        if (state == State.RECEIVING && System.nanoTime() - uploadDeadlineNanos > 0) {
            answerAndAbandon(new RequestRejectedException(SwiftStatus.REQUEST_TIMEOUT));
            return;
        }
        if (pendingBytes > HIGH_WATER) {
            pauseReading();
        }
        pump();
    }

    /** Hands the queued chunks to the writer, one batch in flight; commits after the last one. */
    private void pump() {
        if (state != State.RECEIVING || writeInFlight) {
            return;
        }
        DiskFileWriter w = writer;
        if (w == null) {
            return;
        }
        if (pending.isEmpty()) {
            if (lastReceived) {
                commit(w, List.of());
            }
            return;
        }
        List<ByteBuf> batch = new ArrayList<>(pending);
        pending.clear();
        pendingBytes = 0;
        if (lastReceived) {
            // the rest of the body is here (all of it, for most small objects): write and commit in one device task
            commit(w, batch);
            return;
        }
        writeInFlight = true;
        if (pausedReading) {
            resumeReading();
        }
        exchange.onDevice(() -> WriteSupport.writeAll(w, batch), (ok, failure) -> {
            writeInFlight = false;
            if (failure != null) {
                answerAndAbandon(
                        ErrorMapping.toRejection(failure, exchange.path().device(), "PUT write"));
                return;
            }
            if (state == State.DONE) {
                abandon();
                return;
            }
            pump();
        });
    }

    /**
     * Writes {@code lastBatch} and commits, in one device task. From here the task owns the writer (it closes it
     * either way), so an abandon meanwhile leaves it alone.
     */
    private void commit(DiskFileWriter w, List<ByteBuf> lastBatch) {
        if (expectedLength >= 0 && received != expectedLength) {
            lastBatch.forEach(ByteBuf::release);
            answerAndAbandon(new RequestRejectedException(SwiftStatus.CLIENT_DISCONNECT));
            return;
        }
        SenderDigest digest = null;
        if (senderDigest) {
            digest = SenderDigest.parse(trailerMd5, trailerCrc32c);
            if (digest == null) {
                lastBatch.forEach(ByteBuf::release);
                answerAndAbandon(new RequestRejectedException(
                        SwiftStatus.BAD_REQUEST,
                        "The body digest offered in " + CairnBackendHeaders.BODY_DIGEST_OFFER + " did not follow it in"
                                + " the trailers " + CairnBackendHeaders.BODY_MD5_TRAILER + " and "
                                + CairnBackendHeaders.BODY_CRC32C_TRAILER));
                return;
            }
        }
        state = State.COMMITTING;
        writer = null;
        Timestamp ts = timestamp;
        if (ts == null) {
            lastBatch.forEach(ByteBuf::release);
            throw new IllegalStateException("commit before start");
        }
        Map<String, String> metadata = requestMetadata(ts);
        String requestEtag = header("ETag");
        long size = received;
        SenderDigest sent = digest;
        exchange.onDevice(
                () -> WriteSupport.writeAndCommit(w, lastBatch, metadata, requestEtag, size, sent), this::committed);
    }

    /** {@code _get_request_metadata}; Content-Length and ETag are added at commit. */
    private Map<String, String> requestMetadata(Timestamp ts) {
        HttpHeaders headers = exchange.request().headers();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(ObjectMetadata.X_TIMESTAMP, ts.internal());
        metadata.put(ObjectMetadata.CONTENT_TYPE, headers.get(HttpHeaderNames.CONTENT_TYPE, ""));
        // placeholders keep Swift's key order (the pickle's bytes); commit fills in the real values
        metadata.put(ObjectMetadata.CONTENT_LENGTH, "");
        metadata.put(ObjectMetadata.ETAG, "");
        metadata.putAll(
                RequestMetadata.fromHeaders(headers, exchange.api().settings().allowedHeaders(), true));
        return metadata;
    }

    private void committed(@Nullable ObjectMetadata stored, @Nullable Throwable failure) {
        if (stored == null) {
            state = State.DONE;
            exchange.fail(failure == null ? new IllegalStateException("nothing stored") : failure);
            return;
        }
        String etag = stored.etag() == null ? "" : stored.etag();
        Map<String, String> update = new LinkedHashMap<>();
        update.put("X-Size", stored.get(ObjectMetadata.CONTENT_LENGTH));
        update.put("X-Content-Type", stored.contentType());
        update.put("X-Timestamp", stored.get(ObjectMetadata.X_TIMESTAMP));
        update.put("X-Etag", etag);
        Map<String, String> headersOut =
                RequestMetadata.withOverrides(update, exchange.request().headers());
        ObjectMetadata original = originalMetadata;
        Timestamp ts = timestamp;
        CompletableFuture<Void> queue = ts == null
                ? CompletableFuture.completedFuture(null)
                : WriteSupport.deleteAtUpdates(
                        exchange,
                        WriteSupport.deleteAtOf(original == null ? null : original.get(ObjectMetadata.X_DELETE_AT)),
                        WriteSupport.deleteAtOf(header("X-Delete-At")),
                        nameHash,
                        ts);
        CompletableFuture<Void> container = WriteSupport.containerUpdate(exchange, "PUT", headersOut);
        CompletableFuture.allOf(queue, container)
                .whenComplete((ignored, error) -> exchange.ctx().executor().execute(() -> {
                    state = State.DONE;
                    FullHttpResponse response =
                            Responses.status(exchange.ctx().alloc(), SwiftStatus.CREATED, null, null);
                    response.headers().set(HttpHeaderNames.ETAG, "\"" + etag + "\"");
                    exchange.send(response);
                }));
    }

    private void answerAndAbandon(RequestRejectedException rejection) {
        exchange.reject(rejection);
        abandon();
    }

    /** Stops the upload: no more writes, queued chunks released, the temp file removed. */
    private void abandon() {
        state = State.DONE;
        releasePending();
        resumeReading();
        DiskFileWriter w = writer;
        if (w != null && !writeInFlight) {
            writer = null;
            exchange.onDevice(() -> WriteSupport.closeQuietly(w), (ok, failure) -> {
                if (failure != null) {
                    WriteSupport.closeQuietly(w);
                }
            });
        }
    }

    private void releasePending() {
        while (!pending.isEmpty()) {
            pending.pollFirst().release();
        }
        pendingBytes = 0;
    }

    private void pauseReading() {
        ChannelConfig config = exchange.ctx().channel().config();
        if (config.isAutoRead()) {
            config.setAutoRead(false);
            pausedReading = true;
        }
    }

    private void resumeReading() {
        if (pausedReading && pendingBytes < LOW_WATER) {
            pausedReading = false;
            exchange.ctx().channel().config().setAutoRead(true);
        }
    }

    @Override
    void closed() {
        if (state != State.DONE) {
            abandon();
        }
    }

    @Override
    void idle() {
        if (state == State.RECEIVING && !writeInFlight && !pausedReading) {
            // Swift answers 408 when the client stops sending for client_timeout; time spent waiting
            // for our own disk (prepare, a write, fsync at commit) is not the client's idleness
            answerAndAbandon(new RequestRejectedException(SwiftStatus.REQUEST_TIMEOUT));
            exchange.ctx().close();
        }
    }

    /** For tests: the metadata of what the PUT replaced (empty if nothing). */
    @Nullable
    ObjectMetadata originalMetadata() {
        return originalMetadata;
    }
}
