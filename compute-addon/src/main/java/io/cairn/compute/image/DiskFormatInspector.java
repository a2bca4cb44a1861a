package io.cairn.compute.image;

import io.cairn.compute.system.ApiException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Checks an upload's content against its {@code disk_format} while it streams, as newer Glance does
 * ({@code require_image_format_match}) and as Nova refuses at boot: a {@code qcow2} must carry qcow2's magic and
 * header, and must name neither a backing file nor an external data file (either lets a guest read host files);
 * its {@code virtual_size} comes from the header. Content that is qcow2 under any other {@code disk_format} is a
 * mismatch. An {@code iso} must carry ISO 9660's {@code CD001} at 32,769. Only the first 32,774 bytes are kept.
 *
 * <p>Not thread-safe: one per upload, fed in order.
 */
final class DiskFormatInspector {
    static final byte[] QCOW2_MAGIC = {'Q', 'F', 'I', (byte) 0xfb};
    private static final int QCOW2_V2_HEADER = 72;
    private static final int QCOW2_V3_HEADER = 104;
    /** qcow2 v3 incompatible feature bit 2: the guest data lives in an external file. */
    private static final long INCOMPAT_DATA_FILE = 1L << 2;

    private static final int ISO_MAGIC_OFFSET = 32769;
    private static final byte[] ISO_MAGIC = "CD001".getBytes(StandardCharsets.US_ASCII);

    private final String diskFormat;
    private final byte[] head;
    private int headLength;
    private boolean qcow2Checked;

    DiskFormatInspector(String diskFormat) {
        this.diskFormat = diskFormat;
        this.head = new byte[ISO_MAGIC_OFFSET + ISO_MAGIC.length];
    }

    /** Takes the next bytes (their position is not moved); throws 400 as soon as the content is known bad. */
    void update(ByteBuffer bytes) {
        if (headLength < head.length) {
            ByteBuffer view = bytes.duplicate();
            int n = Math.min(view.remaining(), head.length - headLength);
            view.get(head, headLength, n);
            headLength += n;
        }
        if (!qcow2Checked && headLength >= QCOW2_V3_HEADER) {
            checkQcow2();
        }
    }

    /**
     * At the end of the upload: the content's virtual size when the format has one (qcow2: its header; raw and
     * iso: the bytes), or throws 400 when it does not match {@code disk_format}.
     */
    @Nullable
    Long finish(long size) {
        if (!qcow2Checked) {
            checkQcow2();
        }
        switch (diskFormat) {
            case "qcow2" -> {
                return ByteBuffer.wrap(head, 24, 8).getLong();
            }
            case "iso" -> {
                if (headLength < head.length
                        || !Arrays.equals(head, ISO_MAGIC_OFFSET, head.length, ISO_MAGIC, 0, ISO_MAGIC.length)) {
                    throw mismatch("the content is not an ISO 9660 image (no CD001 at byte 32769)");
                }
                return size;
            }
            case "raw" -> {
                return size;
            }
            default -> {
                return null;
            }
        }
    }

    private void checkQcow2() {
        qcow2Checked = true;
        boolean magic = headLength >= 4 && Arrays.equals(head, 0, 4, QCOW2_MAGIC, 0, 4);
        if (!diskFormat.equals("qcow2")) {
            if (magic) {
                throw mismatch("the content is a qcow2 image, but disk_format is " + diskFormat);
            }
            return;
        }
        if (!magic) {
            throw mismatch("the content is not a qcow2 image (no QFI\\xfb magic)");
        }
        if (headLength < QCOW2_V2_HEADER) {
            throw mismatch("the qcow2 header is truncated");
        }
        ByteBuffer h = ByteBuffer.wrap(head, 0, headLength);
        int version = h.getInt(4);
        if (version != 2 && version != 3) {
            throw mismatch("unsupported qcow2 version " + version);
        }
        if (h.getLong(8) != 0 || h.getInt(16) != 0) {
            throw mismatch("qcow2 images with a backing file are refused");
        }
        int clusterBits = h.getInt(20);
        if (clusterBits < 9 || clusterBits > 21) {
            throw mismatch("qcow2 cluster_bits " + clusterBits + " is out of range (9..21)");
        }
        if (h.getLong(24) < 0) {
            throw mismatch("qcow2 virtual size is negative");
        }
        if (version == 3) {
            checkQcow2V3(h);
        }
    }

    private void checkQcow2V3(ByteBuffer h) {
        if (headLength < QCOW2_V3_HEADER) {
            throw mismatch("the qcow2 v3 header is truncated");
        }
        if ((h.getLong(72) & INCOMPAT_DATA_FILE) != 0) {
            throw mismatch("qcow2 images with an external data file are refused");
        }
    }

    private static ApiException mismatch(String why) {
        return ApiException.badRequest("Image content does not match its disk_format: " + why + ".");
    }
}
