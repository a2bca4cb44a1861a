package io.cairn.compute.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.compute.system.ApiException;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DiskFormatInspectorTest {
    /** A qcow2 header as qemu-img writes one (v3, 64 KiB clusters, no backing file), padded to {@code length}. */
    static byte[] qcow2(int version, long virtualSize, long backingOffset, long incompatible, int length) {
        ByteBuffer b = ByteBuffer.allocate(length);
        b.put(DiskFormatInspector.QCOW2_MAGIC);
        b.putInt(4, version);
        b.putLong(8, backingOffset);
        b.putInt(16, backingOffset == 0 ? 0 : 9);
        b.putInt(20, 16);
        b.putLong(24, virtualSize);
        if (version == 3) {
            b.putLong(72, incompatible);
            b.putInt(96, 4);
            b.putInt(100, 104);
        }
        return b.array();
    }

    private static @org.jspecify.annotations.Nullable Long inspect(String format, byte[] content, int chunk) {
        DiskFormatInspector i = new DiskFormatInspector(format);
        for (int off = 0; off < content.length; off += chunk) {
            i.update(ByteBuffer.wrap(content, off, Math.min(chunk, content.length - off)));
        }
        return i.finish(content.length);
    }

    @Test
    void qcow2VirtualSizeComesFromTheHeaderWhateverTheChunking() {
        byte[] image = qcow2(3, 1L << 30, 0, 0, 196_608);
        assertThat(inspect("qcow2", image, 7)).isEqualTo(1L << 30);
        assertThat(inspect("qcow2", image, 65_536)).isEqualTo(1L << 30);
        assertThat(inspect("qcow2", qcow2(2, 12345, 0, 0, 4096), 4096)).isEqualTo(12345);
    }

    @Test
    void randomBytesDeclaredQcow2AreRefused() {
        byte[] junk = new byte[100_000];
        new Random(1).nextBytes(junk);
        assertThatThrownBy(() -> inspect("qcow2", junk, 8192))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("not a qcow2");
    }

    @Test
    void qcow2WithABackingFileIsRefused() {
        assertThatThrownBy(() -> inspect("qcow2", qcow2(3, 1 << 20, 512, 0, 4096), 4096))
                .hasMessageContaining("backing file");
    }

    @Test
    void qcow2WithAnExternalDataFileIsRefused() {
        assertThatThrownBy(() -> inspect("qcow2", qcow2(3, 1 << 20, 0, 1L << 2, 4096), 4096))
                .hasMessageContaining("external data file");
    }

    @Test
    void aTruncatedQcow2IsRefused() {
        byte[] head = java.util.Arrays.copyOf(qcow2(3, 1 << 20, 0, 0, 4096), 50);
        assertThatThrownBy(() -> inspect("qcow2", head, 50)).hasMessageContaining("truncated");
    }

    @Test
    void qcow2ContentDeclaredRawIsAMismatch() {
        assertThatThrownBy(() -> inspect("raw", qcow2(3, 1 << 20, 0, 0, 4096), 1000))
                .hasMessageContaining("is a qcow2 image, but disk_format is raw");
    }

    @Test
    void rawIsItsOwnVirtualSizeAndIsoNeedsItsMagic() {
        assertThat(inspect("raw", new byte[5000], 100)).isEqualTo(5000);
        byte[] iso = new byte[40_000];
        System.arraycopy("CD001".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, iso, 32769, 5);
        assertThat(inspect("iso", iso, 4096)).isEqualTo(40_000);
        assertThatThrownBy(() -> inspect("iso", new byte[40_000], 4096)).hasMessageContaining("ISO 9660");
    }
}
