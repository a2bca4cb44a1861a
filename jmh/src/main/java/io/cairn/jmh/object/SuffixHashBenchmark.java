package io.cairn.jmh.object;

import io.cairn.jmh.ThroughputBenchmark;
import io.cairn.object.diskfile.HashDirCleanup;
import io.cairn.object.diskfile.Quarantine;
import io.cairn.object.diskfile.SuffixHasher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Swift's {@code hash_suffix} on a real suffix directory (temp dir on the working filesystem) with four
 * hash dirs: three {@code .data}, one with a {@code .meta}, one tombstone — listing, cleanup decision and
 * md5, what REPLICATE pays per invalidated suffix.
 */
public class SuffixHashBenchmark extends ThroughputBenchmark {
    private Path root;
    private Path suffixDir;
    private SuffixHasher hasher;

    @Setup(Level.Trial)
    public void build() throws IOException {
        root = Files.createTempDirectory("cairn-suffix-bench");
        suffixDir = Files.createDirectories(root.resolve("objects/1/abc"));
        long now = System.currentTimeMillis() / 1000;
        String[][] dirs = {
            {(now - 10) + ".00000.data"},
            {(now - 9) + ".00000.data", (now - 5) + ".00000.meta"},
            {(now - 8) + ".12345.data"},
            {(now - 7) + ".00000.ts"}
        };
        for (int i = 0; i < dirs.length; i++) {
            Path hashDir = Files.createDirectories(suffixDir.resolve(String.format("%029xabc", i + 1)));
            for (String f : dirs[i]) {
                Files.write(hashDir.resolve(f), new byte[] {1});
            }
        }
        HashDirCleanup cleanup = new HashDirCleanup(604_800L);
        hasher = new SuffixHasher(cleanup, new Quarantine((partitionDir, suffix) -> {}), System::currentTimeMillis);
        if (hasher.rehash(suffixDir) == null) {
            throw new IllegalStateException("suffix vanished");
        }
    }

    @TearDown(Level.Trial)
    public void remove() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public String hashSuffix() throws IOException {
        return hasher.rehash(suffixDir);
    }
}
