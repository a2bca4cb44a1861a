package io.cairn.object.diskfile.memory;

import io.cairn.common.path.HashPath;
import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.DiskFileEtagMismatch;
import io.cairn.object.diskfile.DiskFileSizeMismatch;
import io.cairn.object.diskfile.DiskFileWriter;
import io.cairn.object.diskfile.OnDiskFileName;
import io.cairn.object.diskfile.SenderDigest;
import io.cairn.object.diskfile.SuffixHasher;
import io.cairn.object.metadata.ObjectMetadata;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A {@link DiskFileWriter} buffering the body in memory; same checks as the disk writer. Not thread-safe. */
final class MemoryDiskFileWriter implements DiskFileWriter {
    private final MemoryDiskFile diskFile;
    private final long expectedSize;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final MessageDigest md5 = SuffixHasher.newMd5();
    private @Nullable String etag;
    private boolean done;

    MemoryDiskFileWriter(MemoryDiskFile diskFile, long expectedSize) {
        this.diskFile = diskFile;
        this.expectedSize = expectedSize;
    }

    @Override
    public void write(ByteBuffer chunk) {
        checkOpen();
        byte[] bytes = new byte[chunk.remaining()];
        chunk.get(bytes);
        md5.update(bytes);
        body.writeBytes(bytes);
    }

    @Override
    public void write(ByteBuf chunk) {
        checkOpen();
        byte[] bytes = new byte[chunk.readableBytes()];
        chunk.readBytes(bytes);
        md5.update(bytes);
        body.writeBytes(bytes);
    }

    /** Keeps hashing: in memory, {@link #senderDigest} checks the sender's MD5 against this one instead. */
    @Override
    public void expectSenderDigest() {}

    @Override
    public void senderDigest(SenderDigest digest) throws DiskFileEtagMismatch {
        if (!digest.md5Hex().equals(etag())) {
            throw new DiskFileEtagMismatch("the sender's MD5 " + digest.md5Hex() + " is not the body's " + etag());
        }
    }

    @Override
    public long bytesWritten() {
        return body.size();
    }

    @Override
    public String etag() {
        String e = etag;
        if (e == null) {
            e = HashPath.toHex(md5.digest());
            etag = e;
        }
        return e;
    }

    @Override
    public ObjectMetadata put(ObjectMetadata metadata) throws IOException {
        checkOpen();
        Timestamp ts = metadata.timestamp();
        if (ts == null) {
            throw new IllegalArgumentException("metadata for a .data needs X-Timestamp");
        }
        long written = body.size();
        String cl = metadata.get(ObjectMetadata.CONTENT_LENGTH);
        if ((expectedSize >= 0 && written != expectedSize)
                || (cl != null && !cl.trim().equals(Long.toString(written)))) {
            throw new DiskFileSizeMismatch("body of " + diskFile.name() + " has " + written + " bytes, expected "
                    + (cl != null ? cl : Long.toString(expectedSize)));
        }
        String given = metadata.etag();
        if (given != null && !given.equalsIgnoreCase(etag())) {
            throw new DiskFileEtagMismatch("ETag " + given + " does not match the body's md5 " + etag());
        }
        Map<String, String> m = new LinkedHashMap<>(metadata.asMap());
        m.put(ObjectMetadata.CONTENT_LENGTH, Long.toString(written));
        m.put(ObjectMetadata.ETAG, etag());
        m.put(ObjectMetadata.NAME, diskFile.name());
        ObjectMetadata stored = ObjectMetadata.of(m);
        diskFile.commit(OnDiskFileName.make(ts, OnDiskFileName.DATA, null), stored, body.toByteArray());
        done = true;
        return stored;
    }

    private void checkOpen() {
        if (done) {
            throw new IllegalStateException("writer of " + diskFile.name() + " is already committed or closed");
        }
    }

    @Override
    public void close() {
        done = true;
    }
}
