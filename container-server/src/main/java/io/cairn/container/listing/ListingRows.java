package io.cairn.container.listing;

import io.cairn.common.codec.SwiftBytes;
import io.cairn.common.listing.ListingEncoder;
import io.cairn.common.time.Timestamp;
import io.cairn.common.time.TimestampCodec;
import io.netty.buffer.ByteBuf;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The container server's {@code update_data_record}: turns stored object rows into listing entries
 * ({@code last_modified} = the meta timestamp decoded from {@code created_at}, in ISO form; a {@code
 * swift_bytes} content-type parameter replaces {@code bytes} and is removed, other parameters are
 * re-joined as {@code ;k=v} exactly as Swift's {@code extract_swift_bytes} does) and hands them to an
 * encoder, cutting the body into chunks: when the current chunk reaches {@code chunkSize} it is passed
 * to {@code sink} and a fresh one is taken from {@code allocator}.
 *
 * <p>Not thread-safe: one per listing, on the device executor.
 */
public final class ListingRows implements ObjectRowHandler {
    private static final Pattern PYTHON_INT = Pattern.compile("[+-]?\\d(_?\\d)*");

    /** Receives full chunks in order; takes ownership of each buffer. */
    public interface ChunkSink {
        void chunk(ByteBuf chunk);
    }

    private final ListingEncoder encoder;
    private final Supplier<ByteBuf> allocator;
    private final ChunkSink sink;
    private final int chunkSize;
    private ByteBuf current;

    public ListingRows(ListingEncoder encoder, Supplier<ByteBuf> allocator, ChunkSink sink, int chunkSize) {
        this.encoder = encoder;
        this.allocator = allocator;
        this.sink = sink;
        this.chunkSize = chunkSize;
        this.current = allocator.get();
        encoder.begin(current);
    }

    @Override
    public void row(String name, String createdAt, long size, String contentType, String etag) {
        long bytes = size;
        String type = contentType;
        if (contentType.indexOf(';') >= 0) {
            SwiftBytes.Extracted extracted = SwiftBytes.extract(contentType);
            type = extracted.contentType();
            Long override = pythonInt(extracted.swiftBytes());
            if (override != null) {
                bytes = override;
            }
        }
        Timestamp meta = TimestampCodec.decode(createdAt, false).third();
        String lastModified = meta == null ? "" : meta.isoformat();
        encoder.object(current, name, etag, bytes, type, lastModified);
        maybeFlush();
    }

    @Override
    public void subdir(String name) {
        encoder.subdir(current, name);
        maybeFlush();
    }

    /** Ends the body and hands over the last chunk (possibly empty). */
    public void finish() {
        encoder.end(current);
        ByteBuf last = current;
        sink.chunk(last);
    }

    /** Releases the chunk in progress when the listing fails half-way (instead of {@link #finish}). */
    public void abort() {
        current.release();
    }

    /** Whether Swift would answer 204: a plain listing with no entries. */
    public boolean isNoContent() {
        return encoder.isNoContent();
    }

    private void maybeFlush() {
        if (current.readableBytes() >= chunkSize) {
            ByteBuf full = current;
            current = allocator.get();
            sink.chunk(full);
        }
    }

    private static @Nullable Long pythonInt(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (!PYTHON_INT.matcher(v).matches()) {
            return null; // Swift logs "Invalid swift_bytes" and keeps the size
        }
        try {
            return Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
