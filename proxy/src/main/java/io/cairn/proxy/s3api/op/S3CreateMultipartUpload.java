package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.checksum.ChecksumAlgorithm;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.xml.XmlWriter;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * CreateMultipartUpload ({@code POST ?uploads}; s3api's {@code UploadsController.POST}): the bucket must exist;
 * {@code <bucket>+segments} is created on first use with the bucket's policy and ACLs; the upload's marker
 * object {@code <key>/<upload-id>} (an empty {@code application/directory}) keeps the future object's metadata
 * and content type ({@code X-Object-Sysmeta-S3Api-Has-Content-Type}/{@code -Content-Type}). The upload id is
 * s3api's: urlsafe base64 of a UUID4's text.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3CreateMultipartUpload extends S3Operation {
    /** Where the checksum algorithm of an upload is kept (Cairn's; s3api 2.30.1 has none). */
    static final String SYSMETA_CHECKSUM_ALGORITHM = "X-Object-Sysmeta-S3Api-Checksum-Algorithm";

    /** Where the checksum type of an upload and its object is kept: COMPOSITE or FULL_OBJECT (Cairn's). */
    static final String SYSMETA_CHECKSUM_TYPE = "X-Object-Sysmeta-S3Api-Checksum-Type";

    /**
     * The checksum type of an upload with {@code algorithm}: {@code x-amz-checksum-type} when given (FULL_OBJECT
     * only for a CRC, COMPOSITE not for CRC64NVME), else COMPOSITE but for CRC64NVME's FULL_OBJECT.
     */
    static String checksumType(ChecksumAlgorithm algorithm, @Nullable String requested) {
        String type = requested == null
                ? (algorithm == ChecksumAlgorithm.CRC64NVME ? "FULL_OBJECT" : "COMPOSITE")
                : requested.strip().toUpperCase(java.util.Locale.ROOT);
        boolean ok = (type.equals("COMPOSITE") && algorithm != ChecksumAlgorithm.CRC64NVME)
                || (type.equals("FULL_OBJECT") && algorithm.isCrc());
        if (!ok) {
            throw new io.cairn.proxy.s3api.error.S3Exception(
                    io.cairn.proxy.s3api.error.S3ErrorCode.InvalidRequest,
                    "The " + type + " checksum type cannot be used with the " + algorithm.lowerName()
                            + " checksum algorithm.");
        }
        return type;
    }

    public S3CreateMultipartUpload(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req);
    }

    private String segments() {
        return req.bucketName() + MultipartLayout.SEGMENTS_SUFFIX;
    }

    /** The tags of {@code x-amz-tagging}, checked before anything is written. */
    private Tagging tags = Tagging.EMPTY;

    /** The object lock sysmeta the completed object takes from the marker ({@link ObjectLock}). */
    private final HttpHeaders lockHeaders = new DefaultHttpHeaders();

    /** SSE-C: the upload's key; the marker keeps its check and the salt every part is encrypted under. */
    private @Nullable SseC sse;

    @Override
    protected void run() {
        tags = Tagging.fromHeader(req.clientHeaders().get("x-amz-tagging"), Tagging.MAX_OBJECT_TAGS);
        ObjectWriteHeaders.validate(req);
        sse = SseC.fromHeaders(req.clientHeaders(), SseC.CUSTOMER);
        headBucket(bucket -> {
            HttpHeaders container = bucket.headers().copy();
            ObjectLock.forWrite(
                    req.clientHeaders(),
                    ObjectLock.Config.fromStored(container.get(ObjectLock.BUCKET)),
                    java.time.Instant.now(ex.services().clock()),
                    lockHeaders);
            call(HttpMethod.HEAD, path(segments(), null, ""), swiftHeaders(), null, seg -> {
                if (seg.status().code() / 100 == 2) {
                    putMarker();
                    return;
                }
                HttpHeaders h = swiftHeaders();
                for (String k : new String[] {"X-Storage-Policy", "X-Container-Read", "X-Container-Write"}) {
                    String v = container.get(k);
                    if (v != null && !v.isEmpty()) {
                        h.set(k, v);
                    }
                }
                call(HttpMethod.PUT, path(segments(), null, ""), h, null, made -> {
                    int st = made.status().code();
                    if (st / 100 != 2) {
                        throw swiftError(made, "PUT", S3ErrorResponses.Target.BUCKET, true);
                    }
                    putMarker();
                });
            });
        });
    }

    private void putMarker() {
        String uploadId = Base64.getUrlEncoder()
                .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        HttpHeaders h = swiftHeaders();
        ObjectWriteHeaders.metadataAndContent(req, h);
        String type = req.clientHeaders().get("Content-Type");
        if (type != null && !type.isEmpty()) {
            h.set(MultipartLayout.SYSMETA_HAS_CONTENT_TYPE, "yes");
            h.set(MultipartLayout.SYSMETA_CONTENT_TYPE, type);
        } else {
            h.set(MultipartLayout.SYSMETA_HAS_CONTENT_TYPE, "no");
        }
        h.set("Content-Type", "application/directory");
        if (!tags.isEmpty()) {
            // the completed object takes them from the marker, as its metadata
            h.set(Tagging.OBJECT, tags.stored());
        }
        h.add(lockHeaders);
        ChecksumAlgorithm algorithm = ChecksumAlgorithm.of(req.clientHeaders().get("x-amz-checksum-algorithm"));
        String checksumType = null;
        if (algorithm != null) {
            h.set(SYSMETA_CHECKSUM_ALGORITHM, algorithm.name());
            checksumType = checksumType(algorithm, req.clientHeaders().get("x-amz-checksum-type"));
            h.set(SYSMETA_CHECKSUM_TYPE, checksumType);
        }
        String sumType = checksumType;
        SseC key = sse;
        if (key != null) {
            key.store(SseC.random16(), h);
        }
        String marker = req.keyName() + "/" + uploadId;
        call(HttpMethod.PUT, path(segments(), marker, ""), h, Unpooled.EMPTY_BUFFER, r -> {
            if (r.status().code() / 100 != 2) {
                throw swiftError(r, "PUT", S3ErrorResponses.Target.OBJECT, true);
            }
            XmlWriter x = xml().openRoot("InitiateMultipartUploadResult")
                    .element("Bucket", req.bucketName())
                    .element("Key", req.keyName())
                    .element("UploadId", uploadId)
                    .close("InitiateMultipartUploadResult");
            HttpHeaders out = new DefaultHttpHeaders();
            if (algorithm != null) {
                out.set("x-amz-checksum-algorithm", algorithm.wireName());
            }
            if (sumType != null) {
                out.set("x-amz-checksum-type", sumType);
            }
            if (key != null) {
                key.echo(out);
            }
            respond(200, out, x.toString());
        });
    }
}
