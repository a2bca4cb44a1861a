package io.cairn.object.diskfile;

import io.cairn.common.path.HashPath;
import io.cairn.object.metadata.ObjectMetadata;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code DiskFileReader._handle_close_quarantine} for a read of a whole body from byte 0: counts
 * and hashes the bytes as they are read and, at the end, quarantines the object (reference §2.7) when the
 * count differs from the size in the metadata or the hash differs from the stored one. The object auditor
 * (ALL pass) checks the MD5 against the {@code .data}'s {@code ETag}, as Swift's; the object server's GET
 * ({@link #forGet}) checks the body's CRC32C where Cairn stored one at PUT ({@link ObjectMetadata#BODY_CRC32C}):
 * the same bitrot guarantee at a hundredth of MD5's CPU, so a large GET is not bound by MD5. Bodies without one
 * (written by Swift, or small) are MD5-checked.
 *
 * <p>Not thread-safe: one reader, one thread at a time (a streamed GET hands it from one device-executor
 * task to the next, each task happening-after the previous).
 */
public final class BodyVerifier {
    private final DiskFileReader reader;
    private final @Nullable MessageDigest md5;
    private final @Nullable CRC32C crc32c;
    private final @Nullable String storedCrc32c;
    private long bytes;

    /** An MD5 check against the ETag (the auditor's, and Swift's). */
    public BodyVerifier(DiskFileReader reader) {
        this(reader, null);
    }

    private BodyVerifier(DiskFileReader reader, @Nullable String storedCrc32c) {
        this.reader = reader;
        this.storedCrc32c = storedCrc32c;
        if (storedCrc32c != null) {
            this.md5 = null;
            this.crc32c = new CRC32C();
        } else {
            this.crc32c = null;
            try {
                this.md5 = MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has MD5", e);
            }
        }
    }

    /** A GET's check: the stored CRC32C when the {@code .data} has one, else the MD5 against the ETag. */
    public static BodyVerifier forGet(DiskFileReader reader) {
        return new BodyVerifier(reader, reader.dataMetadata().get(ObjectMetadata.BODY_CRC32C));
    }

    /** How {@link ObjectMetadata#BODY_CRC32C} spells a CRC32C value: 8 lowercase hex digits. */
    public static String crc32cHex(long value) {
        return String.format(Locale.ROOT, "%08x", value);
    }

    /** Hashes {@code chunk}'s remaining bytes (its position moves to its limit). */
    public void update(ByteBuffer chunk) {
        bytes += chunk.remaining();
        if (crc32c != null) {
            crc32c.update(chunk);
        } else if (md5 != null) {
            md5.update(chunk);
        }
    }

    /** Hashes {@code chunk}'s readable bytes without moving its indexes. */
    public void update(ByteBuf chunk) {
        int n = chunk.readableBytes();
        bytes += n;
        for (ByteBuffer b : chunk.nioBuffers(chunk.readerIndex(), n)) {
            if (crc32c != null) {
                crc32c.update(b);
            } else if (md5 != null) {
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
     * DiskFileReader#contentLength()} and the hash equal to the stored CRC32C, or the MD5 to the {@code .data}'s
     * {@code ETag}. Ends the digest.
     */
    public @Nullable String mismatch() {
        if (bytes != reader.contentLength()) {
            return "Bytes read: " + bytes + ", does not match metadata: " + reader.contentLength();
        }
        if (crc32c != null) {
            String crcHex = crc32cHex(crc32c.getValue());
            return crcHex.equals(storedCrc32c)
                    ? null
                    : "CRC32C " + storedCrc32c + " and file's CRC32C " + crcHex + " do not match";
        }
        String md5Hex = md5 == null ? "" : HashPath.toHex(md5.digest());
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
