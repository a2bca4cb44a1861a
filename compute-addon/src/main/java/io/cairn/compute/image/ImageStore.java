package io.cairn.compute.image;

import io.netty.buffer.ByteBuf;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where image bytes live. Streams both ways: a write consumes its {@link ByteBuf}s (releasing them), a read hands
 * out buffers the subscriber releases. {@link SwiftImageStore} is the real one.
 */
public interface ImageStore {
    /**
     * Stores {@code data} under the image id; {@code size} is the declared length or -1 when unknown (chunked
     * upload). Emits the layout written and, when {@link #vouchesForMd5} said so for this size, the md5 of exactly
     * the bytes stored. On error nothing is guaranteed removed: callers {@link #delete} after.
     */
    Mono<Stored> write(String imageId, Flux<ByteBuf> data, long size);

    /**
     * Whether a {@link #write} of {@code size} bytes will report their md5 itself (Swift: the {@code ETag} of a
     * single-object PUT, which the proxy computed over the body it received), so the caller need not hash md5.
     */
    boolean vouchesForMd5(long size);

    /** The image's bytes, or those of {@code range} of them; {@code size} is the stored length. */
    Flux<ByteBuf> read(String imageId, StoredLayout layout, long size, @Nullable ByteRange range);

    /** Removes the object, every segment and the manifest; absent ones are not an error. */
    Mono<Void> delete(String imageId);

    /** What a write stored: its layout, and the md5 (hex) of all its bytes when the store vouches for it. */
    record Stored(StoredLayout layout, @Nullable String md5) {}

    /** An inclusive byte range {@code first..last} within an image. */
    record ByteRange(long first, long last) {
        public long length() {
            return last - first + 1;
        }
    }
}
