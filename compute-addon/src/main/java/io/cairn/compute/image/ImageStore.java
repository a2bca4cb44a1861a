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
     * upload). Emits the layout written. On error nothing is guaranteed removed: callers {@link #delete} after.
     */
    Mono<StoredLayout> write(String imageId, Flux<ByteBuf> data, long size);

    /** The image's bytes, or those of {@code range} of them; {@code size} is the stored length. */
    Flux<ByteBuf> read(String imageId, StoredLayout layout, long size, @Nullable ByteRange range);

    /** Removes the object, every segment and the manifest; absent ones are not an error. */
    Mono<Void> delete(String imageId);

    /** An inclusive byte range {@code first..last} within an image. */
    record ByteRange(long first, long last) {
        public long length() {
            return last - first + 1;
        }
    }
}
