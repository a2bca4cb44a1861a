package io.cairn.object.http;

import io.cairn.common.time.DeleteAt;
import io.cairn.common.time.Timestamp;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Metadata taken from request headers as Swift's object server takes it ({@code _get_request_metadata},
 * the POST equivalent) and the container-update overrides ({@code _check_container_override}). Header
 * names are rebuilt as WSGI presents them to Swift ({@code x-object-meta-foo_bar} →
 * {@code X-Object-Meta-Foo-Bar}), values stay wire strings.
 *
 * <p>Stateless and thread-safe.
 */
final class RequestMetadata {
    private static final String BACKEND_OVERRIDE = "x-backend-container-update-override-";
    private static final String SYSMETA_OVERRIDE = "x-object-sysmeta-container-update-override-";

    private RequestMetadata() {}

    /** The header name as Swift sees it through WSGI: {@code _} → {@code -}, then Python's {@code title()}. */
    static String wsgiName(String name) {
        return pythonTitle(name.replace('_', '-'));
    }

    /** Python's {@code str.title()} for ASCII header names. */
    static String pythonTitle(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean previousLetter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean letter = Character.isLetter(c);
            sb.append(letter ? (previousLetter ? Character.toLowerCase(c) : Character.toUpperCase(c)) : c);
            previousLetter = letter;
        }
        return sb.toString();
    }

    /**
     * User metadata, sysmeta (if {@code withSysmeta}), transient sysmeta, and the allowed headers plus
     * those named in {@code X-Backend-Replication-Headers}.
     */
    static Map<String, String> fromHeaders(HttpHeaders headers, Set<String> allowedHeaders, boolean withSysmeta) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : headers) {
            String key = h.getKey();
            boolean meta = ObjectHeaders.isUserMeta(key)
                    || ObjectHeaders.isTransientSysmeta(key)
                    || (withSysmeta && ObjectHeaders.isSysMeta(key));
            if (meta) {
                out.put(wsgiName(key), h.getValue());
            }
        }
        String replication = headers.get("X-Backend-Replication-Headers", "");
        for (String name : replication.strip().split("\\s+", -1)) {
            copyIfPresent(headers, name, out);
        }
        for (String name : allowedHeaders) {
            copyIfPresent(headers, name, out);
        }
        return out;
    }

    private static void copyIfPresent(HttpHeaders headers, String name, Map<String, String> out) {
        if (!name.isEmpty() && headers.contains(name)) {
            out.put(pythonTitle(name), headers.get(name));
        }
    }

    /**
     * {@code check_delete_headers}: converts {@code X-Delete-After} into {@code X-Delete-At} (in place) and
     * checks {@code X-Delete-At} is an integer after the request's timestamp (unless replicating).
     */
    static void checkDeleteHeaders(HttpHeaders headers, Timestamp now) throws RequestRejectedException {
        double nowSeconds = now.raw() / (double) Timestamp.UNITS_PER_SECOND;
        String after = headers.get("X-Delete-After");
        if (after != null) {
            long delta = pythonInt(after, "Non-integer X-Delete-After");
            String deleteAt = DeleteAt.normalize(nowSeconds + delta);
            if (Long.parseLong(deleteAt) <= nowSeconds) {
                throw new RequestRejectedException(SwiftStatus.BAD_REQUEST, "X-Delete-After in past");
            }
            headers.set("X-Delete-At", deleteAt);
            headers.remove("X-Delete-After");
        }
        String at = headers.get("X-Delete-At");
        if (at != null) {
            long deleteAt = Long.parseLong(DeleteAt.normalize(pythonInt(at, "Non-integer X-Delete-At")));
            if (deleteAt <= nowSeconds && !isTrue(headers.get("X-Backend-Replication"))) {
                throw new RequestRejectedException(SwiftStatus.BAD_REQUEST, "X-Delete-At in past");
            }
        }
    }

    /** Python's {@code int(text)} for decimal integers (surrounding whitespace, sign, {@code _} separators). */
    static long pythonInt(String text, String message) throws RequestRejectedException {
        String t = text.strip();
        String digits = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
        if (digits.isEmpty() || digits.startsWith("_") || digits.endsWith("_") || digits.contains("__")) {
            throw new RequestRejectedException(SwiftStatus.BAD_REQUEST, message);
        }
        try {
            return Long.parseLong(t.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new RequestRejectedException(SwiftStatus.BAD_REQUEST, message);
        }
    }

    /** Swift's {@code config_true_value}. */
    static boolean isTrue(String value) {
        return value != null && Set.of("true", "1", "yes", "on", "t", "y").contains(value.toLowerCase(Locale.ROOT));
    }

    /**
     * The container update headers with Swift's overrides applied: {@code X-Backend-Container-Update-Override-*}
     * then (winning) {@code X-Object-Sysmeta-Container-Update-Override-*} from {@code source}.
     */
    static Map<String, String> withOverrides(Map<String, String> update, Iterable<Map.Entry<String, String>> source) {
        Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        out.putAll(update);
        // one pass without lower-casing every header (this runs for every object PUT and DELETE): backend
        // overrides go in as found, sysmeta ones are kept aside and applied after, so they win
        List<Map.Entry<String, String>> sysmeta = null;
        for (Map.Entry<String, String> e : source) {
            String key = e.getKey();
            if (startsWithIgnoreCase(key, BACKEND_OVERRIDE)) {
                out.put("x-" + key.substring(BACKEND_OVERRIDE.length()).toLowerCase(Locale.ROOT), e.getValue());
            } else if (startsWithIgnoreCase(key, SYSMETA_OVERRIDE)) {
                if (sysmeta == null) {
                    sysmeta = new ArrayList<>(2);
                }
                sysmeta.add(e);
            }
        }
        if (sysmeta != null) {
            for (Map.Entry<String, String> e : sysmeta) {
                String key = e.getKey();
                out.put("x-" + key.substring(SYSMETA_OVERRIDE.length()).toLowerCase(Locale.ROOT), e.getValue());
            }
        }
        return out;
    }

    private static boolean startsWithIgnoreCase(String s, String lowerPrefix) {
        return s.regionMatches(true, 0, lowerPrefix, 0, lowerPrefix.length());
    }
}
