package io.cairn.jmh.common;

import io.cairn.common.time.Timestamp;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Timestamp} parse and format as every request does (X-Timestamp in, file names and headers
 * out): parse allocates the Timestamp, the {@code write*} forms into a byte array should allocate nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TimestampBenchmark {
    private final String normal = "1764158400.12345";
    private final String internalWithOffset = "1764158400.12345_000000000000002a";
    private final Timestamp timestamp = Timestamp.parse(internalWithOffset);
    private final byte[] out = new byte[Timestamp.INTERNAL_WITH_OFFSET_LENGTH];

    @Benchmark
    public Timestamp parseNormal() {
        return Timestamp.parse(normal);
    }

    @Benchmark
    public Timestamp parseWithOffset() {
        return Timestamp.parse(internalWithOffset);
    }

    @Benchmark
    public String internalString() {
        return timestamp.internal();
    }

    @Benchmark
    public byte[] writeInternal() {
        timestamp.writeInternal(out, 0);
        return out;
    }

    @Benchmark
    public String httpDate() {
        return timestamp.httpDate();
    }
}
