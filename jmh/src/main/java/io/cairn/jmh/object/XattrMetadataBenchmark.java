package io.cairn.jmh.object;

import io.cairn.common.io.LinuxFiles;
import io.cairn.common.io.NativeFile;
import io.cairn.object.metadata.ObjectMetadata;
import io.cairn.object.metadata.XattrMetadataStore;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An object's xattr metadata through the JDK ({@code UserDefinedFileAttributeView}: an open, a call and a close per
 * name, plus a listing to read) against {@link LinuxFiles} (one JNA call per name on an open descriptor), on a real
 * file in {@code java.io.tmpdir}: {@code read} is what a GET does (open the {@code .data}, read its metadata,
 * close), {@code write} what a PUT does to its open temp file.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-opens=java.base/java.io=ALL-UNNAMED", "-Dchronicle.analytics.disable=true"})
public class XattrMetadataBenchmark {
    @Param({"jdk", "linux"})
    public String calls;

    private Path dir;
    private Path file;
    private ObjectMetadata metadata;
    private LinuxFiles linux;
    private NativeFile open;

    @Setup(Level.Trial)
    public void create() throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", "/AUTH_test/photos/2026/11/26/holiday-0001.jpg");
        m.put("X-Timestamp", "1795690120.12345");
        m.put("Content-Type", "image/jpeg");
        m.put("Content-Length", "4096");
        m.put("ETag", "97d23c17628b148180afd55584c2eb9b");
        m.put("X-Object-Meta-Color", "blue");
        metadata = ObjectMetadata.of(m);
        dir = Files.createTempDirectory("cairn-xattr-jmh");
        file = Files.write(dir.resolve("1795690120.12345.data"), new byte[4096]);
        XattrMetadataStore.write(file, metadata);
        LinuxFiles loaded = LinuxFiles.load();
        if (loaded == null) {
            throw new IllegalStateException("no Linux file calls here (JNA, or --add-opens java.base/java.io)");
        }
        linux = loaded;
        open = linux.openRead(file);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        open.close();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public ObjectMetadata read() throws IOException {
        if (calls.equals("jdk")) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                return XattrMetadataStore.read(file);
            }
        }
        try (NativeFile f = linux.openRead(file)) {
            return XattrMetadataStore.read(linux, f, file);
        }
    }

    @Benchmark
    public void write() throws IOException {
        if (calls.equals("jdk")) {
            XattrMetadataStore.write(file, metadata);
        } else {
            XattrMetadataStore.write(linux, open, file, metadata);
        }
    }
}
