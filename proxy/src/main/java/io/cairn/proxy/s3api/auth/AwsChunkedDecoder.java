package io.cairn.proxy.s3api.auth;

import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Decodes an {@code aws-chunked} request body as it streams ({@code <hex-size>[;chunk-signature=<sig>]\r\n
 * <data>\r\n ... 0[;chunk-signature=<sig>]\r\n [<trailer>:<value>\r\n ...] \r\n}): hands each chunk's data on
 * as it arrives, checks each chunk's signature when its data is complete (chained from the request's seed
 * signature), reads the trailer (and checks {@code x-amz-trailer-signature} for signed trailers), and checks
 * that the decoded length is {@code x-amz-decoded-content-length}. The caller holds back the last decoded
 * bytes from the backend until {@link #finish} succeeded, so a bad signature or a truncated body stores nothing.
 *
 * <p>Not thread-safe; confined to the request's event loop.
 */
public final class AwsChunkedDecoder {
    /** The longest chunk-size line or trailer line accepted. */
    static final int MAX_LINE = 4096;
    /** The most trailer bytes accepted. */
    static final int MAX_TRAILER = 16 * 1024;

    private enum State {
        SIZE_LINE,
        DATA,
        DATA_CRLF,
        TRAILER,
        DONE
    }

    private final S3Auth.@Nullable ChunkSigning signing;
    private final boolean trailerExpected;
    private final long decodedLength;
    private final Consumer<ByteBuf> sink;
    private final StringBuilder line = new StringBuilder();
    private final Map<String, String> trailers = new LinkedHashMap<>();
    private final StringBuilder trailerText = new StringBuilder();
    private final MessageDigest chunkDigest = SigV4.sha256();
    private State state = State.SIZE_LINE;
    private long remaining;
    private long decoded;
    private int crlfSeen;
    private int trailerBytes;
    private @Nullable String chunkSignature;
    private @Nullable String trailerSignature;
    private String previousSignature;
    private boolean lastZero;

    /**
     * @param signing the chunk signature chain's seed, or null for unsigned chunks
     * @param trailerExpected whether a trailer follows the last chunk
     * @param decodedLength {@code x-amz-decoded-content-length}, or -1 when not given
     * @param sink receives each piece of decoded data (a retained slice, owned by the sink)
     */
    public AwsChunkedDecoder(
            S3Auth.@Nullable ChunkSigning signing,
            boolean trailerExpected,
            long decodedLength,
            Consumer<ByteBuf> sink) {
        this.signing = signing;
        this.trailerExpected = trailerExpected;
        this.decodedLength = decodedLength;
        this.sink = sink;
        this.previousSignature = signing == null ? "" : signing.seedSignature();
    }

    /** Decodes what {@code in} holds (not taken over: the caller still releases it). */
    public void feed(ByteBuf in) {
        while (in.isReadable()) {
            switch (state) {
                case SIZE_LINE -> readSizeLine(in);
                case DATA -> readData(in);
                case DATA_CRLF -> readCrlf(in);
                case TRAILER -> readTrailer(in);
                case DONE -> throw incomplete("bytes after the end of the aws-chunked body");
            }
        }
    }

    /** The body ended: throws unless it was whole and every signature held. */
    public void finish() {
        if (state != State.DONE) {
            throw incomplete("the aws-chunked body ended early");
        }
        if (decodedLength >= 0 && decoded != decodedLength) {
            throw incomplete(
                    "the decoded body has " + decoded + " bytes, x-amz-decoded-content-length says " + decodedLength);
        }
    }

    /** The trailer's headers, lower-case names (after {@link #finish}). */
    public Map<String, String> trailers() {
        return trailers;
    }

    /** How many decoded bytes have been handed on. */
    public long decoded() {
        return decoded;
    }

    private static S3Exception incomplete(String why) {
        return new S3Exception(
                S3ErrorCode.IncompleteBody,
                "You did not provide the number of bytes specified by " + "the Content-Length HTTP header (" + why
                        + ").");
    }

    private boolean readLine(ByteBuf in) {
        while (in.isReadable()) {
            char c = (char) (in.readByte() & 0xff);
            if (c == '\n' && line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
                line.setLength(line.length() - 1);
                return true;
            }
            line.append(c);
            if (line.length() > MAX_LINE) {
                throw incomplete("a chunk header line is too long");
            }
        }
        return false;
    }

    private void readSizeLine(ByteBuf in) {
        if (!readLine(in)) {
            return;
        }
        String l = line.toString();
        line.setLength(0);
        int semi = l.indexOf(';');
        String hex = (semi < 0 ? l : l.substring(0, semi)).strip();
        long size;
        try {
            size = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw incomplete("a chunk size is not hexadecimal");
        }
        if (size < 0 || size > (1L << 32)) {
            throw new S3Exception(S3ErrorCode.InvalidChunkSizeError, "chunk size out of range: " + hex);
        }
        chunkSignature = null;
        if (semi >= 0) {
            String ext = l.substring(semi + 1).strip();
            if (ext.startsWith("chunk-signature=")) {
                chunkSignature = ext.substring("chunk-signature=".length());
            }
        }
        if (signing != null && chunkSignature == null) {
            throw new S3Exception(S3ErrorCode.SignatureDoesNotMatch, "a chunk has no chunk-signature");
        }
        remaining = size;
        chunkDigest.reset();
        if (size == 0) {
            lastZero = true;
            checkChunkSignature();
            state = trailerExpected ? State.TRAILER : State.DATA_CRLF;
            crlfSeen = 0;
            return;
        }
        state = State.DATA;
    }

    private void readData(ByteBuf in) {
        int n = (int) Math.min(remaining, in.readableBytes());
        ByteBuf slice = in.readRetainedSlice(n);
        if (signing != null) {
            chunkDigest.update(slice.nioBuffer());
        }
        remaining -= n;
        decoded += n;
        if (decodedLength >= 0 && decoded > decodedLength) {
            slice.release();
            throw incomplete("more decoded bytes than x-amz-decoded-content-length");
        }
        sink.accept(slice);
        if (remaining == 0) {
            checkChunkSignature();
            state = State.DATA_CRLF;
            crlfSeen = 0;
        }
    }

    private void checkChunkSignature() {
        S3Auth.ChunkSigning s = signing;
        String sig = chunkSignature;
        if (s == null || sig == null) {
            return;
        }
        String sts =
                SigV4.chunkStringToSign(s.amzDate(), s.scope(), previousSignature, SigV4.hex(chunkDigest.digest()));
        if (!SigV4.same(SigV4.signature(s.signingKey(), sts), sig)) {
            throw new S3Exception(S3ErrorCode.SignatureDoesNotMatch)
                    .with("StringToSign", sts)
                    .with("SignatureProvided", sig);
        }
        previousSignature = sig;
    }

    private void readCrlf(ByteBuf in) {
        while (in.isReadable() && crlfSeen < 2) {
            byte b = in.readByte();
            if ((crlfSeen == 0 && b != '\r') || (crlfSeen == 1 && b != '\n')) {
                throw incomplete("a chunk's data is not followed by CRLF");
            }
            crlfSeen++;
        }
        if (crlfSeen == 2) {
            // the CRLF after the final zero-size chunk (no trailer) ends the body
            state = lastZero ? State.DONE : State.SIZE_LINE;
        }
    }

    private void readTrailer(ByteBuf in) {
        while (in.isReadable() && state == State.TRAILER) {
            if (!readLine(in)) {
                return;
            }
            String l = line.toString();
            line.setLength(0);
            trailerBytes += l.length() + 2;
            if (trailerBytes > MAX_TRAILER) {
                throw new S3Exception(S3ErrorCode.MalformedTrailerError);
            }
            if (l.isEmpty()) {
                checkTrailerSignature();
                state = State.DONE;
                return;
            }
            int colon = l.indexOf(':');
            if (colon <= 0) {
                throw new S3Exception(S3ErrorCode.MalformedTrailerError);
            }
            String name = l.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = l.substring(colon + 1).strip();
            if (name.equals("x-amz-trailer-signature")) {
                trailerSignature = value;
            } else {
                trailers.put(name, value);
                trailerText.append(name).append(':').append(value).append('\n');
            }
        }
    }

    private void checkTrailerSignature() {
        S3Auth.ChunkSigning s = signing;
        if (s == null) {
            return;
        }
        String sig = trailerSignature;
        if (sig == null) {
            throw new S3Exception(S3ErrorCode.SignatureDoesNotMatch, "the trailer has no x-amz-trailer-signature");
        }
        String sts = SigV4.trailerStringToSign(
                s.amzDate(),
                s.scope(),
                previousSignature,
                SigV4.sha256Hex(trailerText.toString().getBytes(StandardCharsets.UTF_8)));
        if (!SigV4.same(SigV4.signature(s.signingKey(), sts), sig)) {
            throw new S3Exception(S3ErrorCode.SignatureDoesNotMatch)
                    .with("StringToSign", sts)
                    .with("SignatureProvided", sig);
        }
    }
}
