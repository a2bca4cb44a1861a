package io.cairn.object.http;

import io.cairn.object.diskfile.DiskFile;
import io.cairn.object.diskfile.DiskFileWriter;
import io.cairn.object.metadata.ObjectMetadata;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
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

    /** The handle of the exchange's object. */
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
     * Checks the size and the client's ETag (422 on mismatch, as {@code _apply_extra_metadata}), then
     * commits with {@code metadata} plus {@code Content-Length} and {@code ETag}; the writer is closed
     * either way, so a failed PUT leaves no temp file.
     */
    static ObjectMetadata commit(
            DiskFileWriter writer, Map<String, String> metadata, @Nullable String requestEtag, long size)
            throws IOException, RequestRejectedException {
        try {
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
            long size)
            throws IOException, RequestRejectedException {
        try {
            writeAll(writer, lastBatch);
        } catch (IOException | RuntimeException e) {
            closeQuietly(writer);
            throw e;
        }
        return commit(writer, metadata, requestEtag, size);
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
