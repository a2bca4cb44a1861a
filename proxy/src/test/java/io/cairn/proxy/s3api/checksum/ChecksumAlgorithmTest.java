package io.cairn.proxy.s3api.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The catalogue check values of each CRC ({@code "123456789"}) and the base64 forms S3 uses. */
class ChecksumAlgorithmTest {
    private static String hex(ChecksumAlgorithm a, String text) {
        ChecksumAlgorithm.Digest d = a.newDigest();
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        d.update(b, 0, b.length);
        return HexFormat.of().formatHex(d.digest());
    }

    @Test
    void shouldMatchTheCatalogueCheckValuesWhenDigestingOneToNine() {
        assertThat(hex(ChecksumAlgorithm.CRC32, "123456789")).isEqualTo("cbf43926");
        assertThat(hex(ChecksumAlgorithm.CRC32C, "123456789")).isEqualTo("e3069283");
        assertThat(hex(ChecksumAlgorithm.CRC64NVME, "123456789")).isEqualTo("ae8b14860a799888");
        assertThat(hex(ChecksumAlgorithm.SHA1, "abc")).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
    }

    @Test
    void shouldGiveTheBase64ThatS3ShowsForHello() {
        ChecksumAlgorithm.Digest d = ChecksumAlgorithm.CRC32.newDigest();
        byte[] b = "hello".getBytes(StandardCharsets.US_ASCII);
        d.update(java.nio.ByteBuffer.wrap(b));
        assertThat(java.util.Base64.getEncoder().encodeToString(d.digest())).isEqualTo("NhCmhg==");
    }
}
