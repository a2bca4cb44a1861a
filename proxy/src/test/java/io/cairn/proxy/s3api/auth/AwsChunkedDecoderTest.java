package io.cairn.proxy.s3api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The aws-chunked decoder against AWS's published streaming example ("Signature Calculations ... in Multiple
 * Chunks": 65,536 + 1,024 bytes of {@code a}, seed signature {@code 4f232c43...}), fed in every split, plus
 * tampered, truncated and trailer bodies.
 */
class AwsChunkedDecoderTest {
    private static final String SEED = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
    private static final String[] CHUNK_SIGS = {
        "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
        "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
        "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9"
    };

    private static S3Auth.ChunkSigning signing() {
        byte[] key = SigV4.signingKey(S3AuthenticatorTest.SECRET, "20130524", "us-east-1", "s3");
        return new S3Auth.ChunkSigning(key, "20130524T000000Z", "20130524/us-east-1/s3/aws4_request", SEED);
    }

    private static byte[] awsExampleBody(String[] sigs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] a64 = new byte[65536];
        Arrays.fill(a64, (byte) 'a');
        byte[] a1 = new byte[1024];
        Arrays.fill(a1, (byte) 'a');
        out.writeBytes(("10000;chunk-signature=" + sigs[0] + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(a64);
        out.writeBytes(("\r\n400;chunk-signature=" + sigs[1] + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(a1);
        out.writeBytes(("\r\n0;chunk-signature=" + sigs[2] + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] decode(AwsChunkedDecoderTestSink sink, AwsChunkedDecoder d, byte[] body, int split) {
        for (int i = 0; i < body.length; i += split) {
            ByteBuf b = Unpooled.wrappedBuffer(body, i, Math.min(split, body.length - i));
            try {
                d.feed(b);
            } finally {
                b.release();
            }
        }
        d.finish();
        return sink.bytes();
    }

    @Test
    void shouldDecodeAwsStreamingExampleWhenFedInAnySplit() {
        byte[] body = awsExampleBody(CHUNK_SIGS);
        assertThat(body.length).isEqualTo(66824); // the example's Content-Length
        for (int split : new int[] {1, 7, 8192, 65536, body.length}) {
            AwsChunkedDecoderTestSink sink = new AwsChunkedDecoderTestSink();
            byte[] decoded = decode(sink, new AwsChunkedDecoder(signing(), false, 66560, sink), body, split);
            assertThat(decoded).hasSize(66560).containsOnly((byte) 'a');
        }
    }

    @Test
    void shouldRefuseWhenAChunkSignatureIsWrong() {
        String[] sigs = CHUNK_SIGS.clone();
        sigs[1] = sigs[1].replace('0', '1');
        AwsChunkedDecoderTestSink sink = new AwsChunkedDecoderTestSink();
        AwsChunkedDecoder d = new AwsChunkedDecoder(signing(), false, 66560, sink);
        assertThatThrownBy(() -> decode(sink, d, awsExampleBody(sigs), 4096))
                .isInstanceOfSatisfying(
                        S3Exception.class, e -> assertThat(e.code()).isEqualTo(S3ErrorCode.SignatureDoesNotMatch));
        sink.release();
    }

    @Test
    void shouldRefuseATruncatedBodyAtTheEnd() {
        byte[] body = awsExampleBody(CHUNK_SIGS);
        byte[] cut = Arrays.copyOf(body, body.length - 100);
        AwsChunkedDecoderTestSink sink = new AwsChunkedDecoderTestSink();
        AwsChunkedDecoder d = new AwsChunkedDecoder(signing(), false, 66560, sink);
        assertThatThrownBy(() -> decode(sink, d, cut, 4096))
                .isInstanceOfSatisfying(
                        S3Exception.class, e -> assertThat(e.code()).isEqualTo(S3ErrorCode.IncompleteBody));
        sink.release();
    }

    @Test
    void shouldReadTheTrailerOfAnUnsignedTrailerBody() {
        byte[] body = "5\r\nhello\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        AwsChunkedDecoderTestSink sink = new AwsChunkedDecoderTestSink();
        AwsChunkedDecoder d = new AwsChunkedDecoder(null, true, 5, sink);
        assertThat(new String(decode(sink, d, body, 3), StandardCharsets.US_ASCII))
                .isEqualTo("hello");
        assertThat(d.trailers()).containsEntry("x-amz-checksum-crc32", "NhCmhg==");
    }

    @Test
    void shouldRefuseADecodedLengthOtherThanDeclared() {
        byte[] body = "5\r\nhello\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        AwsChunkedDecoderTestSink sink = new AwsChunkedDecoderTestSink();
        AwsChunkedDecoder d = new AwsChunkedDecoder(null, false, 6, sink);
        assertThatThrownBy(() -> decode(sink, d, body, 100))
                .isInstanceOfSatisfying(
                        S3Exception.class, e -> assertThat(e.code()).isEqualTo(S3ErrorCode.IncompleteBody));
        sink.release();
    }

    /** Collects decoded bytes and releases every slice. */
    static final class AwsChunkedDecoderTestSink implements java.util.function.Consumer<ByteBuf> {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        @Override
        public void accept(ByteBuf b) {
            try {
                byte[] a = new byte[b.readableBytes()];
                b.readBytes(a);
                out.writeBytes(a);
            } finally {
                b.release();
            }
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        void release() {}
    }
}
