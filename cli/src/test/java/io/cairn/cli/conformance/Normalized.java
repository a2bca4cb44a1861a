package io.cairn.cli.conformance;

import io.cairn.cli.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A response with what legitimately differs between two clusters replaced by placeholders, so the rest can be
 * compared byte for byte. Header names are lower-cased (HTTP says they are case-insensitive) and their order
 * dropped; every header is kept, values normalised as follows (everything else is compared exactly):
 *
 * <ul>
 *   <li>{@code X-Trans-Id}, {@code X-Openstack-Request-Id}: a transaction id of Swift's form ({@code tx} + 21 hex
 *       + {@code -} + 10 hex) becomes {@code <trans-id>} (another form stays, and differs);
 *   <li>{@code Date}, {@code Last-Modified}, {@code Expires}: an RFC 1123 date becomes {@code <http-date>} (the
 *       two clusters write at different moments);
 *   <li>{@code X-Timestamp}, {@code X-Put-Timestamp}, {@code X-Backend-Timestamp}: a Swift timestamp ({@code
 *       1234567890.12345}) becomes {@code <timestamp>};
 *   <li>{@code X-Auth-Token}, {@code X-Storage-Token}: a tempauth token ({@code AUTH_tk…}) becomes {@code <token>}
 *       (Cairn's are signed, Swift's random); {@code X-Auth-Token-Expires} a number becomes {@code <seconds>};
 *   <li>any {@code 127.0.0.1:<port>} (e.g. in {@code X-Storage-Url}) becomes {@code 127.0.0.1:<port>};
 *   <li>a {@code multipart/byteranges} boundary becomes {@code <boundary>}, in {@code Content-Type} and the body;
 *   <li>headers a step marks volatile ({@link Req#volatileHeader}, e.g. {@code X-Delete-At} after {@code
 *       X-Delete-After}) become {@code <volatile>};
 *   <li>{@code Allow}, {@code Vary}, {@code Access-Control-Allow-Methods}, {@code -Allow-Headers}, {@code
 *       -Expose-Headers}: sets written as comma lists, so their items are sorted (Swift builds them from Python
 *       sets, whose order changes from process to process);
 *   <li>{@code X-Copied-From-Last-Modified}: an RFC 1123 date becomes {@code <http-date>};
 *   <li>{@code Content-Length}, when normalising the body changed it, becomes the normalised body's length.
 * </ul>
 *
 * <p>In bodies: ISO times of listings ({@code 2026-01-02T03:04:05.678901}) become {@code <iso-time>}, those of
 * staticweb's HTML listings ({@code >2026-01-02 03:04:05<}) {@code <web-time>}, Swift
 * timestamps {@code <timestamp>}, transaction ids {@code <trans-id>}, {@code 127.0.0.1:<port>} as above. Neither
 * {@code ETag}s (an object's MD5) nor byte and object counts are normalised: they are deterministic.
 *
 * <p>Thread-safety: immutable.
 */
record Normalized(String statusLine, Map<String, List<String>> headers, String body) {
    private static final Pattern TRANS_ID = Pattern.compile("tx[0-9a-f]{21}-[0-9a-f]{10}");
    private static final Pattern HTTP_DATE =
            Pattern.compile("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
    private static final Pattern TIMESTAMP = Pattern.compile("\\b\\d{10}\\.\\d{5}\\b");
    private static final Pattern TOKEN = Pattern.compile("^(AUTH_|SERVICE_)?tk[A-Za-z0-9_\\-]+$");
    private static final Pattern HOST_PORT = Pattern.compile("127\\.0\\.0\\.1:\\d+");
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?");
    /** A listing time as staticweb's HTML shows it ({@code 2026-01-02 03:04:05}). */
    private static final Pattern WEB_TIME = Pattern.compile(">\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}<");
    /** Headers whose value is a set written as a comma list (Swift's order comes from Python sets: random). */
    private static final Set<String> SET_VALUED = Set.of(
            "allow",
            "access-control-allow-methods",
            "access-control-allow-headers",
            "access-control-expose-headers",
            "vary");

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";,\\s]+)\"?");
    private static final Map<String, Pattern> HEADER_PATTERNS = Map.ofEntries(
            Map.entry("x-trans-id", TRANS_ID),
            Map.entry("x-openstack-request-id", TRANS_ID),
            Map.entry("date", HTTP_DATE),
            Map.entry("last-modified", HTTP_DATE),
            Map.entry("expires", HTTP_DATE),
            Map.entry("x-copied-from-last-modified", HTTP_DATE),
            Map.entry("x-timestamp", TIMESTAMP),
            Map.entry("x-put-timestamp", TIMESTAMP),
            Map.entry("x-backend-timestamp", TIMESTAMP),
            Map.entry("x-object-version-id", TIMESTAMP),
            Map.entry("x-object-current-version-id", TIMESTAMP));
    private static final Map<String, String> PLACEHOLDERS = Map.ofEntries(
            Map.entry("x-trans-id", "<trans-id>"),
            Map.entry("x-openstack-request-id", "<trans-id>"),
            Map.entry("date", "<http-date>"),
            Map.entry("last-modified", "<http-date>"),
            Map.entry("expires", "<http-date>"),
            Map.entry("x-copied-from-last-modified", "<http-date>"),
            Map.entry("x-timestamp", "<timestamp>"),
            Map.entry("x-put-timestamp", "<timestamp>"),
            Map.entry("x-backend-timestamp", "<timestamp>"),
            Map.entry("x-object-version-id", "<timestamp>"),
            Map.entry("x-object-current-version-id", "<timestamp>"));

    /** {@code r} normalised; {@code req} is the request it answered. */
    static Normalized of(RawHttp.Response r, Req req) {
        @Nullable String boundary = null;
        String rawType = r.header("Content-Type");
        if (rawType != null) {
            Matcher m = BOUNDARY.matcher(rawType);
            if (m.find()) {
                boundary = m.group(1);
            }
        }
        String body = normaliseBody(r.body(), boundary);
        boolean bodyChanged = !body.equals(r.body());
        Map<String, List<String>> headers = new TreeMap<>();
        for (Map.Entry<String, String> h : r.headers()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            String value = h.getValue();
            if (req.volatileHeaders().contains(name)) {
                value = "<volatile>";
            } else if (name.equals("content-length") && bodyChanged) {
                value = "<normalised body: " + body.getBytes(StandardCharsets.ISO_8859_1).length + " bytes>";
            } else {
                value = normaliseHeader(name, value, boundary);
            }
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return new Normalized(r.statusLine(), headers, body);
    }

    private static String normaliseHeader(String name, String value, @Nullable String boundary) {
        String v = HOST_PORT.matcher(value).replaceAll("127.0.0.1:<port>");
        Pattern p = HEADER_PATTERNS.get(name);
        if (p != null && p.matcher(v).matches()) {
            return PLACEHOLDERS.getOrDefault(name, v);
        }
        if (SET_VALUED.contains(name)) {
            return sortedList(v);
        }
        switch (name) {
            case "x-auth-token", "x-storage-token" -> {
                return TOKEN.matcher(v).matches() ? "<token>" : v;
            }
            case "x-auth-token-expires" -> {
                return v.matches("\\d+") ? "<seconds>" : v;
            }
            case "content-type" -> {
                return boundary == null ? v : v.replace(boundary, "<boundary>");
            }
            case "content-location", "x-symlink-target", "location" -> {
                // a version named by ?version-id= (object versioning), or a legacy version's timestamped name
                return TIMESTAMP.matcher(v).replaceAll("<timestamp>");
            }
            default -> {
                return v;
            }
        }
    }

    /** A comma list with its items trimmed and sorted (case-insensitively), joined by {@code ", "}. */
    private static String sortedList(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            items.add(item.strip());
        }
        items.sort(String.CASE_INSENSITIVE_ORDER);
        return String.join(", ", items);
    }

    private static String normaliseBody(String body, @Nullable String boundary) {
        String b = body;
        if (boundary != null && !boundary.isEmpty()) {
            b = b.replace(boundary, "<boundary>");
        }
        b = ISO_TIME.matcher(b).replaceAll("<iso-time>");
        b = WEB_TIME.matcher(b).replaceAll("><web-time><");
        b = TIMESTAMP.matcher(b).replaceAll("<timestamp>");
        b = TRANS_ID.matcher(b).replaceAll("<trans-id>");
        return HOST_PORT.matcher(b).replaceAll("127.0.0.1:<port>");
    }
}
