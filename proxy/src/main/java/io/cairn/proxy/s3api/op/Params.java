package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.auth.S3Query;
import io.cairn.proxy.s3api.error.S3Exception;

/**
 * s3api's {@code get_validated_param}: a non-negative 32-bit integer parameter, capped at {@code limit}.
 *
 * <p>Stateless.
 */
final class Params {
    static final long MAX_32BIT_INT = 2147483647L;

    private Params() {}

    static int validated(S3Query q, String param, int defaultValue, long limit) {
        String raw = q.get(param);
        if (raw == null) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw S3Exception.invalidArgument(
                    param, raw, "Provided " + param + " not an integer or within integer range");
        }
        if (value < 0) {
            throw S3Exception.invalidArgument(
                    param, raw, "Argument " + param + " must be an integer between 0 and " + MAX_32BIT_INT);
        }
        if (value > MAX_32BIT_INT) {
            throw S3Exception.invalidArgument(
                    param, raw, "Provided " + param + " not an integer or within integer range");
        }
        return (int) Math.min(value, limit);
    }
}
