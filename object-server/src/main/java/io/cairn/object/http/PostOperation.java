package io.cairn.object.http;

import io.cairn.common.codec.SwiftBytes;
import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.DiskFile;
import io.cairn.object.diskfile.DiskFileReader;
import io.cairn.object.metadata.ObjectMetadata;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * POST {@code /<dev>/<part>/<a>/<c>/<o>}: Swift's fast-POST ({@code ObjectController.POST}, reference
 * §2.4, §4.7). Writes a {@code .meta} that replaces all user metadata and allowed headers (sysmeta is
 * immutable), optionally a newer Content-Type with its own timestamp; 404 without an object, 409 when
 * neither the metadata nor the content type is newer. Sends a container PUT update so listings show a new
 * content type, and answers 202 with {@code X-Backend-Content-Type} and the object's sysmeta.
 *
 * <p>Confined to the channel's event loop.
 */
final class PostOperation extends ObjectOperation {
    PostOperation(Exchange exchange) {
        super(exchange);
    }

    /** What the device task wrote, for the container update and the response. */
    private record Outcome(
            ObjectMetadata original,
            Map<String, String> update,
            String contentType,
            long originalDeleteAt,
            long newDeleteAt,
            String nameHash) {}

    @Override
    void start() throws RequestRejectedException {
        Timestamp ts = requiredTimestamp();
        HttpHeaders headers = exchange.request().headers();
        String deleteAtHeader = headers.get("X-Delete-At");
        long deleteAt = deleteAtHeader == null || deleteAtHeader.isEmpty()
                ? 0
                : RequestMetadata.pythonInt(deleteAtHeader, "Non-integer X-Delete-At");
        if (deleteAt != 0 && deleteAt * Timestamp.UNITS_PER_SECOND < ts.raw()) {
            throw new RequestRejectedException(SwiftStatus.BAD_REQUEST, "X-Delete-At in past");
        }
        Timestamp ctypeTs = Timestamp.parse("0");
        String ctype = headers.get(HttpHeaderNames.CONTENT_TYPE);
        if (ctype != null && !ctype.isEmpty()) {
            String raw = headers.get("Content-Type-Timestamp");
            try {
                ctypeTs = raw == null ? ts : Timestamp.parse(raw);
            } catch (IllegalArgumentException e) {
                throw new RequestRejectedException(SwiftStatus.BAD_REQUEST, "Invalid Content-Type-Timestamp");
            }
        }
        Map<String, String> fromRequest =
                RequestMetadata.fromHeaders(headers, exchange.api().settings().allowedHeaders(), false);
        Timestamp requestCtypeTs = ctypeTs;
        exchange.onDevice(
                () -> post(ts, requestCtypeTs, ctype, fromRequest, deleteAt),
                (outcome, failure) -> answer(ts, outcome, failure));
    }

    private Outcome post(
            Timestamp ts,
            Timestamp requestCtypeTs,
            @Nullable String ctype,
            Map<String, String> fromRequest,
            long newDeleteAt)
            throws IOException, RequestRejectedException {
        DiskFile diskFile = WriteSupport.diskFile(exchange);
        DiskFileReader reader;
        try {
            reader = diskFile.open(ts);
        } catch (io.cairn.object.diskfile.DiskFileNotExist | io.cairn.object.diskfile.DiskFileQuarantined e) {
            throw new RequestRejectedException(SwiftStatus.NOT_FOUND);
        }
        try (reader) {
            ObjectMetadata original = reader.metadata();
            Timestamp originalTs = original.timestamp() != null ? original.timestamp() : reader.timestamp();
            Timestamp originalCtypeTs = reader.contentTypeTimestamp();
            if (originalTs.compareTo(ts) >= 0 && originalCtypeTs.compareTo(requestCtypeTs) >= 0) {
                throw new RequestRejectedException(SwiftStatus.CONFLICT)
                        .withHeader("X-Backend-Timestamp", originalTs.internal());
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            // the queue changes only with newer metadata (Swift: inside "if req_timestamp > orig_timestamp")
            long originalDeleteAt = newDeleteAt;
            if (ts.compareTo(originalTs) > 0) {
                originalDeleteAt = WriteSupport.deleteAtOf(original.get(ObjectMetadata.X_DELETE_AT));
                metadata.put(ObjectMetadata.X_TIMESTAMP, ts.internal());
                metadata.putAll(fromRequest);
            } else {
                ObjectMetadata meta = reader.metaMetadata();
                if (meta != null) {
                    metadata.putAll(meta.asMap());
                }
            }
            String contentType;
            String contentTypeTs;
            if (requestCtypeTs.compareTo(originalCtypeTs) > 0 && ctype != null) {
                contentType = ctype;
                contentTypeTs = requestCtypeTs.internal();
                metadata.put(ObjectMetadata.CONTENT_TYPE, contentType);
                metadata.put(ObjectMetadata.CONTENT_TYPE_TIMESTAMP, contentTypeTs);
            } else {
                String current = original.contentType();
                contentType = current == null ? "" : current;
                contentTypeTs = originalCtypeTs.internal();
                if (!originalCtypeTs.equals(reader.dataTimestamp())) {
                    metadata.put(ObjectMetadata.CONTENT_TYPE, contentType);
                    metadata.put(ObjectMetadata.CONTENT_TYPE_TIMESTAMP, contentTypeTs);
                }
            }
            diskFile.writeMetadata(ObjectMetadata.of(metadata));
            if (!contentTypeTs.equals(reader.dataTimestamp().internal())) {
                contentType = withSwiftBytes(contentType, reader.dataMetadata().contentType());
            }
            Map<String, String> update = new LinkedHashMap<>();
            update.put("X-Size", valueOr(original.get(ObjectMetadata.CONTENT_LENGTH)));
            update.put("X-Content-Type", contentType);
            update.put("X-Timestamp", reader.dataTimestamp().internal());
            update.put("X-Content-Type-Timestamp", contentTypeTs);
            update.put("X-Meta-Timestamp", metadata.getOrDefault(ObjectMetadata.X_TIMESTAMP, ts.internal()));
            update.put("X-Etag", valueOr(original.etag()));
            return new Outcome(
                    original,
                    RequestMetadata.withOverrides(update, original.asMap().entrySet()),
                    contentType,
                    originalDeleteAt,
                    newDeleteAt,
                    diskFile.nameHash());
        }
    }

    /** {@code extract_swift_bytes}: keeps the data file's {@code swift_bytes} parameter on a newer type. */
    private static String withSwiftBytes(String contentType, @Nullable String dataContentType) {
        if (dataContentType == null) {
            return contentType;
        }
        String swiftBytes = SwiftBytes.extract(dataContentType).swiftBytes();
        return swiftBytes == null || swiftBytes.isEmpty() ? contentType : contentType + ";swift_bytes=" + swiftBytes;
    }

    private static String valueOr(@Nullable String value) {
        return value == null ? "" : value;
    }

    private void answer(Timestamp ts, @Nullable Outcome outcome, @Nullable Throwable failure) {
        if (outcome == null) {
            exchange.fail(failure == null ? new IllegalStateException("no outcome") : failure);
            return;
        }
        CompletableFuture<Void> queue = WriteSupport.deleteAtUpdates(
                exchange, outcome.originalDeleteAt(), outcome.newDeleteAt(), outcome.nameHash(), ts);
        CompletableFuture<Void> container = WriteSupport.containerUpdate(exchange, "PUT", outcome.update());
        CompletableFuture.allOf(queue, container)
                .whenComplete((ignored, error) -> exchange.ctx().executor().execute(() -> respond(outcome)));
    }

    private void respond(Outcome outcome) {
        FullHttpResponse response = Responses.status(exchange.ctx().alloc(), SwiftStatus.ACCEPTED, null, null);
        response.headers().set("X-Backend-Content-Type", outcome.contentType());
        for (Map.Entry<String, String> e : outcome.original().asMap().entrySet()) {
            if (ObjectHeaders.isSysMeta(e.getKey())) {
                response.headers().set(e.getKey(), e.getValue());
            }
        }
        exchange.send(response);
    }
}
