package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.error.S3Exception;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * s3api's {@code swift_acl_translate} without {@code s3_acl}: canned ACLs as container ACLs.
 *
 * <p>Stateless.
 */
final class CannedAcl {
    private CannedAcl() {}

    /** Sets the container ACL headers for canned ACL {@code acl}, or throws InvalidArgument. */
    static void toContainerHeaders(String acl, HttpHeaders h) {
        switch (acl) {
            case "public-read" -> h.set("X-Container-Read", ".r:*,.rlistings");
            case "public-read-write" -> {
                h.set("X-Container-Write", ".r:*");
                h.set("X-Container-Read", ".r:*,.rlistings");
            }
            case "private", "bucket-owner-full-control", "bucket-owner-read" -> {
                h.set("X-Container-Write", ".");
                h.set("X-Container-Read", ".");
            }
            default -> throw S3Exception.invalidArgument("x-amz-acl", acl, null);
        }
    }
}
