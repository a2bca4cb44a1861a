package io.cairn.object.metadata;

import io.cairn.common.time.Timestamp;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The metadata dict Swift stores with an object file ({@code .data}, {@code .meta} or {@code .ts}),
 * reference §2.4: keys as Swift stores them ({@code name}, {@code X-Timestamp}, {@code Content-Type},
 * {@code Content-Length}, {@code ETag}, {@code X-Object-Meta-*}, …), case-sensitive, in insertion order.
 *
 * <p>String convention (the one Swift's Python 3 code uses, and the one Netty's header strings follow):
 * header values are <em>wire strings</em>, one {@code char} per raw header byte (the latin-1 view of
 * the bytes the client sent); {@code name} is the real Unicode path {@code /a/c/o}. On disk every key
 * and value is the UTF-8 of this string, so a non-ASCII header value ends up double-encoded exactly as
 * Swift writes it. Undecodable bytes read from disk come back as lone surrogates U+DC80..U+DCFF
 * (Python's {@code surrogateescape}) so they round-trip.
 *
 * <p>Thread-safety: immutable.
 */
public final class ObjectMetadata {
    public static final String NAME = "name";
    public static final String X_TIMESTAMP = "X-Timestamp";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String CONTENT_TYPE_TIMESTAMP = "Content-Type-Timestamp";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String ETAG = "ETag";
    public static final String X_DELETE_AT = "X-Delete-At";
    public static final String DELETED = "deleted";
    public static final String X_STATIC_LARGE_OBJECT = "X-Static-Large-Object";
    public static final String SYSMETA_PREFIX = "X-Object-Sysmeta-";
    /**
     * Cairn's own key in a {@code .data}'s metadata: the CRC32C of the body (8 lowercase hex digits), written beside
     * Swift's ETag for bodies of at least {@link #BODY_CRC32C_MIN_BYTES} so a whole-body GET can check for bitrot at
     * CRC32C's cost instead of MD5's. Swift's servers ignore it (not user meta, sysmeta nor an allowed header: never
     * echoed, and dropped when Swift's ssync receiver rebuilds a PUT), and bodies without it are checked by MD5.
     */
    public static final String BODY_CRC32C = "X-Cairn-Body-Crc32c";
    /** Smaller bodies keep metadata exactly as Swift writes it: they are MD5-checked in memory, which costs little. */
    public static final long BODY_CRC32C_MIN_BYTES = 1L << 20;

    private static final ObjectMetadata EMPTY = new ObjectMetadata(new LinkedHashMap<>());

    private final Map<String, String> entries;

    private ObjectMetadata(Map<String, String> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    public static ObjectMetadata empty() {
        return EMPTY;
    }

    /** A copy of {@code entries}, keeping their order. */
    public static ObjectMetadata of(Map<String, String> entries) {
        return new ObjectMetadata(new LinkedHashMap<>(entries));
    }

    /** Tombstone metadata as Swift writes it: {@code {X-Timestamp, name}}. */
    public static ObjectMetadata tombstone(String name, Timestamp timestamp) {
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        m.put(X_TIMESTAMP, timestamp.internal());
        m.put(NAME, name);
        return new ObjectMetadata(m);
    }

    /** The entries, unmodifiable, in insertion order. */
    public Map<String, String> asMap() {
        return entries;
    }

    public @Nullable String get(String key) {
        return entries.get(key);
    }

    public boolean containsKey(String key) {
        return entries.containsKey(key);
    }

    public int size() {
        return entries.size();
    }

    /** A copy with {@code key} set to {@code value} (replacing, keeping the key's position if present). */
    public ObjectMetadata with(String key, String value) {
        LinkedHashMap<String, String> m = new LinkedHashMap<>(entries);
        m.put(key, value);
        return new ObjectMetadata(m);
    }

    /** A copy without {@code key}. */
    public ObjectMetadata without(String key) {
        if (!entries.containsKey(key)) {
            return this;
        }
        LinkedHashMap<String, String> m = new LinkedHashMap<>(entries);
        m.remove(key);
        return new ObjectMetadata(m);
    }

    public @Nullable String name() {
        return entries.get(NAME);
    }

    /** {@code X-Timestamp} parsed, or null when absent. */
    public @Nullable Timestamp timestamp() {
        String ts = entries.get(X_TIMESTAMP);
        return ts == null ? null : Timestamp.parse(ts);
    }

    /** {@code Content-Length} as a number, or -1 when absent. */
    public long contentLength() {
        String cl = entries.get(CONTENT_LENGTH);
        if (cl == null) {
            return -1;
        }
        return Long.parseLong(cl.trim());
    }

    public @Nullable String etag() {
        return entries.get(ETAG);
    }

    public @Nullable String contentType() {
        return entries.get(CONTENT_TYPE);
    }

    /** Whether {@code key} is object system metadata, which a POST cannot change. */
    public static boolean isSysmeta(String key) {
        return key.toLowerCase(Locale.ROOT).startsWith("x-object-sysmeta-");
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ObjectMetadata other && other.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
