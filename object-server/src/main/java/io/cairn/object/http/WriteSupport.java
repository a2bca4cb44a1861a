package io.cairn.object.http;

import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.DiskFile;
import io.cairn.object.diskfile.DiskFileWriter;
import io.cairn.object.diskfile.SenderDigest;
import io.cairn.object.metadata.ObjectMetadata;
import io.cairn.object.update.ContainerUpdater;
import io.cairn.object.update.ObjectUpdateTarget;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The blocking halves of the write verbs, run on the device executor: opening the object's handle,
 * writing a batch of body chunks, committing a PUT.
 *
 * <p>Stateless and thread-safe.
 */
final class WriteSupport {
    private static final System.Logger LOG = System.getLogger(WriteSupport.class.getName());

    private WriteSupport() {}

    /** The handle of the exchange's object (for reading or writing). */
    static DiskFile diskFile(Exchange exchange) throws IOException {
        ObjectRequestPath p = exchange.path();
        return exchange.api()
                .diskFiles()
                .diskFile(
                        p.device(),
                        Integer.parseInt(p.partition()),
                        p.account(),
                        p.container(),
                        p.object(),
                        exchange.policyIndex());
    }

    /**
     * The container update of a write ({@code container_update}): {@code op} ({@code PUT} or {@code DELETE}) of the
     * exchange's object row with {@code headersOut}, on the container servers; completes when sent or saved.
     */
    static CompletableFuture<Void> containerUpdate(Exchange exchange, String op, Map<String, String> headersOut) {
        return exchange.api()
                .updater()
                .update(op, updateTarget(exchange), exchange.request().headers(), headersOut, exchange.referer());
    }

    /** The exchange's object, as the container and expirer-queue updates name it. */
    private static ObjectUpdateTarget updateTarget(Exchange exchange) {
        ObjectRequestPath p = exchange.path();
        return new ObjectUpdateTarget(p.account(), p.container(), p.object(), p.device(), exchange.policyIndex());
    }

    /**
     * The expirer-queue updates of a write ({@code _post_commit_updates}, {@code POST}): when {@code X-Delete-At}
     * changes, a {@code PUT} of the new task (if any) and a {@code DELETE} of the old one (if any). Completes when
     * every update was sent or saved; never exceptionally.
     *
     * @param originalDeleteAt the {@code X-Delete-At} the object had, 0 for none
     * @param newDeleteAt the request's {@code X-Delete-At}, 0 for none
     * @param nameHash the object's {@code hash_path} (its hash directory's name)
     */
    static CompletableFuture<Void> deleteAtUpdates(
            Exchange exchange, long originalDeleteAt, long newDeleteAt, String nameHash, Timestamp ts) {
        if (originalDeleteAt == newDeleteAt) {
            return CompletableFuture.completedFuture(null);
        }
        ObjectUpdateTarget target = updateTarget(exchange);
        ContainerUpdater updater = exchange.api().updater();
        HttpHeaders headers = exchange.request().headers();
        CompletableFuture<Void> put = newDeleteAt == 0
                ? CompletableFuture.completedFuture(null)
                : updater.deleteAtUpdate("PUT", newDeleteAt, target, nameHash, headers, ts, exchange.referer());
        CompletableFuture<Void> delete = originalDeleteAt == 0
                ? CompletableFuture.completedFuture(null)
                : updater.deleteAtUpdate("DELETE", originalDeleteAt, target, nameHash, headers, ts, exchange.referer());
        return CompletableFuture.allOf(put, delete);
    }

    /**
     * {@code int(value or 0)} of an {@code X-Delete-At} (a request header or stored metadata); a value Python's
     * {@code int} would refuse counts as none (it could not have been stored: the object server refuses it).
     */
    static long deleteAtOf(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            return RequestMetadata.pythonInt(value, "Non-integer X-Delete-At");
        } catch (RequestRejectedException e) {
            return 0;
        }
    }

    /** Writes every chunk in order; releases every chunk exactly once, written or not. */
    static Boolean writeAll(DiskFileWriter writer, List<ByteBuf> batch) throws IOException {
        int i = 0;
        try {
            for (; i < batch.size(); i++) {
                ByteBuf chunk = batch.get(i);
                try {
                    writer.write(chunk);
                } finally {
                    chunk.release();
                }
            }
            return Boolean.TRUE;
        } finally {
            for (i++; i < batch.size(); i++) {
                batch.get(i).release();
            }
        }
    }

    /**
     * Checks the sender's digest when it gave one (its CRC32C against the body's: 422 on mismatch), the size and the
     * client's ETag (422 on mismatch, as {@code _apply_extra_metadata}), then
     * commits with {@code metadata} plus {@code Content-Length} and {@code ETag}; the writer is closed
     * either way, so a failed PUT leaves no temp file.
     */
    static ObjectMetadata commit(
            DiskFileWriter writer,
            Map<String, String> metadata,
            @Nullable String requestEtag,
            long size,
            @Nullable SenderDigest senderDigest)
            throws IOException, RequestRejectedException {
        try {
            if (senderDigest != null) {
                writer.senderDigest(senderDigest);
            }
            String etag = writer.etag();
            if (requestEtag != null) {
                String expected = Conditionals.normalizeEtag(requestEtag);
                if (!expected.isEmpty() && !expected.equals(etag)) {
                    throw new RequestRejectedException(SwiftStatus.UNPROCESSABLE_ENTITY);
                }
            }
            ObjectMetadata full = ObjectMetadata.of(metadata)
                    .with(ObjectMetadata.CONTENT_LENGTH, Long.toString(size))
                    .with(ObjectMetadata.ETAG, etag);
            return writer.put(full);
        } finally {
            closeQuietly(writer);
        }
    }

    /** {@link #writeAll} then {@link #commit}: the writer is closed and every chunk released either way. */
    static ObjectMetadata writeAndCommit(
            DiskFileWriter writer,
            List<ByteBuf> lastBatch,
            Map<String, String> metadata,
            @Nullable String requestEtag,
            long size,
            @Nullable SenderDigest senderDigest)
            throws IOException, RequestRejectedException {
        try {
            writeAll(writer, lastBatch);
        } catch (IOException | RuntimeException e) {
            closeQuietly(writer);
            throw e;
        }
        return commit(writer, metadata, requestEtag, size, senderDigest);
    }

    /** Closes (aborts unless committed) a writer, logging a failure. */
    static Boolean closeQuietly(DiskFileWriter writer) {
        try {
            writer.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not remove an aborted upload's temp file: " + e);
        }
        return Boolean.TRUE;
    }
}
