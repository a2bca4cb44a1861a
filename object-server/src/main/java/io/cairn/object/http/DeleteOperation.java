package io.cairn.object.http;

import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.DiskFile;
import io.cairn.object.diskfile.DiskFileDeleted;
import io.cairn.object.diskfile.DiskFileExpired;
import io.cairn.object.diskfile.DiskFileNotExist;
import io.cairn.object.diskfile.DiskFileQuarantined;
import io.cairn.object.diskfile.DiskFileReader;
import io.cairn.object.metadata.ObjectMetadata;
import io.netty.handler.codec.http.FullHttpResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * DELETE {@code /<dev>/<part>/<a>/<c>/<o>}: Swift's {@code ObjectController.DELETE}. 204 when an older
 * object existed, 404 when nothing/a tombstone/an expired object was there — a tombstone is still
 * written whenever the request is newer — and 409 when what is on disk is at least as new. Answers carry
 * {@code X-Backend-Timestamp} (the newer of the two) and {@code X-Backend-Content-Type};
 * {@code X-If-Delete-At} must match the stored {@code X-Delete-At} (412).
 *
 * <p>Confined to the channel's event loop.
 */
final class DeleteOperation extends ObjectOperation {
    DeleteOperation(Exchange exchange) {
        super(exchange);
    }

    /** What the device task decided. */
    private record Outcome(
            SwiftStatus status,
            Timestamp responseTimestamp,
            String contentType,
            boolean deleted,
            long originalDeleteAt,
            String nameHash) {}

    @Override
    void start() throws RequestRejectedException {
        Timestamp ts = requiredTimestamp();
        String ifDeleteAt = header("X-If-Delete-At");
        Timestamp requiredDeleteAt = null;
        if (ifDeleteAt != null) {
            try {
                requiredDeleteAt = Timestamp.parse(ifDeleteAt);
            } catch (IllegalArgumentException e) {
                throw new RequestRejectedException(SwiftStatus.BAD_REQUEST, "Bad X-If-Delete-At header value");
            }
        }
        Timestamp mustMatch = requiredDeleteAt;
        exchange.onDevice(() -> delete(ts, mustMatch), (outcome, failure) -> answer(ts, outcome, failure));
    }

    private Outcome delete(Timestamp ts, @Nullable Timestamp ifDeleteAt) throws IOException, RequestRejectedException {
        DiskFile diskFile = WriteSupport.diskFile(exchange);
        Timestamp original = null;
        ObjectMetadata metadata = ObjectMetadata.empty();
        SwiftStatus status;
        try (DiskFileReader reader = diskFile.open(ts)) {
            original = reader.dataTimestamp();
            metadata = reader.metadata();
            status = original.compareTo(ts) < 0 ? SwiftStatus.NO_CONTENT : SwiftStatus.CONFLICT;
        } catch (DiskFileExpired e) {
            original = e.timestamp();
            metadata = e.metadata();
            status = SwiftStatus.NOT_FOUND;
        } catch (DiskFileDeleted e) {
            original = e.timestamp();
            status = SwiftStatus.NOT_FOUND;
        } catch (DiskFileNotExist | DiskFileQuarantined e) {
            status = SwiftStatus.NOT_FOUND;
        }
        if (ifDeleteAt != null) {
            checkIfDeleteAt(ts, ifDeleteAt, original, metadata);
            status = SwiftStatus.NO_CONTENT;
        }
        boolean newer = original == null || original.compareTo(ts) < 0;
        if (newer) {
            diskFile.delete(ts);
        }
        Timestamp responseTs = original == null || original.compareTo(ts) < 0 ? ts : original;
        String contentType = metadata.contentType();
        return new Outcome(
                status,
                responseTs,
                contentType == null ? "" : contentType,
                newer,
                WriteSupport.deleteAtOf(metadata.get(ObjectMetadata.X_DELETE_AT)),
                diskFile.nameHash());
    }

    /** {@code X-If-Delete-At}: 404 without an object, 409 if not newer, 412 unless it equals X-Delete-At. */
    private static void checkIfDeleteAt(
            Timestamp ts, Timestamp ifDeleteAt, @Nullable Timestamp original, ObjectMetadata metadata)
            throws RequestRejectedException {
        if (original == null) {
            throw new RequestRejectedException(SwiftStatus.NOT_FOUND);
        }
        if (original.compareTo(ts) >= 0) {
            throw new RequestRejectedException(SwiftStatus.CONFLICT);
        }
        String stored = metadata.get(ObjectMetadata.X_DELETE_AT);
        Timestamp storedDeleteAt = Timestamp.parse(stored == null || stored.isEmpty() ? "0" : stored);
        if (!storedDeleteAt.equals(ifDeleteAt)) {
            throw new RequestRejectedException(
                    SwiftStatus.PRECONDITION_FAILED, "X-If-Delete-At and X-Delete-At do not match");
        }
    }

    private void answer(Timestamp ts, @Nullable Outcome outcome, @Nullable Throwable failure) {
        if (outcome == null) {
            exchange.fail(failure == null ? new IllegalStateException("no outcome") : failure);
            return;
        }
        // the old task goes whether or not a tombstone was written (Swift's DELETE: "if orig_delete_at")
        CompletableFuture<Void> queue = outcome.originalDeleteAt() == 0
                ? CompletableFuture.completedFuture(null)
                : WriteSupport.deleteAtUpdates(exchange, outcome.originalDeleteAt(), 0, outcome.nameHash(), ts);
        if (!outcome.deleted()) {
            queue.whenComplete((ignored, error) -> exchange.ctx().executor().execute(() -> respond(outcome)));
            return;
        }
        CompletableFuture<Void> container =
                WriteSupport.containerUpdate(exchange, "DELETE", Map.of("X-Timestamp", ts.internal()));
        CompletableFuture.allOf(queue, container)
                .whenComplete((ignored, error) -> exchange.ctx().executor().execute(() -> respond(outcome)));
    }

    private void respond(Outcome outcome) {
        FullHttpResponse response = Responses.status(exchange.ctx().alloc(), outcome.status(), null, null);
        response.headers()
                .set("X-Backend-Timestamp", outcome.responseTimestamp().internal());
        response.headers().set("X-Backend-Content-Type", outcome.contentType());
        exchange.send(response);
    }
}
