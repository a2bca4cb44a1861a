package io.cairn.object.diskfile;

import io.cairn.common.time.Timestamp;
import io.cairn.object.metadata.ObjectMetadata;
import io.cairn.object.update.AsyncUpdate;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Wraps a {@link DiskFileManager} and throws a programmed {@link IOException} on the Nth storage call
 * (counting every call on the manager, its disk files, readers' opens and writers) or once more than N
 * body bytes have been written in total — for testing how the layers above handle a failing disk. It
 * also counts the body bytes read through its readers and the readers still open, so tests can see how
 * far ahead of a client the server reads and that every reader is closed.
 *
 * <p>Thread-safety: thread-safe (atomic counters); the programmed fault fires once, then is cleared.
 */
public final class FaultyDiskFileManager implements DiskFileManager {
    private final DiskFileManager delegate;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong openReaders = new AtomicLong();
    private final AtomicReference<@Nullable Fault> fault = new AtomicReference<>();

    private record Fault(long onCall, long afterBytes, IOException error) {}

    public FaultyDiskFileManager(DiskFileManager delegate) {
        this.delegate = delegate;
    }

    /** The {@code n}th call from now (1 = the next one) throws {@code error}. */
    public void failOnCall(long n, IOException error) {
        fault.set(new Fault(calls.get() + n, Long.MAX_VALUE, error));
    }

    /** The first write that takes the total body bytes written from now beyond {@code n} throws {@code error}. */
    public void failAfterBytes(long n, IOException error) {
        fault.set(new Fault(Long.MAX_VALUE, bytes.get() + n, error));
    }

    /** Body bytes read through {@link DiskFileReader#read} so far, by every reader. */
    public long bodyBytesRead() {
        return bytesRead.get();
    }

    /** Readers opened and not yet closed. */
    public long openReaders() {
        return openReaders.get();
    }

    /** Calls counted so far. */
    public long calls() {
        return calls.get();
    }

    void call() throws IOException {
        long n = calls.incrementAndGet();
        Fault f = fault.get();
        if (f != null && n >= f.onCall() && fault.compareAndSet(f, null)) {
            throw f.error();
        }
    }

    void bytes(long count) throws IOException {
        call();
        long total = bytes.addAndGet(count);
        Fault f = fault.get();
        if (f != null && total > f.afterBytes() && fault.compareAndSet(f, null)) {
            throw f.error();
        }
    }

    @Override
    public DiskFile diskFile(
            String device, int partition, String account, String container, String object, int policyIndex)
            throws DiskFileDeviceUnavailable {
        try {
            call();
        } catch (DiskFileDeviceUnavailable e) {
            throw e;
        } catch (IOException e) {
            throw new DiskFileDeviceUnavailable("injected fault: " + e.getMessage(), e);
        }
        return new FaultyDiskFile(delegate.diskFile(device, partition, account, container, object, policyIndex));
    }

    @Override
    public DiskFile diskFileFromHash(String device, int partition, String nameHash, int policyIndex)
            throws IOException {
        call();
        return new FaultyDiskFile(delegate.diskFileFromHash(device, partition, nameHash, policyIndex));
    }

    @Override
    public java.util.List<ObjectTimestamps> yieldHashes(
            String device, int partition, int policyIndex, Collection<String> suffixes) throws IOException {
        call();
        return delegate.yieldHashes(device, partition, policyIndex, suffixes);
    }

    @Override
    public Map<String, String> suffixHashes(
            String device, int partition, int policyIndex, Collection<String> recalculate) throws IOException {
        call();
        return delegate.suffixHashes(device, partition, policyIndex, recalculate);
    }

    @Override
    public void invalidateSuffixes(String device, int partition, int policyIndex, Collection<String> suffixes)
            throws IOException {
        call();
        delegate.invalidateSuffixes(device, partition, policyIndex, suffixes);
    }

    @Override
    public void pickleAsyncUpdate(String device, int policyIndex, AsyncUpdate update) throws IOException {
        call();
        delegate.pickleAsyncUpdate(device, policyIndex, update);
    }

    @Override
    public int cleanupTempFiles() throws IOException {
        call();
        return delegate.cleanupTempFiles();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private final class FaultyDiskFile implements DiskFile {
        private final DiskFile d;

        FaultyDiskFile(DiskFile d) {
            this.d = d;
        }

        @Override
        public String device() {
            return d.device();
        }

        @Override
        public int partition() {
            return d.partition();
        }

        @Override
        public int policyIndex() {
            return d.policyIndex();
        }

        @Override
        public String name() {
            return d.name();
        }

        @Override
        public String nameHash() {
            return d.nameHash();
        }

        @Override
        public DiskFileReader open() throws IOException {
            call();
            return counted(d.open());
        }

        @Override
        public DiskFileReader open(Timestamp now) throws IOException {
            call();
            return counted(d.open(now));
        }

        @Override
        public DiskFileWriter writer(long expectedSize) throws IOException {
            call();
            return new FaultyWriter(d.writer(expectedSize));
        }

        @Override
        public void writeMetadata(ObjectMetadata metadata) throws IOException {
            call();
            d.writeMetadata(metadata);
        }

        @Override
        public void delete(Timestamp timestamp) throws IOException {
            call();
            d.delete(timestamp);
        }
    }

    private final class FaultyWriter implements DiskFileWriter {
        private final DiskFileWriter w;

        FaultyWriter(DiskFileWriter w) {
            this.w = w;
        }

        @Override
        public void write(ByteBuffer chunk) throws IOException {
            bytes(chunk.remaining());
            w.write(chunk);
        }

        @Override
        public void write(ByteBuf chunk) throws IOException {
            bytes(chunk.readableBytes());
            w.write(chunk);
        }

        @Override
        public long bytesWritten() {
            return w.bytesWritten();
        }

        @Override
        public String etag() {
            return w.etag();
        }

        @Override
        public void expectSenderDigest() {
            w.expectSenderDigest();
        }

        @Override
        public void senderDigest(SenderDigest digest) throws DiskFileEtagMismatch {
            w.senderDigest(digest);
        }

        @Override
        public ObjectMetadata put(ObjectMetadata metadata) throws IOException {
            call();
            return w.put(metadata);
        }

        @Override
        public void close() throws IOException {
            w.close();
        }
    }

    private DiskFileReader counted(DiskFileReader r) {
        openReaders.incrementAndGet();
        return new CountingReader(r);
    }

    /** Counts body bytes read and the close (once); everything else is the delegate's. */
    private final class CountingReader implements DiskFileReader {
        private final DiskFileReader r;
        private boolean closed;

        CountingReader(DiskFileReader r) {
            this.r = r;
        }

        @Override
        public ObjectMetadata metadata() {
            return r.metadata();
        }

        @Override
        public ObjectMetadata dataMetadata() {
            return r.dataMetadata();
        }

        @Override
        public @Nullable ObjectMetadata metaMetadata() {
            return r.metaMetadata();
        }

        @Override
        public Timestamp dataTimestamp() {
            return r.dataTimestamp();
        }

        @Override
        public @Nullable Timestamp metaTimestamp() {
            return r.metaTimestamp();
        }

        @Override
        public Timestamp timestamp() {
            return r.timestamp();
        }

        @Override
        public Timestamp contentTypeTimestamp() {
            return r.contentTypeTimestamp();
        }

        @Override
        public long contentLength() {
            return r.contentLength();
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            int n = r.read(dst, position);
            if (n > 0) {
                bytesRead.addAndGet(n);
            }
            return n;
        }

        @Override
        public @Nullable FileChannel detachFileChannel() {
            return r.detachFileChannel();
        }

        @Override
        public DiskFileQuarantined quarantine(String reason) throws IOException {
            return r.quarantine(reason);
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                openReaders.decrementAndGet();
            }
            r.close();
        }
    }
}
