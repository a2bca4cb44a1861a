package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * DeleteBucket (s3api's {@code BucketController.DELETE} with {@code _delete_segments_bucket}): a bucket with
 * objects is {@code BucketNotEmpty}; otherwise what is left in {@code <bucket>+segments} (parts of unfinished
 * uploads) is deleted, that container too, then the bucket's container.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3DeleteBucket extends S3Operation {
    private final Deque<String> segments = new ArrayDeque<>();
    private String marker = "";

    public S3DeleteBucket(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req);
    }

    private String segmentsContainer() {
        return req.bucketName() + MultipartLayout.SEGMENTS_SUFFIX;
    }

    @Override
    protected void run() {
        headBucket(r -> {
            String count = r.headers().get("X-Container-Object-Count", "0");
            if (!count.equals("0")) {
                throw new S3Exception(S3ErrorCode.BucketNotEmpty);
            }
            listSegments();
        });
    }

    private void listSegments() {
        String q = "format=json&marker=" + MultipartLayout.quote(marker);
        call(HttpMethod.GET, path(segmentsContainer(), null, q), swiftHeaders(), null, r -> {
            if (r.status().code() == 404) {
                deleteBucket();
                return;
            }
            if (r.status().code() / 100 != 2) {
                throw new S3Exception(S3ErrorCode.ServiceUnavailable);
            }
            for (Map<String, Object> o : Listings.parse(r)) {
                segments.add(Listings.string(o, "name"));
            }
            if (segments.isEmpty()) {
                call(HttpMethod.DELETE, path(segmentsContainer(), null, ""), swiftHeaders(), null, d -> deleteBucket());
                return;
            }
            marker = segments.peekLast();
            nextSegment();
        });
    }

    private void nextSegment() {
        String name = segments.poll();
        if (name == null) {
            listSegments();
            return;
        }
        call(HttpMethod.DELETE, path(segmentsContainer(), name, ""), swiftHeaders(), null, r -> {
            int st = r.status().code();
            if (st / 100 != 2 && st != 404) {
                throw new S3Exception(S3ErrorCode.ServiceUnavailable);
            }
            nextSegment();
        });
    }

    private void deleteBucket() {
        call(HttpMethod.DELETE, path(req.bucketName(), null, ""), swiftHeaders(), null, r -> {
            if (r.status().code() / 100 != 2) {
                throw swiftError(r, "DELETE", S3ErrorResponses.Target.BUCKET, false);
            }
            respond(204, EmptyHttpHeaders.INSTANCE, null);
        });
    }
}
