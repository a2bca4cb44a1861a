package io.cairn.jmh.object;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hashing a PUT body chunk costs on its way to disk (a direct buffer, as Netty hands it over): what each replica
 * paid before the proxy offered its digest ({@link #md5AndCrc32c}: the object server's MD5 for the ETag and CRC32C for
 * later GETs), what a replica pays now ({@link #crc32cOnly}), and the proxy's one MD5 + CRC32C per body
 * ({@code BodyDigest}, the same work as {@link #md5AndCrc32c}, once instead of three times). Throughput in bytes/s =
 * ops/s × {@code chunkBytes}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BodyHashBenchmark {
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
