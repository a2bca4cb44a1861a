package io.cairn.proxy.swift;

import io.cairn.common.path.ConstraintViolation;
import io.cairn.common.path.HashPath;
import io.cairn.common.path.MetadataTarget;
import io.cairn.common.path.NameValidator;
import io.cairn.common.time.DeleteAt;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * Swift's checks on object writes (reference §4.8; {@code constraints.check_object_creation}, {@code
 * check_delete_headers}, {@code check_metadata}), each answering Swift's status and body, plus the header
 * rewrites the proxy does before fan-out ({@code X-Delete-After} → {@code X-Delete-At}, Content-Type
 * guessing).
 *
 * <p>Thread-safety: stateless.
 */
final class ObjectWriteChecks {
    /** Swift's {@code expiring_objects_container_divisor}. */
    static final long EXPIRER_DIVISOR = 86_400;
    /** Swift's {@code expiring_objects_account} (auto-create prefix + {@code expiring_objects}). */
    static final String EXPIRER_ACCOUNT = ".expiring_objects";

    /** {@code normalize_delete_at_timestamp}'s upper bound. */
    private static final BigInteger MAX_DELETE_AT = BigInteger.valueOf(9_999_999_999L);

    private ObjectWriteChecks() {}

    /** {@code check_object_creation} for a PUT: size, length, name, content type, metadata. */
    static @Nullable FullHttpResponse checkCreation(
            HttpRequest request, String objectName, NameValidator validator, boolean copy) {
        return checkCreation(request, objectName, validator, copy, false);
    }

    /**
     * As {@link #checkCreation(HttpRequest, String, NameValidator, boolean)}; with {@code contentTypeOverridden}
     * (Swift's {@code swift.content_type_overridden}: a filter such as {@code slo} wrote the Content-Type,
     * {@code swift_bytes} included) its {@code swift_*} parameters are allowed.
     */
    static @Nullable FullHttpResponse checkCreation(
            HttpRequest request,
            String objectName,
            NameValidator validator,
            boolean copy,
            boolean contentTypeOverridden) {
        HttpHeaders h = request.headers();
        String te = h.get(HttpHeaderNames.TRANSFER_ENCODING);
        FullHttpResponse badCoding = checkTransferEncoding(te);
        if (badCoding != null) {
            return badCoding;
        }
        boolean chunked = te != null && !te.isEmpty();
        long length = contentLength(h);
        if (length == -2) {
            return SwiftResponses.withPlain(400, "Invalid Content-Length header value");
        }
        if (length > validator.constraints().maxFileSize()) {
            return SwiftResponses.withPlain(413, "Your request is too large.");
        }
        if (length < 0 && !chunked) {
            return SwiftResponses.withPlain(411, "Missing Content-Length header.");
        }
        if (copy && length > 0) {
            return SwiftResponses.withText(400, "Copy requests require a zero byte body");
        }
        ConstraintViolation v = validator.checkObjectName(objectName);
        if (v != null) {
            return SwiftResponses.withPlain(v.status(), v.body());
        }
        String ct = h.get(HttpHeaderNames.CONTENT_TYPE);
        if (ct != null
                && !contentTypeOverridden
                && ct.toLowerCase(java.util.Locale.ROOT).contains("swift_")) {
            for (String param : ct.split(";")) {
                if (param.trim().toLowerCase(java.util.Locale.ROOT).startsWith("swift_")) {
                    return SwiftResponses.withText(400, "Invalid Content-Type, swift_* is not a valid parameter name.");
                }
            }
        }
        return checkMetadata(h, validator);
    }

    /** swob's {@code is_chunked}: one coding only (else 501), and it must be chunked (else 400). */
    private static @Nullable FullHttpResponse checkTransferEncoding(@Nullable String te) {
        if (te == null || te.isEmpty()) {
            return null;
        }
        if (te.indexOf(',') >= 0) {
            return SwiftResponses.withPlain(
                    501, "Unsupported Transfer-Coding header value specified in Transfer-Encoding header");
        }
        return te.equalsIgnoreCase("chunked")
                ? null
                : SwiftResponses.withPlain(400, "Invalid Transfer-Encoding header value");
    }

    /** The Content-Length, -1 when absent, -2 when malformed. */
    private static long contentLength(HttpHeaders h) {
        return contentLength(h.get(HttpHeaderNames.CONTENT_LENGTH));
    }

    /** A Content-Length value, -1 when null, -2 when malformed. */
    static long contentLength(@Nullable String cl) {
        if (cl == null) {
            return -1;
        }
        try {
            long length = Long.parseLong(cl.trim());
            return length < 0 ? -2 : length;
        } catch (NumberFormatException e) {
            return -2;
        }
    }

    /** {@code check_metadata(req, 'object')}. */
    static @Nullable FullHttpResponse checkMetadata(HttpHeaders h, NameValidator validator) {
        ConstraintViolation v = validator.checkMetadata(h, MetadataTarget.OBJECT);
        return v == null ? null : SwiftResponses.withPlain(v.status(), v.body());
    }

    /**
     * {@code check_delete_headers}: converts {@code X-Delete-After} into {@code X-Delete-At} (normalized
     * {@code %010d}) and checks both are integers in the future.
     */
    static @Nullable FullHttpResponse rewriteDeleteHeaders(HttpHeaders h, double nowSeconds) {
        String after = h.get("X-Delete-After");
        if (after != null) {
            long seconds;
            try {
                // any size, as Python's int(); the sum is clamped below
                seconds = new BigInteger(after.trim())
                        .min(MAX_DELETE_AT)
                        .max(BigInteger.valueOf(-MAX_DELETE_AT.longValue()))
                        .longValueExact();
            } catch (NumberFormatException e) {
                return SwiftResponses.withPlain(400, "Non-integer X-Delete-After");
            }
            double at = nowSeconds + seconds;
            if ((long) at <= nowSeconds) {
                return SwiftResponses.withPlain(400, "X-Delete-After in past");
            }
            h.remove("X-Delete-After");
            h.set("X-Delete-At", DeleteAt.normalize(at));
        }
        String at = h.get("X-Delete-At");
        if (at != null) {
            long deleteAt;
            try {
                // Python's int(): an integer of any size (clamped as normalize_delete_at_timestamp), not a float
                deleteAt = new BigInteger(at.trim())
                        .max(BigInteger.ZERO)
                        .min(MAX_DELETE_AT)
                        .longValueExact();
            } catch (RuntimeException e) {
                return SwiftResponses.withPlain(400, "Non-integer X-Delete-At");
            }
            if (deleteAt <= nowSeconds) {
                return SwiftResponses.withPlain(400, "X-Delete-At in past");
            }
            h.set("X-Delete-At", DeleteAt.normalize(deleteAt));
        }
        return null;
    }

    /** Swift's {@code get_expirer_container}: the task container of an object's expiry. */
    static String expirerContainer(long deleteAt, HashPath hashPath, String a, String c, String o) {
        int shard = new BigInteger(1, hashPath.raw(a, c, o))
                .mod(BigInteger.valueOf(100))
                .intValue();
        return DeleteAt.normalize(deleteAt / EXPIRER_DIVISOR * EXPIRER_DIVISOR - shard);
    }
}
