package io.cairn.compute.image;

import io.cairn.compute.system.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** A download's {@code Range} header: one range served as 206; several (rare for images) get the whole image. */
final class ByteRanges {
    private ByteRanges() {}

    /** The range asked for, clamped to {@code size}; null for no header or several ranges; 416 when unsatisfiable. */
    static ImageStore.@Nullable ByteRange parse(@Nullable String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        String spec = header.substring("bytes=".length()).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).strip();
            String b = spec.substring(dash + 1).strip();
            long first;
            long last;
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                first = Math.max(0, size - suffix);
                last = size - 1;
                if (suffix == 0) {
                    throw unsatisfiable(size);
                }
            } else {
                first = Long.parseLong(a);
                last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            }
            if (first >= size || first > last || first < 0) {
                throw unsatisfiable(size);
            }
            return new ImageStore.ByteRange(first, last);
        } catch (NumberFormatException e) {
            return null; // a malformed Range is ignored, as RFC 9110 lets a server do
        }
    }

    private static ApiException unsatisfiable(long size) {
        return new ApiException(
                HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                "Requested range not satisfiable; the" + " image has " + size + " bytes.");
    }
}
