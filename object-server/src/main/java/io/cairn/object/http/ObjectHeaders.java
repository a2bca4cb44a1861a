package io.cairn.object.http;

import io.cairn.common.http.HttpDates;
import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.DiskFileReader;
import io.cairn.object.metadata.ObjectMetadata;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which metadata keys are stored and echoed (Swift's {@code is_sys_or_user_meta},
 * {@code is_object_transient_sysmeta}, {@code allowed_headers}) and the GET/HEAD response headers built
 * from an opened object (reference §3.2).
 *
 * <p>Stateless and thread-safe.
 */
final class ObjectHeaders {
    private ObjectHeaders() {}

    /** {@code X-Object-Meta-*} (user metadata). */
    static boolean isUserMeta(String key) {
        return startsWithIgnoreCase(key, "x-object-meta-");
    }

    /** {@code X-Object-Sysmeta-*}. */
    static boolean isSysMeta(String key) {
        return startsWithIgnoreCase(key, "x-object-sysmeta-");
    }

    /** {@code X-Object-Transient-Sysmeta-*}. */
    static boolean isTransientSysmeta(String key) {
        return startsWithIgnoreCase(key, "x-object-transient-sysmeta-");
    }

    /** Echoed on GET/HEAD: user meta, sysmeta, transient sysmeta and allowed headers. */
    static boolean isEchoed(String key, Set<String> allowedHeaders) {
        return isUserMeta(key)
                || isSysMeta(key)
                || isTransientSysmeta(key)
                || allowedHeaders.contains(key.toLowerCase(Locale.ROOT));
    }

    private static boolean startsWithIgnoreCase(String key, String prefix) {
        return key.regionMatches(true, 0, prefix, 0, prefix.length()) && key.length() > prefix.length();
    }

    /** GET/HEAD headers of an opened object, as {@code ObjectController.GET/HEAD} sets them. */
    static void fill(HttpHeaders out, DiskFileReader reader, Set<String> allowedHeaders) {
        ObjectMetadata metadata = reader.metadata();
        String contentType = metadata.contentType();
        out.set(HttpHeaderNames.CONTENT_TYPE, contentType != null ? contentType : "application/octet-stream");
        for (Map.Entry<String, String> e : metadata.asMap().entrySet()) {
            if (isEchoed(e.getKey(), allowedHeaders)) {
                out.set(e.getKey(), e.getValue());
            }
        }
        String etag = metadata.etag();
        if (etag != null) {
            out.set(HttpHeaderNames.ETAG, "\"" + etag + "\"");
        }
        Timestamp ts = timestamp(reader);
        out.set(HttpHeaderNames.LAST_MODIFIED, HttpDates.format(ts.ceilSeconds()));
        out.set(HttpHeaderNames.CONTENT_LENGTH, Long.toString(reader.contentLength()));
        String encoding = metadata.get("Content-Encoding");
        if (encoding != null) {
            out.set(HttpHeaderNames.CONTENT_ENCODING, encoding);
        }
        out.set("X-Timestamp", ts.normal());
        out.set("X-Backend-Timestamp", ts.internal());
        out.set("X-Backend-Data-Timestamp", reader.dataTimestamp().internal());
        // replicated policies: the durable timestamp is the data timestamp (Swift's BaseDiskFile)
        out.set("X-Backend-Durable-Timestamp", reader.dataTimestamp().internal());
    }

    /** The merged metadata's {@code X-Timestamp} (the {@code .meta}'s when there is one). */
    static Timestamp timestamp(DiskFileReader reader) {
        Timestamp ts = reader.metadata().timestamp();
        return ts != null ? ts : reader.timestamp();
    }

    /**
     * swob's conditional ETag: the value of the first metadata key named in
     * {@code X-Backend-Etag-Is-At} that is present ({@code resolve_etag_is_at_header}), else the ETag.
     */
    static @Nullable String conditionalEtag(HttpHeaders request, ObjectMetadata metadata) {
        String at = request.get("X-Backend-Etag-Is-At");
        if (at != null) {
            for (String key : at.split(",", -1)) {
                String k = key.strip();
                for (Map.Entry<String, String> e : metadata.asMap().entrySet()) {
                    if (e.getKey().equalsIgnoreCase(k)) {
                        return e.getValue();
                    }
                }
            }
        }
        return metadata.etag();
    }
}
