package io.cairn.compute.image;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The in-memory twin of {@link SwiftImageStore} for API tests: same contract (streams consumed and released,
 * partial writes visible until deleted), objects named as the Swift store names them.
 */
public final class InMemoryImageStore implements ImageStore {
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    /** Bytes received by writes still in progress, by image id: what a dead upload leaves until cleaned. */
    private final Map<String, ByteArrayOutputStream> partial = new ConcurrentHashMap<>();

    public Map<String, byte[]> objects() {
        return objects;
    }

    public boolean holdsAnythingOf(String imageId) {
        return partial.containsKey(imageId)
                || objects.keySet().stream().anyMatch(k -> k.equals(imageId) || k.startsWith(imageId + "-"));
    }

    /** As the Swift store: a write of known size vouches for its md5 (computed here over the bytes kept). */
    @Override
    public boolean vouchesForMd5(long size) {
        return size >= 0;
    }

    @Override
    public Mono<Stored> write(String imageId, Flux<ByteBuf> data, long size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        partial.put(imageId, out);
        return data.doOnNext(buf -> {
                    byte[] b = new byte[buf.readableBytes()];
                    buf.readBytes(b);
                    buf.release();
                    synchronized (out) {
                        out.write(b, 0, b.length);
                    }
                })
                .then(Mono.fromCallable(() -> {
                    partial.remove(imageId);
                    byte[] all = out.toByteArray();
                    objects.put(imageId, all);
                    String md5 = vouchesForMd5(size)
                            ? HexFormat.of()
                                    .formatHex(MessageDigest.getInstance("MD5").digest(all))
                            : null;
                    return new Stored(StoredLayout.OBJECT, md5);
                }));
    }

    @Override
    public Flux<ByteBuf> read(String imageId, StoredLayout layout, long size, ImageStore.@Nullable ByteRange range) {
        byte[] all = objects.get(imageId);
        if (all == null) {
            return Flux.error(new IllegalStateException("no object " + imageId));
        }
        int from = range == null ? 0 : (int) range.first();
        int len = range == null ? all.length : (int) range.length();
        return Flux.just(Unpooled.wrappedBuffer(all, from, len));
    }

    @Override
    public Mono<Void> delete(String imageId) {
        return Mono.fromRunnable(() -> {
            partial.remove(imageId);
            objects.keySet().removeIf(k -> k.equals(imageId) || k.startsWith(imageId + "-"));
        });
    }
}
