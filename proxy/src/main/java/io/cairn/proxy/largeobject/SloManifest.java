package io.cairn.proxy.largeobject;

import io.cairn.common.codec.Json;
import io.cairn.common.codec.SwiftBytes;
import io.cairn.common.http.ByteRanges;
import io.cairn.proxy.swift.SwiftPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The SLO manifest formats (Swift 2.30.1 {@code slo.py}), the one place they are read and written.
 *
 * <p><b>Client format</b> ({@code PUT ?multipart-manifest=put} body, and {@code ?multipart-manifest=get&format=raw}):
 * a JSON list of {@code {"path": "/c/o", "etag": …, "size_bytes": …, "range": "M-N"}} (only {@code path}
 * required) or {@code {"data": "<base64>"}}. {@link #parse} is {@code parse_and_validate_input}, with its
 * error lines word for word.
 *
 * <p><b>Stored format</b> (the manifest object's body, written by {@link #storedJson}): a JSON list, in
 * {@code json.dumps} form ({@code ", "}/{@code ": "} separators, ASCII escapes), of {@code {"name": "/c/o",
 * "bytes": N, "hash": "<etag>", "content_type": "…", "last_modified": "YYYY-MM-DDTHH:MM:SS.ffffff"}} plus
 * {@code "range": "M-N"} and {@code "sub_slo": true} when they apply, and {@code {"data": "<base64>"}}
 * entries. With it go {@code X-Static-Large-Object: True}, {@code X-Object-Sysmeta-Slo-Etag} ({@link #sloEtag}),
 * {@code X-Object-Sysmeta-Slo-Size}, the {@code swift_bytes} Content-Type parameter and the container
 * listing's {@code ; slo_etag=} override.
 *
 * <p>Thread-safety: stateless.
 */
final class SloManifest {
    static final String SYSMETA_ETAG = "X-Object-Sysmeta-Slo-Etag";
    static final String SYSMETA_SIZE = "X-Object-Sysmeta-Slo-Size";
    static final String MARKER = "X-Static-Large-Object";

    private SloManifest() {}

    /** One entry of a client manifest, checked: an object segment ({@code path}) or inline {@code data}. */
    record Input(
            @Nullable String path,
            @Nullable String etag,
            long sizeBytes,
            @Nullable String range,
            @Nullable String data) {}

    /** {@link #parse}'s answer: entries, or the 400 to send. */
    record Parsed(List<Input> entries, @Nullable String error, boolean plainText) {}

    /**
     * {@code parse_and_validate_input}: the entries of a manifest PUT body, or its 400 body — the
     * per-index lines (text/plain), or a whole-document complaint (Swift's default type).
     *
     * @param requestPath the manifest's quoted path {@code /v1/a/c/o}, to refuse itself as a segment
     * @param accountPrefix {@code /v1/a/}, quoted
     */
    static Parsed parse(String body, String requestPath, String accountPrefix) {
        Object doc;
        try {
            doc = Json.parse(body);
        } catch (Json.JsonException e) {
            return new Parsed(List.of(), "Manifest must be valid JSON.\n", false);
        }
        if (!(doc instanceof List<?> list)) {
            return new Parsed(List.of(), "Manifest must be a list.\n", false);
        }
        List<String> errors = new ArrayList<>();
        List<Input> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (!(item instanceof Map<?, ?> seg)) {
                errors.add("Index " + i + ": not a JSON object");
                continue;
            }
            String problem = seg.containsKey("data")
                    ? checkData(seg)
                    : checkPath(seg, i, list.size(), requestPath, accountPrefix);
            if (problem != null) {
                errors.add("Index " + i + ": " + problem);
                continue;
            }
            out.add(toInput(seg));
        }
        if (!list.isEmpty() && list.stream().allMatch(o -> o instanceof Map<?, ?> m && m.containsKey("data"))) {
            errors.add("Inline data segments require at least one object-backed segment.");
        }
        if (!errors.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (String e : errors) {
                sb.append(e).append('\n');
            }
            return new Parsed(List.of(), sb.toString(), true);
        }
        return new Parsed(out, null, false);
    }

    private static Input toInput(Map<?, ?> seg) {
        Object data = seg.get("data");
        if (data != null || seg.containsKey("data")) {
            byte[] raw = decodeBase64(String.valueOf(data));
            return new Input(null, null, -1, null, Base64.getEncoder().encodeToString(raw == null ? new byte[0] : raw));
        }
        Object etag = seg.get("etag");
        Object range = seg.get("range");
        long size = sizeOf(seg.get("size_bytes"));
        boolean hasRange = range instanceof String r && !r.isEmpty();
        return new Input(
                (String) seg.get("path"),
                etag == null ? null : (String) etag,
                size,
                hasRange ? (String) range : null,
                null);
    }

    private static @Nullable String checkData(Map<?, ?> seg) {
        if (seg.size() > 1) {
            return extraneous(seg, "data", List.of());
        }
        Object d = seg.get("data");
        byte[] raw = d instanceof String s ? decodeBase64(s) : null;
        if (raw == null) {
            return "data must be valid base64";
        }
        if (raw.length < 1) {
            return "too small; each segment must be at least 1 byte.";
        }
        return null;
    }

    private static @Nullable String checkPath(
            Map<?, ?> seg, int index, int count, String requestPath, String accountPrefix) {
        if (!seg.containsKey("path")) {
            return "expected keys to include one of 'data' or 'path'";
        }
        String extra = extraneous(seg, "path", List.of("range", "etag", "size_bytes"));
        if (extra != null) {
            return extra;
        }
        if (!(seg.get("path") instanceof String path)) {
            return "\"path\" must be a string";
        }
        Object etag = seg.get("etag");
        if (etag != null && !(etag instanceof String)) {
            return "\"etag\" must be a string or null (if provided)";
        }
        if (strip(path, '/').indexOf('/') < 0) {
            return "path does not refer to an object. Path must be of the form /container/object.";
        }
        Object sizeValue = seg.get("size_bytes");
        long size = -1;
        if (sizeValue != null) {
            size = sizeOf(sizeValue);
            if (size == Long.MIN_VALUE) {
                return "invalid size_bytes";
            }
            if (size < 1 && index != count - 1) {
                return "too small; each segment must be at least 1 byte.";
            }
        }
        if (requestPath.equals(accountPrefix + SwiftPath.quote(lstrip(path, '/')))) {
            return "manifest must not include itself as a segment";
        }
        return checkRange(seg.get("range"), size);
    }

    private static @Nullable String checkRange(@Nullable Object range, long size) {
        if (range == null || (range instanceof String r0 && r0.isEmpty()) || Boolean.FALSE.equals(range)) {
            return null;
        }
        ByteRanges r = range instanceof String s ? ByteRanges.parse("bytes=" + s) : null;
        if (r == null) {
            return "invalid range";
        }
        if (r.count() > 1) {
            return "multiple ranges (only one allowed)";
        }
        if (size >= 0 && r.forLength(size).length != 2) {
            return "unsatisfiable range";
        }
        return null;
    }

    private static @Nullable String extraneous(Map<?, ?> seg, String type, List<String> optional) {
        TreeSet<String> extra = new TreeSet<>();
        for (Object k : seg.keySet()) {
            String key = String.valueOf(k);
            if (!key.equals(type) && !optional.contains(key)) {
                extra.add(key);
            }
        }
        if (extra.isEmpty()) {
            return null;
        }
        List<String> quoted = new ArrayList<>();
        for (String k : extra) {
            quoted.add(Json.write(k));
        }
        return "extraneous keys " + String.join(", ", quoted);
    }

    /** Python's {@code int(value)} for a size; -1 for null; {@link Long#MIN_VALUE} when it is not one. */
    static long sizeOf(@Nullable Object v) {
        if (v == null) {
            return -1;
        }
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? Long.MIN_VALUE : (long) d.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String s) {
            String t = s.strip().replace("_", "");
            try {
                return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
            } catch (NumberFormatException e) {
                return Long.MIN_VALUE;
            }
        }
        return Long.MIN_VALUE;
    }

    /** {@code strict_b64decode}: the bytes, or null when not valid base64 (padding required). */
    static byte @Nullable [] decodeBase64(String value) {
        String core = strip(value, '=');
        for (int i = 0; i < core.length(); i++) {
            char c = core.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!ok) {
                return null;
            }
        }
        // Python's b64decode (not strict): the padding must complete the last quantum; more is ignored
        int pad = value.length() - SloManifest.lstrip(value, '=').length() == 0 ? trailing(value) : -1;
        int needed = (4 - core.length() % 4) % 4;
        if (pad < needed || core.length() % 4 == 1) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(core + "==".substring(0, needed));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int trailing(String value) {
        int n = 0;
        for (int i = value.length() - 1; i >= 0 && value.charAt(i) == '='; i--) {
            n++;
        }
        return n;
    }

    /**
     * The SLO's ETag: md5 over, per entry, the md5 hex of inline data, {@code "<hash>:<range>;"} for a
     * ranged segment, or the segment's hash.
     */
    static String sloEtag(List<Map<String, Object>> stored) {
        MessageDigest md5 = md5();
        for (Map<String, Object> seg : stored) {
            md5.update(etagPart(seg).getBytes(StandardCharsets.US_ASCII));
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private static String etagPart(Map<String, Object> seg) {
        Object data = seg.get("data");
        if (data != null) {
            byte[] raw = decodeBase64(String.valueOf(data));
            return HexFormat.of().formatHex(md5().digest(raw == null ? new byte[0] : raw));
        }
        Object range = seg.get("range");
        if (range instanceof String r && !r.isEmpty()) {
            return seg.get("hash") + ":" + r + ";";
        }
        return String.valueOf(seg.get("hash"));
    }

    /** The stored manifest body as {@code json.dumps} writes it. */
    static byte[] storedJson(List<Map<String, Object>> stored) {
        return Json.write(stored).getBytes(StandardCharsets.UTF_8);
    }

    /** md5 hex of {@code bytes}. */
    static String md5Hex(byte[] bytes) {
        return HexFormat.of().formatHex(md5().digest(bytes));
    }

    /**
     * {@code convert_segment_listing}: a stored manifest in the client format ({@code format=raw}), keys
     * sorted; null when the body is not a JSON list.
     */
    static String toRaw(List<Map<String, Object>> stored) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> seg : stored) {
            if (seg.containsKey("data")) {
                out.add(seg);
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>(seg);
            m.remove("content_type");
            m.remove("last_modified");
            m.remove("sub_slo");
            m.put("path", m.remove("name"));
            m.put("size_bytes", m.remove("bytes"));
            m.put("etag", m.remove("hash"));
            out.add(m);
        }
        return Json.writeSortedKeys(out);
    }

    /** A stored manifest as a list of entries (empty when it is not a JSON list, as Swift reads it). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> readStored(String body) {
        try {
            Object v = Json.parse(body);
            if (v instanceof List<?> l) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (Object o : l) {
                    if (o instanceof Map<?, ?> m) {
                        out.add((Map<String, Object>) m);
                    }
                }
                return out;
            }
        } catch (Json.JsonException e) {
            // Swift: segments = [] for a body that does not decode
        }
        return List.of();
    }

    /**
     * The bytes a plain GET reads of a stored entry ({@code _segment_length}); a sub-SLO's {@code bytes}
     * taken from its Content-Type's {@code swift_bytes} when there ({@code override_bytes_from_content_type}).
     */
    static long segmentLength(Map<String, Object> seg) {
        Object data = seg.get("data");
        if (data != null) {
            byte[] raw = decodeBase64(String.valueOf(data));
            return raw == null ? 0 : raw.length;
        }
        Object range = seg.get("range");
        if (range instanceof String r && r.indexOf('-') > 0) {
            int dash = r.indexOf('-');
            return Long.parseLong(r.substring(dash + 1)) - Long.parseLong(r.substring(0, dash)) + 1;
        }
        return bytes(seg);
    }

    /** An entry's {@code bytes}, or the {@code swift_bytes} of a sub-SLO's content type. */
    static long bytes(Map<String, Object> seg) {
        if (LargeObjects.isTrue(String.valueOf(seg.get("sub_slo")))) {
            Object ct = seg.get("content_type");
            if (ct instanceof String type) {
                // override_bytes_from_content_type
                String swiftBytes = SwiftBytes.extract(type).swiftBytes();
                long v = LargeObjects.parseLong(swiftBytes);
                if (v >= 0) {
                    return v;
                }
            }
        }
        long v = sizeOf(seg.get("bytes"));
        return v < 0 ? 0 : v;
    }

    static String strip(String s, char c) {
        int a = 0;
        int b = s.length();
        while (a < b && s.charAt(a) == c) {
            a++;
        }
        while (b > a && s.charAt(b - 1) == c) {
            b--;
        }
        return s.substring(a, b);
    }

    static String lstrip(String s, char c) {
        int a = 0;
        while (a < s.length() && s.charAt(a) == c) {
            a++;
        }
        return s.substring(a);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
