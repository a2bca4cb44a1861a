package io.cairn.jmh.object;

import io.cairn.jmh.ThroughputBenchmark;
import io.cairn.object.metadata.MetadataCodec;
import io.cairn.object.metadata.MetadataFormatException;
import io.cairn.object.metadata.ObjectMetadata;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * The {@code user.swift.metadata} pickle of a typical object (10 keys: Swift's system keys plus user
 * metadata and one non-ASCII value): encode on every PUT/POST, decode on every GET/HEAD.
 */
public class MetadataCodecBenchmark extends ThroughputBenchmark {
    private ObjectMetadata metadata;
    private byte[] pickle;

    @Setup
    public void build() throws MetadataFormatException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", "/AUTH_test/photos/2026/11/26/holiday-0001.jpg");
        m.put("X-Timestamp", "1795690120.12345");
        m.put("Content-Type", "image/jpeg");
        m.put("Content-Length", "4096");
        m.put("ETag", "97d23c17628b148180afd55584c2eb9b");
        m.put("X-Object-Meta-Color", "blue");
        m.put("X-Object-Meta-Camera", "Fujifilm X-T5");
        m.put("X-Object-Meta-Place", "Zürich");
        m.put("X-Object-Sysmeta-Container-Update-Override-Etag", "97d23c17628b148180afd55584c2eb9b");
        m.put("Content-Disposition", "inline; filename=holiday-0001.jpg");
        metadata = ObjectMetadata.of(m);
        pickle = MetadataCodec.encode(metadata);
        if (MetadataCodec.decode(pickle).size() != 10) {
            throw new IllegalStateException("round trip lost keys");
        }
    }

    @Benchmark
    public byte[] encode() {
        return MetadataCodec.encode(metadata);
    }

    @Benchmark
    public ObjectMetadata decode() throws MetadataFormatException {
        return MetadataCodec.decode(pickle);
    }
}
