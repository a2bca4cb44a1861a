package io.cairn.proxy.s3api;

import io.cairn.proxy.s3api.auth.S3Auth;
import io.cairn.proxy.s3api.auth.S3Query;
import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;

/**
 * An authenticated S3 request as the operations see it: the bucket and key it names, its query, who signed it
 * and how its body is signed, the Swift account it acts on and the token its Swift subrequests carry.
 *
 * <p>Immutable.
 *
 * @param method the HTTP method
 * @param bucket the bucket, or null for the service (ListBuckets)
 * @param key the key (decoded), or null for a bucket or service request
 * @param query the request's query
 * @param auth the authentication result
 * @param account the Swift account ({@code AUTH_test})
 * @param authToken the user's token for Swift subrequests
 * @param resource the path the client asked for (for error documents)
 * @param clientHeaders the client's headers as received
 */
public record S3Request(
        String method,
        @Nullable String bucket,
        @Nullable String key,
        S3Query query,
        S3Auth auth,
        String account,
        String authToken,
        String resource,
        HttpHeaders clientHeaders) {

    /** The bucket, for bucket and object requests. */
    public String bucketName() {
        String b = bucket;
        if (b == null) {
            throw new IllegalStateException("not a bucket request");
        }
        return b;
    }

    /** The key, for object requests. */
    public String keyName() {
        String k = key;
        if (k == null) {
            throw new IllegalStateException("not an object request");
        }
        return k;
    }
}
