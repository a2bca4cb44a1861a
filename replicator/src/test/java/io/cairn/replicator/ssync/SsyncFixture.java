package io.cairn.replicator.ssync;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.IniFile;
import io.cairn.common.config.SwiftConf;
import io.cairn.common.http.Transport;
import io.cairn.common.io.DeviceRoot;
import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.DiskFile;
import io.cairn.object.diskfile.DiskFileConfig;
import io.cairn.object.diskfile.DiskFileWriter;
import io.cairn.object.diskfile.LocalDiskFileManager;
import io.cairn.object.metadata.ObjectMetadata;
import io.cairn.object.metadata.XattrMetadataStore;
import io.cairn.object.server.ObjectServerConfig;
import io.cairn.object.server.ObjectServerNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Temp dirs, swift.conf, a Cairn object server and local disk managers for the ssync ITs. */
final class SsyncFixture implements AutoCloseable {
    static final String SWIFT_CONF =
            "[swift-hash]\nswift_hash_path_prefix = cairnpre\nswift_hash_path_suffix = cairnsuf\n"
                    + "[storage-policy:0]\nname = gold\ndefault = yes\n[storage-policy:1]\nname = silver\n";

    final Path root;
    final Path swiftDir;

    SsyncFixture() throws IOException {
        root = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "ssync-");
        swiftDir = Files.createDirectories(root.resolve("etc"));
        Files.writeString(swiftDir.resolve("swift.conf"), SWIFT_CONF);
    }

    SwiftConf swiftConf() {
        return SwiftConf.load(swiftDir);
    }

    /** A devices dir {@code root/<name>} holding {@code devices}. */
    Path devices(String name, String... devices) throws IOException {
        Path d = Files.createDirectories(root.resolve(name));
        for (String dev : devices) {
            Files.createDirectories(d.resolve(dev));
        }
        return d;
    }

    LocalDiskFileManager manager(Path devices) {
        return new LocalDiskFileManager(
                new DeviceRoot(devices, false), swiftConf().hashPath(), DiskFileConfig.defaults(), Clock.systemUTC());
    }

    ObjectServerNode cairnServer(Path devices) throws IOException, InterruptedException {
        String conf = "[DEFAULT]\ndevices = " + devices + "\nmount_check = false\nswift_dir = " + swiftDir
                + "\nbind_ip = 127.0.0.1\nbind_port = 0\n[app:object-server]\nlog_requests = false\n"
                + "client_timeout = 5\n";
        return ObjectServerNode.start(
                ObjectServerConfig.from(IniFile.parse(conf, "test")),
                swiftConf(),
                Transport.select(true),
                Clock.systemUTC());
    }

    /** PUTs {@code obj} into device {@code sda}. */
    static void put(
            LocalDiskFileManager m,
            int part,
            int policy,
            String obj,
            Timestamp ts,
            String body,
            Map<String, String> extra)
            throws IOException {
        DiskFile df = m.diskFile("sda", part, "AUTH_test", "cont", obj, policy);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (DiskFileWriter w = df.writer(bytes.length)) {
            w.write(ByteBuffer.wrap(bytes));
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put(ObjectMetadata.X_TIMESTAMP, ts.internal());
            meta.put(ObjectMetadata.CONTENT_TYPE, "text/plain");
            meta.putAll(extra);
            w.put(ObjectMetadata.of(meta));
        }
    }

    static void post(LocalDiskFileManager m, String dev, int part, int policy, String obj, Map<String, String> meta)
            throws IOException {
        m.diskFile(dev, part, "AUTH_test", "cont", obj, policy).writeMetadata(ObjectMetadata.of(meta));
    }

    static void delete(LocalDiskFileManager m, String dev, int part, int policy, String obj, Timestamp ts)
            throws IOException {
        m.diskFile(dev, part, "AUTH_test", "cont", obj, policy).delete(ts);
    }

    /** Every object file under {@code dir} (relative path), excluding hashes files and Cairn's own files. */
    static List<String> objectFiles(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString())
                    .filter(n -> n.endsWith(".data") || n.endsWith(".meta") || n.endsWith(".ts"))
                    .sorted()
                    .forEach(out::add);
        }
        return out;
    }

    /** Asserts both partition dirs hold the same object files, byte-identical, with equal xattr metadata. */
    static void assertSameObjectFiles(Path a, Path b) throws IOException {
        List<String> files = objectFiles(a);
        assertThat(files).isNotEmpty();
        assertThat(objectFiles(b)).isEqualTo(files);
        for (String f : files) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
            Map<String, String> expected = XattrMetadataStore.read(a.resolve(f)).asMap();
            assertThat(XattrMetadataStore.read(b.resolve(f)).asMap())
                    .as("metadata of " + f)
                    .isEqualTo(expected);
        }
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
