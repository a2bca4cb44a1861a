package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * AbortMultipartUpload ({@code DELETE ?uploadId=ID}; s3api's {@code UploadController.DELETE}): the marker object,
 * then every part, are deleted; 204.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3AbortMultipartUpload extends S3MultipartOperation {
    private final Deque<String> names = new ArrayDeque<>();

    public S3AbortMultipartUpload(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req);
    }

    @Override
    protected void run() {
        String uploadId = uploadId();
        checkUpload(
                uploadId,
                marker -> call(
                        HttpMethod.DELETE,
                        path(segments(), req.keyName() + "/" + uploadId, ""),
                        swiftHeaders(),
                        null,
                        d -> listParts(parts -> {
                            for (Part p : parts) {
                                names.add(p.name());
                            }
                            next();
                        })));
    }

    private void next() {
        String name = names.poll();
        if (name == null) {
            // s3api's HTTPNoContent carries swob's default Content-Type
            respond(204, new DefaultHttpHeaders().set("Content-Type", SWOB_EMPTY_TYPE), null);
            return;
        }
        call(HttpMethod.DELETE, path(segments(), name, ""), swiftHeaders(), null, r -> {
            int st = r.status().code();
            if (st / 100 != 2 && st != 404) {
                throw new S3Exception(S3ErrorCode.InternalError, "unexpected status code " + st);
            }
            next();
        });
    }
}
