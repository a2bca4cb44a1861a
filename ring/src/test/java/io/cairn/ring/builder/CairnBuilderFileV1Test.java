package io.cairn.ring.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.ring.RingData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cairn's earlier builder format still loads (told apart from Swift's pickle by content) and is saved as a pickle. */
class CairnBuilderFileV1Test {
    /**
     * Written by Cairn before it wrote Swift's pickle (commit 1d2f398): part power 6, 2.5 replicas, min_part_hours
     * 12, overload 0.1, six devices (IPv6, replication addresses, meta), two rebalances 13 h apart, device 1
     * removed by the second, device 3 pending removal, device 4 re-weighted. {@code cairn-v1.expected.txt} is what
     * that Cairn printed: its balance report, version and rows.
     */
    private static final String GOLDEN = "/io/cairn/ring/builder/cairn-v1.builder";

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void shouldLoadTheFileAnEarlierCairnWrote() throws IOException {
        Path file = copyGolden();
        List<String> expected = resourceLines("/io/cairn/ring/builder/cairn-v1.expected.txt");

        RingBuilder loaded = RingBuilder.load(file);

        Matcher report = Pattern.compile("devices=(\\[.*\\]), balance=").matcher(expected.get(0));
        assertThat(report.find()).isTrue();
        assertThat(loaded.report().devices().toString()).isEqualTo(report.group(1));
        assertThat(expected.get(1)).isEqualTo("version 12 rows 3");
        assertThat(loaded.version()).isEqualTo(12);
        RingData ring = loaded.toRingData();
        for (int r = 0; r < 3; r++) {
            assertThat(Arrays.toString(ring.row(r))).as("row %d", r).isEqualTo(expected.get(2 + r));
        }
        assertThat(loaded.partPower()).isEqualTo(6);
        assertThat(loaded.replicas()).isEqualTo(2.5);
        assertThat(loaded.minPartHours()).isEqualTo(12);
        assertThat(loaded.overload()).isEqualTo(0.1);
        assertThat(ring.devices().get(1)).isNull();
        assertThat(loaded.id()).isNull();
        assertThatThrownBy(() -> loaded.setWeight(3, 10)).hasMessageContaining("pending removal");
    }

    @Test
    void shouldSaveAnOldFileAsSwiftsPickleWithEverythingKept() throws IOException {
        Path file = copyGolden();
        RingBuilder old = RingBuilder.load(file);

        old.save(file);
        RingBuilder pickled = RingBuilder.load(file);

        assertThat(Files.readAllBytes(file)[0] & 0xFF).isEqualTo(0x80);
        assertThat(pickled.id()).isNotNull();
        BuilderFileTest.assertSameRing(pickled.toRingData(), old.toRingData());
        assertThat(pickled.report()).isEqualTo(old.report());
        // hours since moves, their epoch, the gather start and the pending removal survive: same next rebalance
        Instant next = T0.plus(Duration.ofHours(20));
        assertThat(pickled.rebalance(next))
                .isEqualTo(RingBuilder.load(copyGolden()).rebalance(next));
    }

    @Test
    void shouldRejectAnOldFileWhenAnyByteIsFlipped() throws IOException {
        Path file = legacyFile();
        byte[] good = Files.readAllBytes(file);

        for (int offset : new int[] {20, good.length / 2, good.length - 5, good.length - 1}) {
            byte[] bad = good.clone();
            bad[offset] ^= 0x10;
            Files.write(file, bad);

            assertThatThrownBy(() -> RingBuilder.load(file))
                    .as("flipped byte at %d", offset)
                    .isInstanceOf(CorruptBuilderFileException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("checksum mismatch");
        }
    }

    @Test
    void shouldRejectAnOldFileWhenTruncated() throws IOException {
        Path file = legacyFile();
        byte[] good = Files.readAllBytes(file);

        for (int length : new int[] {2, 4, 10, 19, 100, good.length - 1}) {
            Files.write(file, Arrays.copyOf(good, length));

            assertThatThrownBy(() -> RingBuilder.load(file))
                    .as("truncated to %d bytes", length)
                    .isInstanceOf(CorruptBuilderFileException.class)
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void shouldRejectAnOldFileOfAnUnknownVersion() throws IOException {
        Path file = legacyFile();
        byte[] future = Files.readAllBytes(file);
        ByteBuffer.wrap(future).putShort(4, (short) 2);
        Files.write(file, future);

        assertThatThrownBy(() -> RingBuilder.load(file)).hasMessageContaining("unsupported format version 2");
    }

    @Test
    void shouldRejectAnOldFileWithConsistentChecksumButInvalidContent() throws IOException {
        Path file = legacyFile();
        byte[] bytes = Files.readAllBytes(file);
        bytes[CairnBuilderFileV1.HEADER_BYTES] = 40; // part power 40
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, 0, bytes.length - CairnBuilderFileV1.TRAILER_BYTES);
        ByteBuffer.wrap(bytes).putInt(bytes.length - CairnBuilderFileV1.TRAILER_BYTES, (int) crc.getValue());
        Files.write(file, bytes);

        assertThatThrownBy(() -> RingBuilder.load(file))
                .isInstanceOf(CorruptBuilderFileException.class)
                .hasMessageContaining("part power 40 out of range");
    }

    @Test
    void shouldWriteTheSameStateWhenTheTestWriterMakesAnOldFile() throws IOException {
        RingBuilder builder = BuilderFileTest.busyBuilder();
        Path file = legacyFile();

        RingBuilder loaded = RingBuilder.load(file);

        BuilderFileTest.assertSameRing(loaded.toRingData(), builder.toRingData());
        assertThat(loaded.report()).isEqualTo(builder.report());
    }

    /** The busy builder in the old format, through the test's copy of the old writer. */
    private Path legacyFile() throws IOException {
        Path pickled = dir.resolve("pickled.builder");
        BuilderFileTest.busyBuilder().save(pickled);
        Path file = dir.resolve("old.builder");
        LegacyBuilderFiles.writeV1(file, BuilderFile.read(pickled));
        return file;
    }

    private Path copyGolden() throws IOException {
        Path file = Files.createTempFile(dir, "golden", ".builder");
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(GOLDEN), GOLDEN)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private List<String> resourceLines(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(name), name)) {
            return new ArrayList<>(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList());
        }
    }
}
