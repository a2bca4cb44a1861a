package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.auth.AwsChunkedDecoder;
import io.cairn.proxy.s3api.auth.PayloadMode;
import io.cairn.proxy.s3api.auth.S3Auth;
import io.cairn.proxy.s3api.auth.SigV4;
import io.cairn.proxy.s3api.checksum.ChecksumAlgorithm;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.s3api.xml.XmlNode;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * A small request body read whole (XML documents: DeleteObjects, CompleteMultipartUpload, CreateBucket's
 * configuration), at most {@code max} bytes (more is {@code MalformedXML}, as s3api's {@code xml(max_length)}),
 * aws-chunked bodies decoded and signed bodies checked against {@code x-amz-content-sha256}; {@code
 * Content-MD5} checked when {@code md5Required} or given.
 *
 * <p>Confined to the exchange's event loop.
 */
final class RequestBody {
    private final S3Request req;
    private final int max;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final @Nullable AwsChunkedDecoder chunked;
    private @Nullable S3Exception failure;

    RequestBody(S3Request req, int max) {
        this.req = req;
        this.max = max;
        S3Auth auth = req.auth();
        PayloadMode mode = auth.payload();
        this.chunked =
                mode.chunked() ? new AwsChunkedDecoder(auth.chunkSigning(), mode.trailer(), -1, this::append) : null;
    }

    private void append(ByteBuf b) {
        try {
            if (bytes.size() + b.readableBytes() > max) {
                failure = new S3Exception(S3ErrorCode.MalformedXML);
                return;
            }
            byte[] a = new byte[b.readableBytes()];
            b.getBytes(b.readerIndex(), a);
            bytes.write(a, 0, a.length);
        } finally {
            b.release();
        }
    }

    /**
     * Takes one chunk (released here); at the end returns the whole body.
     *
     * @return the body once complete, else null
     * @throws S3Exception when the body is too long or fails its checks
     */
    byte @Nullable [] feed(HttpContent content) {
        try {
            if (failure == null) {
                AwsChunkedDecoder d = chunked;
                if (d != null) {
                    d.feed(content.content());
                } else {
                    append(content.content().retain());
                }
            }
            if (!(content instanceof LastHttpContent)) {
                return null;
            }
        } finally {
            content.release();
        }
        S3Exception f = failure;
        if (f != null) {
            throw f;
        }
        AwsChunkedDecoder d = chunked;
        if (d != null) {
            d.finish();
        }
        byte[] body = bytes.toByteArray();
        check(body);
        return body;
    }

    private void check(byte[] body) {
        String sha = req.auth().payloadSha256();
        if (sha != null && !SigV4.sha256Hex(body).equals(sha)) {
            throw new S3Exception(S3ErrorCode.XAmzContentSHA256Mismatch)
                    .with("ClientComputedContentSHA256", sha)
                    .with("S3ComputedContentSHA256", SigV4.sha256Hex(body));
        }
        checkChecksums(body);
        String md5 = req.clientHeaders().get("Content-MD5");
        if (md5 != null) {
            try {
                byte[] want = Base64.getDecoder().decode(md5.strip());
                if (!MessageDigest.isEqual(want, md5(body))) {
                    throw new S3Exception(S3ErrorCode.BadDigest).with("ContentMD5", md5);
                }
            } catch (IllegalArgumentException e) {
                throw new S3Exception(S3ErrorCode.InvalidDigest).with("ContentMD5", md5);
            }
        }
    }

    /** Whether an {@code x-amz-checksum-*} header came with the body. */
    boolean hasChecksumHeader() {
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            if (req.clientHeaders().contains(a.header()) || req.clientHeaders().contains("x-amz-trailer")) {
                return true;
            }
        }
        return false;
    }

    private void checkChecksums(byte[] body) {
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            String want = req.clientHeaders().get(a.header());
            AwsChunkedDecoder d = chunked;
            if (want == null && d != null) {
                want = d.trailers().get(a.header());
            }
            if (want == null) {
                continue;
            }
            ChecksumAlgorithm.Digest digest = a.newDigest();
            digest.update(body, 0, body.length);
            if (!Base64.getEncoder().encodeToString(digest.digest()).equals(want.strip())) {
                throw new S3Exception(
                        S3ErrorCode.BadDigest,
                        "The " + a.wireName() + " you specified did not match the calculated checksum.");
            }
        }
    }

    /**
     * {@code xml} parsed (bounded, no DTD or entities) as a document whose root element is {@code root}; anything
     * else is {@code error} (MalformedXML, or MalformedACLError for an ACL).
     */
    static XmlNode document(byte[] xml, String root, S3ErrorCode error) {
        XmlNode node;
        try {
            node = XmlNode.parse(xml);
        } catch (XmlNode.Malformed e) {
            throw new S3Exception(error);
        }
        if (!node.name().equals(root)) {
            throw new S3Exception(error);
        }
        return node;
    }

    static byte[] md5(byte[] body) {
        try {
            return MessageDigest.getInstance("MD5").digest(body);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
