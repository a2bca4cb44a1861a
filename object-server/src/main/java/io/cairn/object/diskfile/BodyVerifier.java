package io.cairn.object.diskfile;

import io.cairn.common.path.HashPath;
import io.cairn.object.metadata.ObjectMetadata;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code DiskFileReader._handle_close_quarantine} for a read of a whole body from byte 0: counts
 * and MD5s the bytes as they are read and, at the end, quarantines the object (reference §2.7) when the
 * count differs from the size in the metadata or the MD5 differs from the {@code .data}'s {@code ETag}.
 * Used by the object auditor (ALL pass) and by the object server's GET before it sends the last bytes.
 *
 * <p>Not thread-safe: one reader, one thread at a time (a streamed GET hands it from one device-executor
 * task to the next, each task happening-after the previous).
 */
public final class BodyVerifier {
    private final DiskFileReader reader;
    private final MessageDigest md5;
    private long bytes;

    public BodyVerifier(DiskFileReader reader) {
        this.reader = reader;
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /** Hashes {@code chunk}'s remaining bytes (its position moves to its limit). */
    public void update(ByteBuffer chunk) {
        bytes += chunk.remaining();
        md5.update(chunk);
    }

    /** Hashes {@code chunk}'s readable bytes without moving its indexes. */
    public void update(ByteBuf chunk) {
        int n = chunk.readableBytes();
        bytes += n;
        if (chunk.hasArray()) {
            md5.update(chunk.array(), chunk.arrayOffset() + chunk.readerIndex(), n);
        } else {
            for (ByteBuffer b : chunk.nioBuffers(chunk.readerIndex(), n)) {
                md5.update(b);
            }
        }
    }

    /** Bytes hashed so far. */
    public long bytes() {
        return bytes;
    }

    /**
     * Why the body read so far is not the stored object, or null when it is: byte count equal to {@link
     * DiskFileReader#contentLength()} and MD5 equal to the {@code .data}'s {@code ETag}. Ends the digest.
     */
    public @Nullable String mismatch() {
        String md5Hex = HashPath.toHex(md5.digest());
        if (bytes != reader.contentLength()) {
            return "Bytes read: " + bytes + ", does not match metadata: " + reader.contentLength();
        }
        String etag = reader.dataMetadata().get(ObjectMetadata.ETAG);
        if (etag != null && !etag.equals(md5Hex)) {
            return "ETag " + etag + " and file's md5 " + md5Hex + " do not match";
        }
        return null;
    }

    /**
     * Checks the whole body read so far ({@link #mismatch()}) and quarantines the object when it is
     * corrupt. Blocks on the disk when it quarantines.
     *
     * @throws DiskFileQuarantined the body was corrupt and the object has been moved away
     */
    public void verify() throws IOException {
        String why = mismatch();
        if (why != null) {
            throw reader.quarantine(why);
        }
    }
}
