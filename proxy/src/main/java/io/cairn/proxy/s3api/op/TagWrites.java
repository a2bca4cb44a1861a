package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.error.S3Exception;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

/**
 * Replacing the tag set of a bucket or an object (PutBucketTagging/PutObjectTagging, and the Delete forms with
 * no tags): a bucket's by a container POST of {@link Tagging#BUCKET} (empty removes it); an object's by a HEAD
 * (through object versioning: of the current version) and a POST that repeats what a POST replaces ({@link
 * ObjectWriteHeaders#carryOnPost}) with the new {@link Tagging#OBJECT} — the object's data and sysmeta are not
 * rewritten, and in a versioned bucket the POST reaches the current version, as Swift's {@code handle_post}.
 *
 * <p>Stateless; runs on the operation's event loop.
 */
final class TagWrites {
    private TagWrites() {}

    /** Replaces the tags of {@code op}'s bucket or object by {@code tags}, then runs {@code done}. */
    static void replace(S3Operation op, Tagging tags, Runnable done) {
        if (op.req.key() == null) {
            HttpHeaders h = op.swiftHeaders();
            h.set(Tagging.BUCKET, tags.stored());
            op.call(HttpMethod.POST, op.path(op.req.bucketName(), null, ""), h, null, r -> {
                if (r.status().code() / 100 != 2) {
                    throw op.swiftError(r, "POST", S3ErrorResponses.Target.BUCKET, false);
                }
                done.run();
            });
            return;
        }
        if (VersionIds.isReal(VersionIds.of(op.req))) {
            // object versioning refuses a POST to a specific version ("POST to a specific version is not allowed")
            throw new S3Exception(S3ErrorCode.S3NotImplemented, "Tagging a specific version is not supported.");
        }
        String bucket = op.req.bucketName();
        String key = op.req.keyName();
        op.call(HttpMethod.HEAD, op.path(bucket, key, ""), op.swiftHeaders(), null, head -> {
            if (head.status().code() / 100 != 2) {
                throw op.swiftError(head, "HEAD", S3ErrorResponses.Target.OBJECT, true);
            }
            HttpHeaders h = op.swiftHeaders();
            ObjectWriteHeaders.carryOnPost(head.headers(), h);
            h.remove(Tagging.OBJECT);
            if (!tags.isEmpty()) {
                h.set(Tagging.OBJECT, tags.stored());
            }
            op.call(HttpMethod.POST, op.path(bucket, key, ""), h, null, r -> {
                if (r.status().code() / 100 != 2) {
                    throw op.swiftError(r, "POST", S3ErrorResponses.Target.OBJECT, true);
                }
                done.run();
            });
        });
    }
}
