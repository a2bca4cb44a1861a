package io.cairn.jmh.common;

import io.cairn.common.time.Timestamp;
import io.cairn.jmh.ThroughputBenchmark;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * {@link Timestamp} parse and format as every request does (X-Timestamp in, file names and headers
 * out): parse allocates the Timestamp, the {@code write*} forms into a byte array should allocate nothing.
 */
public class TimestampBenchmark extends ThroughputBenchmark {
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
