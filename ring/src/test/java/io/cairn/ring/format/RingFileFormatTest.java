package io.cairn.ring.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.codec.Json;
import io.cairn.common.testing.Python;
import io.cairn.ring.Device;
import io.cairn.ring.RingData;
import io.cairn.ring.TestScripts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RingFileFormatTest {
    @TempDir
    static Path golden;

    @TempDir
    Path tmp;

    /** Writes the golden files once: v1 by Swift 2.30.1's RingData.save, v2 by the Python re-implementation. */
    @BeforeAll
    static void writeGoldenFiles() {
        Python.runText(TestScripts.load("/io/cairn/ring/format/golden_rings.py"), golden.toString());
    }

    /** The ring golden_rings.py writes. */
    static RingData ring(@Nullable Long version, @Nullable Integer nextPartPower) {
        List<@Nullable Device> devs = new ArrayList<>();
        devs.add(new Device(0, 1, 1, "10.0.0.1", 6200, "10.1.0.1", 6300, "sda", 100.0, ""));
        devs.add(new Device(
                1, 1, 2, "10.0.0.2", 6200, "10.0.0.2", 6200, "sdb", 1.5, "disk \u00e9 \uD83D\uDE00 \"q\" \\ \t"));
        devs.add(new Device(2, 2, 1, "fe80::1", 6201, "fe80::1", 6201, "sdc", 0.001, "x"));
        devs.add(null);
        devs.add(new Device(4, 2, 3, "10.0.0.4", 6202, "10.0.0.4", 6202, "sdd", 1e-05, ""));
        devs.add(new Device(5, 1, 1, "10.0.0.5", 6200, "10.0.0.5", 6200, "sde", 1e16, ""));
        int[][] rows = {{0, 1, 2, 4, 5, 0, 1, 2}, {1, 2, 4, 5, 0, 1, 2, 4}, {2, 4}};
        return new RingData(devs, rows, 29, version, nextPartPower);
    }

    @Test
    void shouldReadV1WhenWrittenBySwift() throws IOException {
        assertSameRing(RingFileReader.read(golden.resolve("v1.ring.gz")), ring(7L, null));
        assertSameRing(RingFileReader.read(golden.resolve("v1-npp.ring.gz")), ring(null, 4));
    }

    @Test
    void shouldWriteV1ByteIdenticalToSwiftWhenGivenTheSameRing() throws IOException {
        for (String name : List.of("v1.ring.gz", "v1-npp.ring.gz")) {
            RingData ring = name.equals("v1.ring.gz") ? ring(7L, null) : ring(null, 4);
            Path mine = tmp.resolve(name);
            RingFileWriter.writeV1(ring, mine);
            assertThat(Files.readAllBytes(mine)).as(name).isEqualTo(Files.readAllBytes(golden.resolve(name)));
        }
    }

    @Test
    void shouldPutTheFileNameWithoutGzIntoTheGzipHeaderAsPythonDoes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RingFileWriter.writeV1(ring(7L, null), out, "object-1.ring.gz");
        byte[] b = out.toByteArray();
        assertThat(Arrays.copyOfRange(b, 0, 10)).containsExactly(0x1f, 0x8b, 8, 8, 0xf4, 0x2a, 0x84, 0x4d, 2, 0xff);
        assertThat(new String(b, 10, "object-1.ring".length() + 1, StandardCharsets.ISO_8859_1))
                .isEqualTo("object-1.ring\0");
        assertThat(PythonGzipWriter.headerName("caf\u00e9.ring.gz"))
                .containsExactly('c', 'a', 'f', 0xe9, '.', 'r', 'i', 'n', 'g');
        assertThat(PythonGzipWriter.headerName("\u20ac.ring.gz")).isEmpty();
    }

    @Test
    void shouldReadV2WhenWrittenByMasterStyleWriter() throws IOException {
        assertSameRing(RingFileReader.read(golden.resolve("v2.ring.gz")), ring(7L, null));
        assertSameRing(RingFileReader.read(golden.resolve("v2-null-version.ring.gz")), ring(null, 4));
        assertSameRing(RingFileReader.read(golden.resolve("v2-wide.ring.gz")), ring(7L, null));
    }

    @Test
    void shouldWriteV2ByteIdenticalToMasterStyleWriter() throws IOException {
        Path mine = tmp.resolve("v2.ring.gz");
        RingFileWriter.writeV2(ring(7L, null), mine);
        assertThat(Files.readAllBytes(mine)).isEqualTo(Files.readAllBytes(golden.resolve("v2.ring.gz")));
        Path mine2 = tmp.resolve("v2-null-version.ring.gz");
        RingFileWriter.writeV2(ring(null, 4), mine2);
        assertThat(Files.readAllBytes(mine2)).isEqualTo(Files.readAllBytes(golden.resolve("v2-null-version.ring.gz")));
    }

    @Test
    void shouldBeReadableByMasterSeekingReaderWhenV2WrittenByJava() throws IOException {
        Path mine = tmp.resolve("object.ring.gz");
        RingFileWriter.writeV2(ring(7L, null), mine);
        String out = Python.runText(TestScripts.load("/io/cairn/ring/format/master_v2_reader.py"), mine.toString());
        assertThat(out.strip())
                .isEqualTo("ok {\"dev_id_bytes\": 2, \"part_shift\": 29, \"replica_count\": 2.25, \"version\": 7}");
    }

    @Test
    void shouldBeReadBySwiftWhenV1WrittenByJava() throws IOException, Json.JsonException {
        Random random = new Random(42);
        RingData ring = RingDataSamples.random(random, 10, 2.5, 40);
        Path mine = tmp.resolve("container.ring.gz");
        RingFileWriter.writeV1(ring, mine);
        String out = Python.runText(TestScripts.load("/io/cairn/ring/format/swift_reads.py"), mine.toString());
        Map<?, ?> read = (Map<?, ?>) Objects.requireNonNull(Json.parse(out.strip()));
        assertThat(read.get("part_shift")).isEqualTo(22L);
        assertThat(read.get("version")).isEqualTo(ring.version());
        assertThat(read.get("replica_count")).isEqualTo(2.5);
        assertThat(read.get("devs")).isEqualTo(DeviceJsonView.of(ring.devices()));
        List<?> rows = (List<?>) Objects.requireNonNull(read.get("rows"));
        assertThat(rows).hasSize(ring.rowCount());
        for (int r = 0; r < ring.rowCount(); r++) {
            assertThat(((List<?>) rows.get(r))
                            .stream().mapToInt(o -> ((Long) o).intValue()).toArray())
                    .isEqualTo(ring.row(r));
        }
    }

    @Test
    void shouldRoundTripRandomRingsInBothVersions() throws IOException {
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            RingData ring = RingDataSamples.random(random, random.nextInt(9) + 1, 1 + random.nextInt(8) / 4.0, 30);
            RingFileWriter.writeV1(ring, tmp.resolve("a.ring.gz"));
            assertSameRing(RingFileReader.read(tmp.resolve("a.ring.gz")), ring);
            RingFileWriter.writeV2(ring, tmp.resolve("b.ring.gz"));
            assertSameRing(RingFileReader.read(tmp.resolve("b.ring.gz")), ring);
        }
    }

    @Test
    void shouldUseFourByteIdsInV2AndRefuseV1WhenDeviceIdsExceedSixteenBits() throws IOException {
        List<@Nullable Device> devs = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            devs.add(
                    i == 1 || i == 69_999 ? new Device(i, 1, i, "10.0.0.1", 6200, "10.0.0.1", 6200, "d", 1, "") : null);
        }
        RingData ring = new RingData(devs, new int[][] {{1, 69_999, 1, 69_999}}, 30, 1L, null);
        Path v2 = tmp.resolve("wide.ring.gz");
        RingFileWriter.writeV2(ring, v2);
        RingData read = RingFileReader.read(v2);
        assertSameRing(read, ring);
        assertThat(decompress(Files.readAllBytes(v2)))
                .asString(StandardCharsets.ISO_8859_1)
                .contains("\"dev_id_bytes\": 4");
        assertThatThrownBy(() -> RingFileWriter.writeV1(ring, tmp.resolve("v1.ring.gz")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("write v2");
        assertThat(tmp.resolve("v1.ring.gz")).doesNotExist();
    }

    @Test
    void shouldWriteAtomicallyWithMode0644AndNoTemporaryLeftovers() throws IOException {
        Path target = tmp.resolve("object.ring.gz");
        Files.writeString(target, "old");
        RingFileWriter.writeV1(ring(7L, null), target);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-r--r--");
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("object.ring.gz");
        }
        assertSameRing(RingFileReader.read(target), ring(7L, null));
    }

    @Test
    void shouldRejectCorruptFilesWithClearMessages() throws IOException {
        byte[] good = Files.readAllBytes(golden.resolve("v1.ring.gz"));
        assertRejected(Arrays.copyOf(good, good.length - 5), "truncated gzip");
        assertRejected(Arrays.copyOf(good, 30), "truncated gzip");
        assertRejected("plain text, not gzip".getBytes(StandardCharsets.US_ASCII), "not a valid gzip");
        assertRejected(gzip("R1N".getBytes(StandardCharsets.US_ASCII)), "too short");
        assertRejected(gzip("RING\0\1{}".getBytes(StandardCharsets.US_ASCII)), "bad magic");
        assertRejected(gzip(new byte[] {(byte) 0x80, 2, '}', 'q', 0, '.'}), "legacy pickled (v0) ring");
        assertRejected(gzip("R1NG\0\3".getBytes(StandardCharsets.US_ASCII)), "unknown ring format version 3");

        byte[] content = decompress(good);
        // a short last row absorbs extra bytes (the format cannot tell), a full one does not
        ByteArrayOutputStream fullRows = new ByteArrayOutputStream();
        RingFileWriter.writeV1(RingDataSamples.random(new Random(1), 4, 3.0, 5), fullRows, "x.ring.gz");
        byte[] full = decompress(fullRows.toByteArray());
        assertRejected(gzip(Arrays.copyOf(full, full.length + 2)), "2 unexpected bytes after the last v1 row");
        assertRejected(gzip(Arrays.copyOf(content, content.length - 1)), "truncated v1 row 2");
        assertRejected(gzip(Arrays.copyOf(content, content.length - 6)), "truncated v1 row 1");
        assertRejected(gzip(Arrays.copyOf(content, 200)), "truncated v1 JSON");
        byte[] missingDevice = content.clone();
        missingDevice[missingDevice.length - 2] = 3; // the hole
        assertRejected(gzip(missingDevice), "device 3, which does not exist");
        byte[] badJson = content.clone();
        badJson[10] = '!';
        assertRejected(gzip(badJson), "not valid JSON");
    }

    @Test
    void shouldRejectV2WhenASectionChecksumDoesNotMatch() throws IOException {
        byte[] content = decompress(Files.readAllBytes(golden.resolve("v2.ring.gz")));
        String text = new String(content, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\"sdb\"") + 2;
        content[at] = 'X';
        assertThatThrownBy(() -> RingFileReader.parse(content))
                .isInstanceOf(RingFormatException.class)
                .hasMessageContaining("section swift/ring/devices sha256 mismatch");
        byte[] truncated = decompress(Files.readAllBytes(golden.resolve("v2.ring.gz")));
        ByteBuffer.wrap(truncated).putLong(truncated.length - 16, 3L);
        assertThatThrownBy(() -> RingFileReader.parse(truncated))
                .isInstanceOf(RingFormatException.class)
                .hasMessageContaining("v2 index offset 3 out of range");
    }

    @Test
    void shouldNameTheFileWhenReadingAPathFails() throws IOException {
        Path bad = tmp.resolve("broken.ring.gz");
        Files.write(bad, gzip("nope!!".getBytes(StandardCharsets.US_ASCII)));
        assertThatThrownBy(() -> RingFileReader.read(bad))
                .isInstanceOf(RingFormatException.class)
                .hasMessageContaining("broken.ring.gz")
                .hasMessageContaining("bad magic");
    }

    private static void assertRejected(byte[] file, String message) {
        assertThatThrownBy(() -> RingFileReader.read(new ByteArrayInputStream(file)))
                .isInstanceOf(RingFormatException.class)
                .hasMessageContaining(message);
    }

    static void assertSameRing(RingData actual, RingData expected) {
        assertThat(actual.devices()).isEqualTo(expected.devices());
        assertThat(actual.partShift()).isEqualTo(expected.partShift());
        assertThat(actual.version()).isEqualTo(expected.version());
        assertThat(actual.nextPartPower()).isEqualTo(expected.nextPartPower());
        assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
        for (int r = 0; r < expected.rowCount(); r++) {
            assertThat(actual.row(r)).as("row %d", r).isEqualTo(expected.row(r));
        }
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    static byte[] decompress(byte[] file) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(file))) {
            return in.readAllBytes();
        }
    }

    /** The JSON form Swift prints for devices, built with the production converter. */
    private static final class DeviceJsonView {
        static List<@Nullable Object> of(List<@Nullable Device> devices) {
            List<@Nullable Object> out = new ArrayList<>();
            for (Object o : DeviceJson.toJson(devices)) {
                out.add(o == null ? null : normalise((Map<?, ?>) o));
            }
            return out;
        }

        private static Map<?, ?> normalise(Map<?, ?> m) {
            Map<Object, Object> copy = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(k, v instanceof Integer i ? Long.valueOf(i) : v));
            return copy;
        }
    }
}
