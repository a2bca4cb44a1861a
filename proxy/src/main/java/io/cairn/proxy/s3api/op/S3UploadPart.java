package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;

/**
 * UploadPart ({@code PUT ?partNumber=N&uploadId=ID}; s3api's {@code PartController.PUT}): the part number checked
 * (1 to {@code max_upload_part_num}), the upload found, then the body stored as {@code
 * <bucket>+segments/<key>/<upload-id>/<N>} exactly as a PutObject body (checksums, aws-chunked, signatures).
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3UploadPart extends S3PutObject {
    private final int maxPartNumber;
    private int partNumber;
    /** SSE-C: the upload's salt (from its marker). */
    private byte @Nullable [] salt;

    public S3UploadPart(Exchange ex, SwiftApp app, S3Request req, int maxPartNumber) {
        super(ex, app, req);
        this.maxPartNumber = maxPartNumber;
    }

    /** The part number of {@code req}, or InvalidArgument. */
    static int partNumber(S3Request req, int max) {
        String raw = req.query().get("partNumber");
        try {
            int n = Integer.parseInt(raw == null ? "" : raw.strip());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw S3Exception.invalidArgument(
                "partNumber", raw, "Part number must be an integer between 1 and " + max + ", inclusive");
    }

    @Override
    protected void before(Runnable then) {
        partNumber = partNumber(req, maxPartNumber);
        String uploadId = req.query().get("uploadId");
        checkUpload(uploadId == null ? "" : uploadId, marker -> {
            SseC key = sse;
            boolean encrypted = SseC.isEncrypted(marker);
            if (key == null && encrypted) {
                throw new S3Exception(
                        S3ErrorCode.InvalidRequest,
                        "The multipart upload initiate requested encryption. Subsequent part requests must include"
                                + " the appropriate encryption parameters.");
            }
            if (key != null && !encrypted) {
                throw new S3Exception(
                        S3ErrorCode.InvalidRequest,
                        "The multipart upload initiate did not request encryption. Subsequent part requests must not"
                                + " include encryption parameters.");
            }
            if (key != null) {
                if (!key.matches(marker)) {
                    throw new S3Exception(
                            S3ErrorCode.InvalidRequest,
                            "The provided encryption parameters did not match the ones used originally.");
                }
                salt = SseC.salt(marker);
            }
            then.run();
        });
    }

    @Override
    protected byte[] sseSalt() {
        byte[] s = salt;
        if (s == null) {
            throw new IllegalStateException("the upload's salt is read before the part is stored");
        }
        return s;
    }

    @Override
    protected void encrypted(HttpHeaders h, byte[] iv) {
        // the SLO manifest keeps each segment's type: one manifest read gives every part's IV
        h.set("Content-Type", SseC.partType(iv));
    }

    @Override
    protected String targetContainer() {
        return req.bucketName() + MultipartLayout.SEGMENTS_SUFFIX;
    }

    @Override
    protected String targetObject() {
        return req.keyName() + "/" + req.query().get("uploadId") + "/" + partNumber;
    }

    @Override
    protected void objectHeaders(HttpHeaders h) {
        // a part carries no metadata of its own; the completed object takes the upload's
    }
}
