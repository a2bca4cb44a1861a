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

    private static byte[] digest(ChecksumAlgorithm a, byte[] b, int off, int len) {
        ChecksumAlgorithm.Digest d = a.newDigest();
        d.update(b, off, len);
        return d.digest();
    }

    @Test
    void shouldCombineCrcsOfPiecesIntoTheCrcOfTheWhole() {
        byte[] nine = "123456789".getBytes(StandardCharsets.US_ASCII);
        java.util.Random r = new java.util.Random(5);
        byte[] big = new byte[100_003];
        r.nextBytes(big);
        for (ChecksumAlgorithm a :
                new ChecksumAlgorithm[] {ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32C, ChecksumAlgorithm.CRC64NVME
                }) {
            // "1234" + "56789" gives the catalogue value of "123456789"
            byte[] combined = a.combine(digest(a, nine, 0, 4), digest(a, nine, 4, 5), 5);
            assertThat(combined).as(a.name()).isEqualTo(digest(a, nine, 0, 9));
            for (int cut : new int[] {0, 1, 4096, 77_777, 100_003}) {
                byte[] whole =
                        a.combine(digest(a, big, 0, cut), digest(a, big, cut, big.length - cut), big.length - cut);
                assertThat(whole).as("%s cut at %d", a, cut).isEqualTo(digest(a, big, 0, big.length));
            }
            byte[] three = a.combine(
                    a.combine(digest(a, big, 0, 10), digest(a, big, 10, 20_000), 20_000),
                    digest(a, big, 20_010, big.length - 20_010),
                    big.length - 20_010);
            assertThat(three).as("%s in three", a).isEqualTo(digest(a, big, 0, big.length));
        }
        assertThat(HexFormat.of()
                        .formatHex(ChecksumAlgorithm.CRC64NVME.combine(
                                digest(ChecksumAlgorithm.CRC64NVME, nine, 0, 1),
                                digest(ChecksumAlgorithm.CRC64NVME, nine, 1, 8),
                                8)))
                .isEqualTo("ae8b14860a799888");
    }
}
