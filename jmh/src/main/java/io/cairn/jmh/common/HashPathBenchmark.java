package io.cairn.jmh.common;

import io.cairn.common.path.HashPath;
import io.cairn.jmh.ThroughputBenchmark;
import org.openjdk.jmh.annotations.Benchmark;

/** {@link HashPath#hashInto} for a typical object path: should allocate nothing per operation. */
public class HashPathBenchmark extends ThroughputBenchmark {
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
