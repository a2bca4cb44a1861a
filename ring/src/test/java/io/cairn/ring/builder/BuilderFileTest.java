package io.cairn.ring.builder;

import static io.cairn.ring.builder.TestRings.device;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.ring.RingData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuilderFileTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path dir;

    /** A builder with every kind of state: holes, a pending removal, overload, moved-partition hours. */
    private static RingBuilder busyBuilder() {
        RingBuilder builder = TestRings.uniform(8, 3, 12, 4, 1, 2);
        builder.addDevice(DeviceSpec.parse("r1z5-[fe80::1]:6200R[fe80::2]:6300/sdz_meta with ünïcode", 50));
        builder.setOverload(0.1);
        builder.rebalance(T0);
        builder.removeDevice(2);
        builder.rebalance(T0.plus(Duration.ofHours(13)));
        builder.removeDevice(5);
        return builder;
    }

    @Test
    void shouldRestoreEverythingWhenSavedAndLoaded() throws IOException {
        RingBuilder original = busyBuilder();
        Path file = dir.resolve("object.builder");

        original.save(file);
        RingBuilder loaded = RingBuilder.load(file);

        assertSameRing(loaded.toRingData(), original.toRingData());
        assertThat(loaded.devices()).isEqualTo(original.devices());
        assertThat(loaded.report()).isEqualTo(original.report());
        assertThat(loaded.overload()).isEqualTo(0.1);
        assertThat(loaded.minPartHours()).isEqualTo(12);
        assertThat(loaded.replicas()).isEqualTo(3);
        // the hidden state (pending removal, hours since moves, gather start) round-trips too:
        Instant next = T0.plus(Duration.ofHours(14));
        assertThat(loaded.rebalance(next)).isEqualTo(original.rebalance(next));
        assertSameRing(loaded.toRingData(), original.toRingData());
        assertThat(loaded.toRingData().devices().get(5)).isNull();
    }

    @Test
    void shouldRoundTripBuilderThatWasNeverRebalanced() throws IOException {
        RingBuilder original = TestRings.uniform(6, 2.5, 0, 3, 1, 1);
        Path file = dir.resolve("new.builder");

        original.save(file);
        RingBuilder loaded = RingBuilder.load(file);

        assertThat(loaded.toRingData().rowCount()).isZero();
        assertThat(loaded.devices()).isEqualTo(original.devices());
        assertThat(loaded.rebalance(T0)).isEqualTo(original.rebalance(T0));
    }

    @Test
    void shouldReplaceFileAndLeaveNoTempFileWhenSavedTwice() throws IOException {
        RingBuilder builder = busyBuilder();
        Path file = dir.resolve("object.builder");
        builder.save(file);
        builder.addDevice(device(1, 7, 1, 0, 100));

        builder.save(file);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(RingBuilder.load(file).devices()).hasSize(builder.devices().size());
    }

    @Test
    void shouldRejectFileWhenAnyByteIsFlipped() throws IOException {
        Path file = dir.resolve("object.builder");
        busyBuilder().save(file);
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
    void shouldRejectFileWhenTruncated() throws IOException {
        Path file = dir.resolve("object.builder");
        busyBuilder().save(file);
        byte[] good = Files.readAllBytes(file);

        for (int length : new int[] {0, 10, 19, 100, good.length - 1}) {
            Files.write(file, Arrays.copyOf(good, length));

            assertThatThrownBy(() -> RingBuilder.load(file))
                    .as("truncated to %d bytes", length)
                    .isInstanceOf(CorruptBuilderFileException.class)
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void shouldRejectFileWhenMagicOrVersionUnknown() throws IOException {
        Path file = dir.resolve("object.builder");
        busyBuilder().save(file);
        byte[] good = Files.readAllBytes(file);

        byte[] pickle = good.clone();
        pickle[0] = (byte) 0x80; // a Swift builder file is a pickle: starts with 0x80
        Files.write(file, pickle);
        assertThatThrownBy(() -> RingBuilder.load(file)).hasMessageContaining("not a Cairn builder file");

        byte[] future = good.clone();
        ByteBuffer.wrap(future).putShort(4, (short) 2);
        Files.write(file, future);
        assertThatThrownBy(() -> RingBuilder.load(file)).hasMessageContaining("unsupported format version 2");
    }

    @Test
    void shouldRejectConsistentChecksumButInvalidContent() throws IOException {
        Path file = dir.resolve("object.builder");
        busyBuilder().save(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[BuilderFile.HEADER_BYTES] = 40; // part power 40
        resealChecksum(bytes);
        Files.write(file, bytes);

        assertThatThrownBy(() -> RingBuilder.load(file))
                .isInstanceOf(CorruptBuilderFileException.class)
                .hasMessageContaining("part power 40 out of range");
    }

    private static void resealChecksum(byte[] bytes) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, 0, bytes.length - BuilderFile.TRAILER_BYTES);
        ByteBuffer.wrap(bytes).putInt(bytes.length - BuilderFile.TRAILER_BYTES, (int) crc.getValue());
    }

    private static void assertSameRing(RingData actual, RingData expected) {
        assertThat(actual.devices()).isEqualTo(expected.devices());
        assertThat(actual.version()).isEqualTo(expected.version());
        assertThat(actual.partShift()).isEqualTo(expected.partShift());
        assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
        for (int r = 0; r < expected.rowCount(); r++) {
            assertThat(actual.row(r)).as("row %d", r).isEqualTo(expected.row(r));
        }
    }
}
