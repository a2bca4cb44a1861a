package io.cairn.common.db;

import io.cairn.common.codec.Json;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code metadata} column of {@code account_stat}/{@code container_info}: a JSON object
 * {@code {"X-Account-Meta-Color": ["blue", "1700000000.00000"], ...}} (header names as received). The
 * rules are Swift's {@code DatabaseBroker.update_metadata}: per key the newer timestamp wins (compared
 * as strings, as Swift does), a deletion is the value {@code ""} with its timestamp, and empty values
 * older than the reclaim age are dropped by {@link #reclaim}. Key order is kept so the JSON Cairn
 * writes is the JSON Swift would write.
 *
 * <p>Not thread-safe: a value built and used by one thread.
 */
public final class DbMetadata {
    /** One metadata value and the internal timestamp it was set at. */
    public record Item(String value, String timestamp) {}

    private final Map<String, Item> items;

    /** @param items an insertion-ordered map, owned by the new instance */
    private DbMetadata(Map<String, Item> items) {
        this.items = items;
    }

    /** Empty metadata. */
    public static DbMetadata empty() {
        return new DbMetadata(new LinkedHashMap<>());
    }

    /** Parses the column value ({@code ''} or null means empty). */
    public static DbMetadata parse(@Nullable String json) {
        LinkedHashMap<String, Item> items = new LinkedHashMap<>();
        if (json == null || json.isEmpty()) {
            return new DbMetadata(items);
        }
        Object parsed;
        try {
            parsed = Json.parse(json);
        } catch (Json.JsonException e) {
            throw new IllegalArgumentException("metadata is not JSON: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("metadata is not a JSON object: " + json);
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            items.put(String.valueOf(e.getKey()), item(e.getValue()));
        }
        return new DbMetadata(items);
    }

    private static Item item(@Nullable Object value) {
        if (value instanceof List<?> l && l.size() >= 2) {
            return new Item(String.valueOf(l.get(0)), String.valueOf(l.get(1)));
        }
        throw new IllegalArgumentException("metadata value is not [value, timestamp]: " + value);
    }

    /** Keys in order with their items (read-only view). */
    public Map<String, Item> items() {
        return Collections.unmodifiableMap(items);
    }

    public @Nullable Item get(String key) {
        return items.get(key);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /**
     * Whether applying {@code updates} would change anything: false when every key already exists and
     * none of the updates is newer (Swift's early return in {@code update_metadata}).
     */
    public boolean wouldChange(DbMetadata updates) {
        for (Map.Entry<String, Item> e : updates.items.entrySet()) {
            Item old = items.get(e.getKey());
            if (old == null || e.getValue().timestamp().compareTo(old.timestamp()) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Applies {@code updates}: a key is set when new or when its update is newer. */
    public void merge(DbMetadata updates) {
        for (Map.Entry<String, Item> e : updates.items.entrySet()) {
            put(e.getKey(), e.getValue());
        }
    }

    /** Sets {@code key} when it is new or {@code item} is newer than what is stored. */
    public void put(String key, Item item) {
        Item old = items.get(key);
        if (old == null || item.timestamp().compareTo(old.timestamp()) > 0) {
            items.put(key, item);
        }
    }

    /**
     * Drops empty values whose timestamp is older than {@code ageTimestamp} (Swift's
     * {@code _reclaim_metadata}); {@code olderThan} decides the comparison (Swift compares
     * {@code Timestamp}s, not strings). Returns whether anything was dropped.
     */
    public boolean reclaim(java.util.function.Predicate<String> olderThan) {
        return items.entrySet()
                .removeIf(e -> e.getValue().value().isEmpty()
                        && olderThan.test(e.getValue().timestamp()));
    }

    /** Every key whose value is cleared by a DB delete (all but those in {@code keep}, lower-case). */
    public DbMetadata clearedAt(String timestamp, List<String> keepLowerCase) {
        LinkedHashMap<String, Item> out = new LinkedHashMap<>();
        for (String key : items.keySet()) {
            if (!keepLowerCase.contains(key.toLowerCase(Locale.ROOT))) {
                out.put(key, new Item("", timestamp));
            }
        }
        return new DbMetadata(out);
    }

    /**
     * Swift's {@code validate_metadata} on the accumulated metadata: only non-empty
     * {@code X-Account-Meta-*}/{@code X-Container-Meta-*} values count; size = name after the prefix
     * plus value, in characters. Returns the 400 message Swift gives, or null when within limits.
     */
    public @Nullable String violation(int maxCount, int maxOverallSize) {
        int count = 0;
        int size = 0;
        for (Map.Entry<String, Item> e : items.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            String value = e.getValue().value();
            if (!isUtf8Clean(e.getKey()) || !isUtf8Clean(value)) {
                return "Metadata must be valid UTF-8";
            }
            String prefix = key.startsWith("x-account-meta-")
                    ? "x-account-meta-"
                    : key.startsWith("x-container-meta-") ? "x-container-meta-" : null;
            if (!value.isEmpty() && prefix != null) {
                String name = key.substring(prefix.length());
                count++;
                size += name.codePointCount(0, name.length()) + value.codePointCount(0, value.length());
            }
        }
        if (count > maxCount) {
            return "Too many metadata items; max " + maxCount;
        }
        if (size > maxOverallSize) {
            return "Total metadata too large; max " + maxOverallSize;
        }
        return null;
    }

    /** Swift's {@code check_utf8} on a decoded string: no lone surrogates, no NUL. */
    private static boolean isUtf8Clean(String s) {
        if (s.indexOf('\0') >= 0) {
            return false;
        }
        return StandardCharsets.UTF_8.newEncoder().canEncode(s);
    }

    /** The column value, as {@code json.dumps(md)}. */
    public String toJson() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Item> e : items.entrySet()) {
            out.put(e.getKey(), List.of(e.getValue().value(), e.getValue().timestamp()));
        }
        return Json.write(out);
    }

    @Override
    public String toString() {
        return toJson();
    }
}
