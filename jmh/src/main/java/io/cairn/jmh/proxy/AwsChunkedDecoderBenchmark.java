package io.cairn.jmh.proxy;

import io.cairn.proxy.s3api.auth.AwsChunkedDecoder;
import io.cairn.proxy.s3api.auth.S3Auth;
import io.cairn.proxy.s3api.auth.SigV4;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one aws-chunked request body of 1 MiB with the proxy's {@link AwsChunkedDecoder}, fed in 64 KiB reads
 * (slices of one direct buffer, as socket reads would hand them on) into a sink that releases each decoded slice:
 * {@code signed} is {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD} (each chunk's SHA-256 and chained HMAC checked),
 * {@code unsigned-trailer} is {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER} with an {@code x-amz-checksum-crc32} trailer
 * (what recent AWS CLIs send; the checksum itself is computed elsewhere, not here). One operation is one whole body:
 * ns per KiB = ns/op ÷ 1024; {@code -prof gc} gives bytes allocated per request body.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AwsChunkedDecoderBenchmark {
    static final int BODY = 1 << 20;
    static final int READ = 64 << 10;
    private static final String AMZ_DATE = "20261208T043909Z";
    private static final String SCOPE = "20261208/us-east-1/s3/aws4_request";
    private static final String SEED = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";

    @Param({"signed", "unsigned-trailer"})
    public String mode;

    @Param({"8", "64"})
    public int chunkKiB;

    private ByteBuf encoded;
    private S3Auth.ChunkSigning signing;
    private long decodedBytes;

    @Setup
    public void setUp() {
        byte[] data = new byte[BODY];
        new SplittableRandom(7).nextBytes(data);
        byte[] key = SigV4.signingKey("testing", AMZ_DATE.substring(0, 8), "us-east-1", "s3");
        boolean signed = mode.equals("signed");
        signing = signed ? new S3Auth.ChunkSigning(key, AMZ_DATE, SCOPE, SEED) : null;
        ByteArrayOutputStream out = new ByteArrayOutputStream(BODY + 4096);
        String previous = SEED;
        int chunk = chunkKiB << 10;
        for (int off = 0; off <= BODY; off += chunk) {
            byte[] piece = Arrays.copyOfRange(data, off, Math.min(BODY, off + chunk)); // the last one is empty
            String line = Integer.toHexString(piece.length);
            if (signed) {
                String sts = SigV4.chunkStringToSign(AMZ_DATE, SCOPE, previous, SigV4.sha256Hex(piece));
                previous = SigV4.signature(key, sts);
                line += ";chunk-signature=" + previous;
            }
            write(out, line + "\r\n");
            out.write(piece, 0, piece.length);
            if (piece.length > 0) {
                write(out, "\r\n");
            }
        }
        write(out, signed ? "\r\n" : "x-amz-checksum-crc32:sOO8/Q==\r\n\r\n");
        byte[] bytes = out.toByteArray();
        encoded = Unpooled.directBuffer(bytes.length).writeBytes(bytes);
        decode(); // throws unless the proxy's decoder accepts the body
        if (decodedBytes != BODY) {
            throw new IllegalStateException("decoded " + decodedBytes + " bytes, not " + BODY);
        }
    }

    private static void write(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        out.write(b, 0, b.length);
    }

    @TearDown
    public void tearDown() {
        encoded.release();
    }

    @Benchmark
    public long decode() {
        decodedBytes = 0;
        AwsChunkedDecoder decoder = new AwsChunkedDecoder(signing, signing == null, BODY, slice -> {
            decodedBytes += slice.readableBytes();
            slice.release();
        });
        int n = encoded.readableBytes();
        for (int off = 0; off < n; off += READ) {
            decoder.feed(encoded.slice(off, Math.min(READ, n - off)));
        }
        decoder.finish();
        return decoder.decoded();
    }
}
