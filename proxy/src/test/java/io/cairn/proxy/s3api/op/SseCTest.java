package io.cairn.proxy.s3api.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SseCTest {
    private static final HexFormat HEX = HexFormat.of();
    // NIST SP 800-38A F.5.1, CTR-AES256.Encrypt
    private static final byte[] NIST_KEY =
            HEX.parseHex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4");
    private static final byte[] NIST_IV = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
    private static final byte[] NIST_PLAIN = HEX.parseHex("6bc1bee22e409f96e93d7e117393172a"
            + "ae2d8a571e03ac9c9eb76fac45af8e51"
            + "30c81c46a35ce411e5fbc1191a0a52ef"
            + "f69f2445df4f9b17ad2b417be66c3710");
    private static final byte[] NIST_CIPHER = HEX.parseHex("601ec313775789a5b7a7f504bbf3d228"
            + "f443e3ca4d62b59aca84e990cacaf5c5"
            + "2b0930daa23de94ce87017ba2d84988d"
            + "dfc9c58db67aada613c2dd08457941a6");

    private static byte[] run(SseC.Ctr ctr, byte[] in) {
        byte[] out = new byte[in.length];
        ctr.transform(in, 0, in.length, out);
        return out;
    }

    private static SseC.Ctr nist(long offset) {
        return new SseC.Ctr(NIST_KEY, List.of(new SseC.Segment(Long.MAX_VALUE, NIST_IV)), offset);
    }

    @Test
    void shouldEncryptTheNistCtrVectors() {
        assertThat(run(nist(0), NIST_PLAIN)).isEqualTo(NIST_CIPHER);
    }

    @Test
    void shouldDecryptARangeFromTheCounterOfItsFirstBlock() {
        for (int start : new int[] {1, 15, 16, 17, 33, 63}) {
            byte[] tail = Arrays.copyOfRange(NIST_CIPHER, start, NIST_CIPHER.length);
            assertThat(run(nist(start), tail))
                    .as("from %d", start)
                    .isEqualTo(Arrays.copyOfRange(NIST_PLAIN, start, NIST_PLAIN.length));
        }
    }

    @Test
    void shouldDecryptAPieceByPieceStreamAsOneBuffer() {
        SseC.Ctr ctr = nist(0);
        ByteBuf a = ctr.apply(Unpooled.wrappedBuffer(NIST_CIPHER, 0, 7));
        ByteBuf b = ctr.apply(Unpooled.wrappedBuffer(NIST_CIPHER, 7, 57));
        byte[] out = new byte[64];
        a.readBytes(out, 0, 7);
        b.readBytes(out, 7, 57);
        a.release();
        b.release();
        assertThat(out).isEqualTo(NIST_PLAIN);
    }

    @Test
    void shouldCarryTheCounterAcrossAllSixteenBytes() {
        assertThat(SseC.counter(HEX.parseHex("ffffffffffffffffffffffffffffffff"), 1))
                .isEqualTo(new byte[16]);
        assertThat(HEX.formatHex(SseC.counter(HEX.parseHex("000000000000000000000000000000ff"), 0x101)))
                .isEqualTo("00000000000000000000000000000200");
        assertThat(HEX.formatHex(SseC.counter(HEX.parseHex("0000000000000000ffffffffffffffff"), 1)))
                .isEqualTo("00000000000000010000000000000000");
    }

    @Test
    void shouldDecryptRangesSpanningPartsEachWithItsOwnIv() {
        Random r = new Random(17);
        byte[] iv1 = new byte[16];
        byte[] iv2 = new byte[16];
        r.nextBytes(iv1);
        r.nextBytes(iv2);
        // part 2's counter wraps inside the range
        Arrays.fill(iv2, 8, 16, (byte) 0xff);
        byte[] p1 = new byte[37];
        byte[] p2 = new byte[50];
        r.nextBytes(p1);
        r.nextBytes(p2);
        byte[] c1 = run(new SseC.Ctr(NIST_KEY, List.of(new SseC.Segment(Long.MAX_VALUE, iv1)), 0), p1);
        byte[] c2 = run(new SseC.Ctr(NIST_KEY, List.of(new SseC.Segment(Long.MAX_VALUE, iv2)), 0), p2);
        byte[] cipher = new byte[87];
        byte[] plain = new byte[87];
        System.arraycopy(c1, 0, cipher, 0, 37);
        System.arraycopy(c2, 0, cipher, 37, 50);
        System.arraycopy(p1, 0, plain, 0, 37);
        System.arraycopy(p2, 0, plain, 37, 50);
        List<SseC.Segment> parts = List.of(new SseC.Segment(37, iv1), new SseC.Segment(50, iv2));
        for (int start : new int[] {0, 5, 36, 37, 40, 86}) {
            byte[] in = Arrays.copyOfRange(cipher, start, 87);
            assertThat(run(new SseC.Ctr(NIST_KEY, parts, start), in))
                    .as("from %d", start)
                    .isEqualTo(Arrays.copyOfRange(plain, start, 87));
        }
    }

    private static HttpHeaders keyHeaders(String prefix, byte[] key) throws Exception {
        HttpHeaders h = new DefaultHttpHeaders();
        h.set(prefix + "algorithm", "AES256");
        h.set(prefix + "key", Base64.getEncoder().encodeToString(key));
        h.set(
                prefix + "key-MD5",
                Base64.getEncoder()
                        .encodeToString(MessageDigest.getInstance("MD5").digest(key)));
        return h;
    }

    private static S3Exception refusal(HttpHeaders h) {
        try {
            SseC.fromHeaders(h, SseC.CUSTOMER);
        } catch (S3Exception e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void shouldRefuseKeysAsAwsDoes() throws Exception {
        byte[] key = new byte[32];
        assertThat(SseC.fromHeaders(new DefaultHttpHeaders(), SseC.CUSTOMER)).isNull();
        HttpHeaders badMd5 = keyHeaders(SseC.CUSTOMER, key);
        badMd5.set(SseC.CUSTOMER + "key-MD5", Base64.getEncoder().encodeToString(new byte[16]));
        S3Exception e = refusal(badMd5);
        assertThat(e.code()).isEqualTo(S3ErrorCode.InvalidArgument);
        assertThat(e.getMessage())
                .isEqualTo("The calculated MD5 hash of the key did not match the hash that was provided.");
        HttpHeaders shortKey = keyHeaders(SseC.CUSTOMER, new byte[16]);
        assertThat(refusal(shortKey).getMessage()).isEqualTo("The secret key was invalid for the specified algorithm.");
        HttpHeaders noAlgorithm = keyHeaders(SseC.CUSTOMER, key);
        noAlgorithm.remove(SseC.CUSTOMER + "algorithm");
        assertThat(refusal(noAlgorithm).code()).isEqualTo(S3ErrorCode.InvalidArgument);
        HttpHeaders kms = keyHeaders(SseC.CUSTOMER, key);
        kms.set(SseC.CUSTOMER + "algorithm", "aws:kms");
        assertThat(refusal(kms).code()).isEqualTo(S3ErrorCode.InvalidArgument);
        HttpHeaders noMd5 = keyHeaders(SseC.CUSTOMER, key);
        noMd5.remove(SseC.CUSTOMER + "key-MD5");
        assertThat(refusal(noMd5).code()).isEqualTo(S3ErrorCode.InvalidArgument);
    }

    @Test
    void shouldStoreNoKeyButCheckALaterOne() throws Exception {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        byte[] other = key.clone();
        other[31] = 8;
        SseC k = java.util.Objects.requireNonNull(SseC.fromHeaders(keyHeaders(SseC.CUSTOMER, key), SseC.CUSTOMER));
        SseC o = java.util.Objects.requireNonNull(
                SseC.fromHeaders(keyHeaders(SseC.COPY_SOURCE, other), SseC.COPY_SOURCE));
        assertThat(k).isNotNull();
        assertThat(o).isNotNull();
        HttpHeaders stored = new DefaultHttpHeaders();
        k.store(SseC.random16(), stored);
        String b64Key = Base64.getEncoder().encodeToString(key);
        for (java.util.Map.Entry<String, String> e : stored) {
            assertThat(e.getValue()).doesNotContain(b64Key);
        }
        assertThat(k.matches(stored)).isTrue();
        assertThat(o.matches(stored)).isFalse();
        SseC.checkRead(k, stored);
        assertThatThrownBy(() -> SseC.checkRead(o, stored))
                .isInstanceOfSatisfying(
                        S3Exception.class, x -> assertThat(x.code()).isEqualTo(S3ErrorCode.AccessDenied));
        assertThatThrownBy(() -> SseC.checkRead(null, stored)).isInstanceOfSatisfying(S3Exception.class, x -> {
            assertThat(x.code()).isEqualTo(S3ErrorCode.InvalidRequest);
            assertThat(x.getMessage()).isEqualTo(SseC.ENCRYPTED_MESSAGE);
        });
        SseC.checkRead(null, new DefaultHttpHeaders());
    }

    @Test
    void shouldRoundTripAPartIvThroughItsContentType() {
        byte[] iv = SseC.random16();
        assertThat(SseC.ivOfPartType(SseC.partType(iv))).isEqualTo(iv);
        assertThat(SseC.ivOfPartType("application/octet-stream")).isNull();
        assertThat(ByteBufUtil.hexDump(Unpooled.wrappedBuffer(iv))).isEqualTo(HEX.formatHex(iv));
    }
}
