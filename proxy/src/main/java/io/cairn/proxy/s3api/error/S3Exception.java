package io.cairn.proxy.s3api.error;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An S3 error to answer (Swift's {@code s3response.ErrorResponse}): its code, the message (the code's default
 * unless given), and the extra elements S3 adds to the error document ({@code BucketName}, {@code Key},
 * {@code ArgumentName}, ...), in order.
 *
 * <p>Not thread-safe while being built; immutable once thrown.
 */
public final class S3Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final S3ErrorCode code;
    private final transient Map<String, String> details = new LinkedHashMap<>();
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    public S3Exception(S3ErrorCode code) {
        this(code, null);
    }

    /** With {@code message} in place of the code's default (null or empty for the default). */
    public S3Exception(S3ErrorCode code, @Nullable String message) {
        super(message == null || message.isEmpty() ? code.message() : message, null, false, false);
        this.code = code;
    }

    /** Adds {@code <name>value</name>} to the error document. */
    public S3Exception with(String name, @Nullable String value) {
        details.put(name, value == null ? "" : value);
        return this;
    }

    /** Adds a response header to the error answer ({@code x-amz-delete-marker} on a 404, as S3 sends). */
    public S3Exception header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The extra response headers, in order. */
    public Map<String, String> headers() {
        return headers;
    }

    public S3ErrorCode code() {
        return code;
    }

    /** The extra elements, in order. */
    public Map<String, String> details() {
        return details;
    }

    /** {@code InvalidArgument} naming the argument and its value, as s3api's {@code InvalidArgument}. */
    public static S3Exception invalidArgument(String name, @Nullable String value, @Nullable String message) {
        return new S3Exception(S3ErrorCode.InvalidArgument, message)
                .with("ArgumentName", name)
                .with("ArgumentValue", value);
    }

    /** {@code NoSuchBucket} for {@code bucket}. */
    public static S3Exception noSuchBucket(String bucket) {
        return new S3Exception(S3ErrorCode.NoSuchBucket).with("BucketName", bucket);
    }

    /** {@code NoSuchKey} for {@code key}. */
    public static S3Exception noSuchKey(String key) {
        return new S3Exception(S3ErrorCode.NoSuchKey).with("Key", key);
    }
}
