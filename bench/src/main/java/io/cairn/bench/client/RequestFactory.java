package io.cairn.bench.client;

import io.cairn.bench.workload.Operation;
import io.netty.handler.codec.http.HttpRequest;
import org.jspecify.annotations.Nullable;

/**
 * Turns one operation on a (container, object) pair into an HTTP request head, signed. Swift's is {@link
 * SwiftRequestFactory}; an S3 one maps the same calls to bucket/key requests. Implementations are thread-safe.
 */
public interface RequestFactory {
    /** The request that creates container {@code container} (index) before the load starts. */
    HttpRequest createContainer(int container);

    /** The request that reads container {@code container}'s metadata (object count) before the load starts. */
    HttpRequest headContainer(int container);

    /**
     * The request head for {@code op} on object {@code objectId} in container {@code container}; {@code contentLength}
     * is the body size of a PUT; {@code listMarker} is the object id after which a LIST page starts (-1: from the
     * start) and {@code listLimit} its size.
     */
    HttpRequest request(Operation op, int container, long objectId, long contentLength, long listMarker, int listLimit);

    /** The object name for {@code objectId}: fixed width, so names sort as ids do (listing markers rely on it). */
    static String objectName(long objectId) {
        String digits = Long.toString(objectId);
        StringBuilder sb = new StringBuilder(13).append('o');
        for (int i = digits.length(); i < 12; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    /** Whether {@code status} answers {@code op} with success in this API (Swift's: {@link Operation#isSuccess}). */
    default boolean isSuccess(Operation op, int status) {
        return op.isSuccess(status);
    }

    /** An optional display name for reports. */
    default @Nullable String apiName() {
        return null;
    }
}
