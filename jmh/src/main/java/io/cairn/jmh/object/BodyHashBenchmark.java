package io.cairn.jmh.object;

import io.cairn.jmh.ThroughputBenchmark;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import java.util.zip.CRC32C;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The hashing a PUT body chunk costs on its way to disk (a direct buffer, as Netty hands it over): what each replica
 * paid before the proxy offered its digest ({@link #md5AndCrc32c}: the object server's MD5 for the ETag and CRC32C for
 * later GETs), what a replica pays now ({@link #crc32cOnly}), and the proxy's one MD5 + CRC32C per body
 * ({@code BodyDigest}, the same work as {@link #md5AndCrc32c}, once instead of three times). Throughput in bytes/s =
 * ops/s × {@code chunkBytes}.
 */
public class BodyHashBenchmark extends ThroughputBenchmark {
    @Param({"65536"})
    public int chunkBytes;

    private ByteBuffer chunk;
    private MessageDigest md5;
    private CRC32C crc32c;

    @Setup(Level.Trial)
    public void fill() throws NoSuchAlgorithmException {
        byte[] bytes = new byte[chunkBytes];
        new Random(42).nextBytes(bytes);
        chunk = ByteBuffer.allocateDirect(chunkBytes);
        chunk.put(bytes).flip();
        md5 = MessageDigest.getInstance("MD5");
        crc32c = new CRC32C();
    }

    @Benchmark
    public long md5AndCrc32c() {
        chunk.position(0);
        md5.update(chunk);
        chunk.position(0);
        crc32c.update(chunk);
        return crc32c.getValue();
    }

    @Benchmark
    public long crc32cOnly() {
        chunk.position(0);
        crc32c.update(chunk);
        return crc32c.getValue();
    }

    @Benchmark
    public int md5Only() {
        chunk.position(0);
        md5.update(chunk);
        return chunk.position();
    }
}
