package io.cairn.jmh.common;

import io.cairn.common.path.HashPath;
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

/** {@link HashPath#hashInto} for a typical object path: should allocate nothing per operation. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HashPathBenchmark {
    private final HashPath hashPath = HashPath.of("cairn-prefix", "cairn-suffix");
    private final byte[] out = new byte[16];
    private final String account = "AUTH_test";
    private final String container = "photos";
    private final String object = "2026/11/26/holiday/IMG_0042.jpg";
    private final String unicodeObject = "f\u00f6\u00f6/\u65e5\u672c/\ud83d\ude00.txt";

    @Benchmark
    public byte[] objectPath() {
        hashPath.hashInto(account, container, object, out, 0);
        return out;
    }

    @Benchmark
    public byte[] unicodeObjectPath() {
        hashPath.hashInto(account, container, unicodeObject, out, 0);
        return out;
    }

    @Benchmark
    public String objectPathHex() {
        return hashPath.hex(account, container, object);
    }
}
