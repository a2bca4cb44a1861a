package io.cairn.object.server;

import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.DiskFile;
import io.cairn.object.diskfile.DiskFileDeleted;
import io.cairn.object.diskfile.DiskFileDeviceUnavailable;
import io.cairn.object.diskfile.DiskFileExpired;
import io.cairn.object.diskfile.DiskFileManager;
import io.cairn.object.diskfile.DiskFileNotExist;
import io.cairn.object.diskfile.DiskFileReader;
import io.cairn.object.diskfile.DiskFileWriter;
import io.cairn.object.metadata.ObjectMetadata;
import io.cairn.object.update.AsyncUpdate;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * A minimal in-memory storage double for the HTTP layer's tests, standing in until the storage branch's
 * {@code MemoryDiskFileManager} lands: one map entry per object (data + optional meta, or tombstone).
 * Thread-safe (concurrent maps; each object's state is replaced atomically).
 */
final class FakeDiskFileManager implements DiskFileManager {
    /** One object's state; {@code body} null for a tombstone. Immutable by convention. */
    static final class Stored {
        private final byte @Nullable [] body;
        private final ObjectMetadata data;
        private final @Nullable ObjectMetadata meta;
        private final Timestamp timestamp;

        Stored(byte @Nullable [] body, ObjectMetadata data, @Nullable ObjectMetadata meta, Timestamp timestamp) {
            this.body = body;
            this.data = data;
            this.meta = meta;
            this.timestamp = timestamp;
        }

        byte @Nullable [] body() {
            return body;
        }

        ObjectMetadata data() {
            return data;
        }

        @Nullable
        ObjectMetadata meta() {
            return meta;
        }

        Timestamp timestamp() {
            return timestamp;
        }
    }

    final Map<String, Stored> objects = new ConcurrentHashMap<>();
    final List<AsyncUpdate> asyncPendings = new CopyOnWriteArrayList<>();
    final Set<String> devices = new HashSet<>(Set.of("sda", "sdb"));
    final List<String> invalidated = new CopyOnWriteArrayList<>();
    volatile @Nullable CountDownLatch blockDevice;

    @Override
    public DiskFile diskFile(String device, int partition, String account, String container, String object, int policy)
            throws DiskFileDeviceUnavailable {
        CountDownLatch block = blockDevice;
        if (block != null) {
            try {
                block.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!devices.contains(device)) {
            throw new DiskFileDeviceUnavailable("no device " + device);
        }
        return new FakeDiskFile(device, partition, policy, "/" + account + "/" + container + "/" + object);
    }

    @Override
    public Map<String, String> suffixHashes(String device, int partition, int policy, Collection<String> recalculate)
            throws IOException {
        if (!devices.contains(device)) {
            throw new DiskFileDeviceUnavailable("no device " + device);
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("abc", "0123456789abcdef0123456789abcdef");
        return out;
    }

    @Override
    public void invalidateSuffixes(String device, int partition, int policy, Collection<String> suffixes) {
        invalidated.addAll(suffixes);
    }

    @Override
    public void pickleAsyncUpdate(String device, int policyIndex, AsyncUpdate update) {
        asyncPendings.add(update);
    }

    @Override
    public int cleanupTempFiles() {
        return 0;
    }

    @Override
    public void close() {}

    private final class FakeDiskFile implements DiskFile {
        private final String device;
        private final int partition;
        private final int policy;
        private final String name;

        FakeDiskFile(String device, int partition, int policy, String name) {
            this.device = device;
            this.partition = partition;
            this.policy = policy;
            this.name = name;
        }

        @Override
        public String device() {
            return device;
        }

        @Override
        public int partition() {
            return partition;
        }

        @Override
        public int policyIndex() {
            return policy;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String nameHash() {
            return Integer.toHexString(name.hashCode());
        }

        @Override
        public DiskFileReader open() throws IOException {
            return open(Timestamp.ofEpochMillis(System.currentTimeMillis()));
        }

        @Override
        public DiskFileReader open(Timestamp now) throws IOException {
            Stored s = objects.get(name);
            if (s == null) {
                throw new DiskFileNotExist(name);
            }
            if (s.body() == null) {
                throw new DiskFileDeleted(name, s.timestamp(), s.data());
            }
            ObjectMetadata merged = merge(s);
            String deleteAt = merged.get("X-Delete-At");
            if (deleteAt != null && Long.parseLong(deleteAt) * Timestamp.UNITS_PER_SECOND <= now.raw()) {
                throw new DiskFileExpired(name, s.timestamp(), merged);
            }
            return new FakeReader(s, merged);
        }

        private ObjectMetadata merge(Stored s) {
            ObjectMetadata meta = s.meta();
            if (meta == null) {
                return s.data();
            }
            Map<String, String> m = new LinkedHashMap<>(meta.asMap());
            for (Map.Entry<String, String> e : s.data().asMap().entrySet()) {
                String k = e.getKey();
                if (k.equals("Content-Length")
                        || k.equals("ETag")
                        || ObjectMetadata.isSysmeta(k)
                        || (k.equals("Content-Type") && !meta.containsKey("Content-Type"))) {
                    m.put(k, e.getValue());
                }
            }
            return ObjectMetadata.of(m);
        }

        @Override
        public DiskFileWriter writer(long expectedSize) {
            return new FakeWriter(name);
        }

        @Override
        public void writeMetadata(ObjectMetadata metadata) throws IOException {
            Stored s = objects.get(name);
            if (s == null || s.body() == null) {
                throw new DiskFileNotExist(name);
            }
            ObjectMetadata m = metadata.with("name", name);
            objects.put(name, new Stored(s.body(), s.data(), m, s.timestamp()));
        }

        @Override
        public void delete(Timestamp timestamp) {
            objects.put(name, new Stored(null, ObjectMetadata.tombstone(name, timestamp), null, timestamp));
        }
    }

    private final class FakeWriter implements DiskFileWriter {
        private final String name;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        FakeWriter(String name) {
            this.name = name;
        }

        @Override
        public void write(ByteBuffer chunk) {
            byte[] b = new byte[chunk.remaining()];
            chunk.get(b);
            body.write(b, 0, b.length);
        }

        @Override
        public void write(ByteBuf chunk) {
            byte[] b = new byte[chunk.readableBytes()];
            chunk.readBytes(b);
            body.write(b, 0, b.length);
        }

        @Override
        public long bytesWritten() {
            return body.size();
        }

        @Override
        public String etag() {
            try {
                return io.cairn.common.path.HashPath.toHex(
                        MessageDigest.getInstance("MD5").digest(body.toByteArray()));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public ObjectMetadata put(ObjectMetadata metadata) {
            ObjectMetadata m = metadata.with("name", name);
            Timestamp ts = java.util.Objects.requireNonNull(m.timestamp(), "X-Timestamp");
            objects.put(name, new Stored(body.toByteArray(), m, null, ts));
            return m;
        }

        @Override
        public void close() {}
    }

    private static final class FakeReader implements DiskFileReader {
        private final Stored stored;
        private final ObjectMetadata merged;

        FakeReader(Stored stored, ObjectMetadata merged) {
            this.stored = stored;
            this.merged = merged;
        }

        @Override
        public ObjectMetadata metadata() {
            return merged;
        }

        @Override
        public ObjectMetadata dataMetadata() {
            return stored.data();
        }

        @Override
        public @Nullable ObjectMetadata metaMetadata() {
            return stored.meta();
        }

        @Override
        public Timestamp dataTimestamp() {
            return stored.timestamp();
        }

        @Override
        public @Nullable Timestamp metaTimestamp() {
            ObjectMetadata meta = stored.meta();
            return meta == null ? null : meta.timestamp();
        }

        @Override
        public Timestamp timestamp() {
            Timestamp meta = metaTimestamp();
            return meta != null ? meta : stored.timestamp();
        }

        @Override
        public Timestamp contentTypeTimestamp() {
            ObjectMetadata meta = stored.meta();
            String ctts = meta == null ? null : meta.get("Content-Type-Timestamp");
            return ctts == null ? stored.timestamp() : Timestamp.parse(ctts);
        }

        @Override
        public long contentLength() {
            byte[] body = stored.body();
            return body == null ? 0 : body.length;
        }

        @Override
        public int read(ByteBuffer dst, long position) {
            byte[] body = stored.body();
            if (body == null || position >= body.length) {
                return -1;
            }
            int n = (int) Math.min(dst.remaining(), body.length - position);
            dst.put(body, (int) position, n);
            return n;
        }

        @Override
        public @Nullable FileChannel detachFileChannel() {
            return null;
        }

        @Override
        public void close() {}
    }

    static List<String> names(Collection<AsyncUpdate> updates) {
        List<String> out = new ArrayList<>();
        for (AsyncUpdate u : updates) {
            out.add(u.op() + " " + u.object());
        }
        return out;
    }
}
