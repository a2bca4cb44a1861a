package io.cairn.container.http;

import io.cairn.common.db.DbMetadata;
import io.cairn.common.time.Timestamp;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Swift's container response headers ({@code gen_resp_headers}) and the metadata rules of
 * {@code _update_metadata}/{@code create_listing}: which request headers are stored (with their names as
 * WSGI rebuilds them, e.g. {@code X-Container-Meta-Color}) and which stored items are sent back.
 *
 * <p>Stateless and thread-safe.
 */
final class ContainerHeaders {
    private static final String USER_META = "x-container-meta-";
    private static final String SYS_META = "x-container-sysmeta-";
    private static final String ZERO = "0000000000.00000";

    private ContainerHeaders() {}

    /** {@code gen_resp_headers(info, is_deleted)}. */
    static void addInfoHeaders(HttpHeaders out, Map<String, @Nullable Object> info, boolean deleted) {
        Timestamp created = ts(info.get("created_at"));
        Timestamp put = ts(info.get("put_timestamp"));
        out.set("X-Backend-Timestamp", created.internal());
        out.set("X-Backend-PUT-Timestamp", put.internal());
        out.set("X-Backend-DELETE-Timestamp", ts(info.get("delete_timestamp")).internal());
        out.set("X-Backend-Status-Changed-At", ts(info.get("status_changed_at")).internal());
        out.set("X-Backend-Storage-Policy-Index", String.valueOf(number(info.get("storage_policy_index"))));
        if (!deleted) {
            out.set("X-Container-Object-Count", String.valueOf(number(info.get("object_count"))));
            out.set("X-Container-Bytes-Used", String.valueOf(number(info.get("bytes_used"))));
            out.set("X-Timestamp", created.normal());
            out.set("X-PUT-Timestamp", put.normal());
            out.set("X-Backend-Sharding-State", "unsharded");
        }
    }

    /** Swift's {@code Last-Modified = Timestamp(X-PUT-Timestamp).ceil()} as an HTTP date. */
    static String lastModified(Map<String, @Nullable Object> info) {
        long seconds = ts(info.get("put_timestamp")).ceilSeconds();
        return Timestamp.ofEpochMillis(seconds * 1000).httpDate();
    }

    private static Timestamp ts(@Nullable Object value) {
        return Timestamp.parse(value == null ? ZERO : String.valueOf(value));
    }

    private static long number(@Nullable Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }

    /** {@code is_sys_or_user_meta('container', key)} or one of {@code saveHeaders}. */
    static boolean isStored(String key, List<String> saveHeaders) {
        String lower = key.toLowerCase(Locale.ROOT);
        return saveHeaders.contains(lower)
                || (lower.startsWith(USER_META) && lower.length() > USER_META.length())
                || (lower.startsWith(SYS_META) && lower.length() > SYS_META.length());
    }

    /** The request's metadata as Swift stores it: WSGI-titled names, UTF-8-decoded values, at {@code ts}. */
    static DbMetadata requestMetadata(HttpHeaders headers, List<String> saveHeaders, String timestamp) {
        DbMetadata md = DbMetadata.empty();
        for (Map.Entry<String, String> h : headers) {
            if (isStored(h.getKey(), saveHeaders)) {
                String name = WirePaths.wireToStr(wsgiHeaderName(h.getKey()));
                md.put(name, new DbMetadata.Item(WirePaths.wireToStr(h.getValue()), timestamp));
            }
        }
        return md;
    }

    /** Adds every stored, non-empty item that Swift sends back, names and values as UTF-8 bytes. */
    static void addMetadataHeaders(HttpHeaders out, DbMetadata metadata, List<String> saveHeaders) {
        for (Map.Entry<String, DbMetadata.Item> e : metadata.items().entrySet()) {
            String value = e.getValue().value();
            if (!value.isEmpty() && isStored(e.getKey(), saveHeaders)) {
                out.set(utf8(e.getKey()), utf8(value));
            }
        }
    }

    /** A header name or value carrying the UTF-8 bytes of {@code s} (Netty writes chars as bytes). */
    static AsciiString utf8(String s) {
        return new AsciiString(s.getBytes(StandardCharsets.UTF_8), false);
    }

    /**
     * A header name as WSGI rebuilds it: {@code -} for {@code _}, then Python's {@code str.title()} on the
     * wire chars (only letters change case; a letter after a cased char is lower-cased).
     */
    static String wsgiHeaderName(String name) {
        char[] out = new char[name.length()];
        boolean previousCased = false;
        for (int i = 0; i < out.length; i++) {
            char c = name.charAt(i) == '_' ? '-' : name.charAt(i);
            boolean cased = Character.isLetter(c) && (Character.isUpperCase(c) || Character.isLowerCase(c));
            if (cased) {
                c = previousCased ? Character.toLowerCase(c) : Character.toUpperCase(c);
            }
            out[i] = c;
            previousCased = cased;
        }
        return new String(out);
    }
}
