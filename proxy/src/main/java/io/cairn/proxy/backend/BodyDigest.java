package io.cairn.proxy.backend;

import io.cairn.common.http.CairnBackendHeaders;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * The MD5 and CRC32C of a PUT body, computed once while the proxy relays it, for the object servers that took
 * {@link CairnBackendHeaders#BODY_DIGEST_OFFER}: they get both as chunked trailers ({@link #trailers}), check their
 * copy by the CRC32C and store the MD5 as the ETag, so the body is MD5-hashed once instead of once per replica.
 *
 * <p>Not thread-safe: confined to the PUT's event loop.
 */
public final class BodyDigest {
    private final MessageDigest md5;
    private final CRC32C crc32c = new CRC32C();

    public BodyDigest() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /** Adds {@code data}'s readable bytes; its indexes do not move, and nothing is copied to the heap. */
    public void update(ByteBuf data) {
        int readable = data.readableBytes();
        if (readable == 0) {
            return;
        }
        if (data.nioBufferCount() == 1) {
            update(data.nioBuffer(data.readerIndex(), readable));
        } else {
            for (ByteBuffer part : data.nioBuffers(data.readerIndex(), readable)) {
                update(part);
            }
        }
    }

    private void update(ByteBuffer part) {
        int start = part.position();
        md5.update(part);
        part.position(start);
        crc32c.update(part);
    }

    /** The trailers that end the body: {@link CairnBackendHeaders#BODY_MD5_TRAILER} and the CRC32C. Once. */
    public HttpHeaders trailers() {
        return new DefaultHttpHeaders()
                .set(CairnBackendHeaders.BODY_MD5_TRAILER, HexFormat.of().formatHex(md5.digest()))
                .set(CairnBackendHeaders.BODY_CRC32C_TRAILER, String.format("%08x", crc32c.getValue()));
    }
}
