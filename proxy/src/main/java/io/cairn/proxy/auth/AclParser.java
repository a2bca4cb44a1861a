package io.cairn.proxy.auth;

import io.cairn.common.codec.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code common/middleware/acl.py} and tempauth's ACL validation: {@code clean_acl}, {@code
 * parse_acl} (v1 and v2), {@code referrer_allowed}, {@code acls_from_account_info}, {@code format_acl_v2}
 * and {@code extract_acl_and_report_errors}, with Swift's error messages.
 *
 * <p>One deviation: the v2 (JSON) reader is {@link Json}, which refuses duplicate keys, {@code NaN},
 * {@code Infinity} and integers beyond 64 bits that Python's {@code json.loads} would accept; such
 * account ACLs are refused (400) instead of stored.
 *
 * <p>Thread-safety: stateless static methods.
 */
public final class AclParser {
    /** The request header holding account ACLs. */
    public static final String ACCOUNT_ACL_HEADER = "X-Account-Access-Control";
    /** Where the proxy stores a validated {@link #ACCOUNT_ACL_HEADER} value. */
    public static final String ACCOUNT_ACL_SYSMETA = "X-Account-Sysmeta-Core-Access-Control";

    private static final List<String> ACCOUNT_ACL_KEYS = List.of("admin", "read-write", "read-only");

    private AclParser() {}

    /**
     * acl.py's {@code clean_acl(name, value)}: the normalised value of container ACL header {@code
     * headerName} ({@code X-Container-Read} or {@code X-Container-Write}) to store.
     *
     * @throws InvalidAclException with Swift's message (the 400 body) for a referrer in a write ACL, a
     *     referrer without host, or an unknown {@code .designator}
     */
    public static String cleanContainerAcl(String headerName, String value) {
        boolean write = headerName.toLowerCase(Locale.ROOT).contains("write");
        List<String> values = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            String rawValue = item.strip();
            if (rawValue.isEmpty()) {
                continue;
            }
            int colon = rawValue.indexOf(':');
            if (colon < 0) {
                values.add(rawValue);
                continue;
            }
            String first = rawValue.substring(0, colon).strip();
            String second = rawValue.substring(colon + 1).strip();
            if (first.isEmpty() || !first.startsWith(".")) {
                values.add(rawValue);
            } else if (first.equals(".r")
                    || first.equals(".ref")
                    || first.equals(".referer")
                    || first.equals(".referrer")) {
                values.add(cleanReferrer(write, rawValue, second));
            } else {
                throw new InvalidAclException(
                        "Unknown designator " + PythonCompat.repr(first) + " in ACL: " + PythonCompat.repr(rawValue));
            }
        }
        return String.join(",", values);
    }

    private static String cleanReferrer(boolean write, String rawValue, String designation) {
        if (write) {
            throw new InvalidAclException("Referrers not allowed in write ACL: " + PythonCompat.repr(rawValue));
        }
        String second = designation;
        boolean negate = false;
        if (second.startsWith("-")) {
            negate = true;
            second = second.substring(1).strip();
        }
        if (!second.isEmpty() && !second.equals("*") && second.startsWith("*")) {
            second = second.substring(1).strip();
        }
        if (second.isEmpty() || second.equals(".")) {
            throw new InvalidAclException(
                    "No host/domain value after referrer designation in ACL: " + PythonCompat.repr(rawValue));
        }
        return ".r:" + (negate ? "-" : "") + second;
    }

    /** acl.py's {@code parse_acl_v1}: no trimming, groups URL-unquoted. */
    static ContainerAcl parseContainerAcl(@Nullable String acl) {
        if (acl == null || acl.isEmpty()) {
            return ContainerAcl.EMPTY;
        }
        List<String> referrers = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (String value : acl.split(",", -1)) {
            if (value.startsWith(".r:")) {
                referrers.add(value.substring(3));
            } else {
                groups.add(PythonCompat.unquote(value));
            }
        }
        return new ContainerAcl(referrers, groups);
    }

    /** acl.py's {@code referrer_allowed}: the last matching designation wins; no match denies. */
    static boolean referrerAllowed(@Nullable String referer, List<String> referrers) {
        if (referrers.isEmpty()) {
            return false;
        }
        String parsed = PythonCompat.urlHostname(referer == null ? "" : referer);
        String rhost = parsed == null || parsed.isEmpty() ? "unknown" : parsed;
        boolean allow = false;
        for (String designation : referrers) {
            if (designation.startsWith("-")) {
                String mhost = designation.substring(1);
                if (mhost.equals(rhost) || (mhost.startsWith(".") && rhost.endsWith(mhost))) {
                    allow = false;
                }
            } else if (designation.equals("*")
                    || designation.equals(rhost)
                    || (designation.startsWith(".") && rhost.endsWith(designation))) {
                allow = true;
            }
        }
        return allow;
    }

    /** acl.py's {@code parse_acl_v2}: null for null, not JSON or not an object; empty for "". */
    static @Nullable Map<String, @Nullable Object> parseV2(@Nullable String data) {
        if (data == null) {
            return null;
        }
        if (data.isEmpty()) {
            return Map.of();
        }
        try {
            Object parsed = Json.parse(data);
            if (parsed instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, @Nullable Object> object = (Map<String, @Nullable Object>) map;
                return object;
            }
            return null;
        } catch (Json.JsonException e) {
            return null;
        }
    }

    static @Nullable AccountAcl accountAclFromStored(@Nullable String stored) {
        Map<String, @Nullable Object> acl = parseV2(stored);
        if (acl == null) {
            return null;
        }
        List<String> admin = stringMembers(acl.get("admin"));
        List<String> readWrite = stringMembers(acl.get("read-write"));
        List<String> readOnly = stringMembers(acl.get("read-only"));
        if (admin.isEmpty() && readWrite.isEmpty() && readOnly.isEmpty()) {
            return null;
        }
        return new AccountAcl(admin, readWrite, readOnly);
    }

    /** The strings of a stored list; anything else (never stored by tempauth) grants nothing. */
    private static List<String> stringMembers(@Nullable Object value) {
        List<String> members = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object member : list) {
                if (member instanceof String s) {
                    members.add(s);
                }
            }
        }
        return members;
    }

    static @Nullable String accountAclError(String headerValue) {
        Map<String, @Nullable Object> result = parseV2(headerValue);
        if (result == null) {
            return "Syntax error in input (" + PythonCompat.repr(headerValue) + ")";
        }
        for (String key : result.keySet()) {
            if (!ACCOUNT_ACL_KEYS.contains(key)) {
                return "Key " + Json.write(key) + " not recognized";
            }
        }
        for (String key : ACCOUNT_ACL_KEYS) {
            if (!result.containsKey(key)) {
                continue;
            }
            if (!(result.get(key) instanceof List<?> list)) {
                return "Value for key " + Json.write(key) + " must be a list";
            }
            for (Object grantee : list) {
                if (!(grantee instanceof String)) {
                    return "Elements of " + Json.write(key) + " list must be strings";
                }
            }
        }
        return null;
    }

    /**
     * The body of tempauth's 400 for an invalid {@code X-Account-Access-Control}, to be sent UTF-8 encoded
     * as {@code text/plain; charset=UTF-8}. As in Swift, the echoed input is the header's WSGI string (the
     * ISO-8859-1 view of its UTF-8 bytes), so non-ASCII input comes back double-encoded, byte for byte as
     * Swift sends it.
     */
    public static String accountAclBadRequestBody(String error, String headerValue) {
        String wsgiInput = new String(headerValue.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        return "X-Account-Access-Control invalid: " + error + "\n\nInput: " + wsgiInput + "\n";
    }

    /**
     * What an owner sees as {@code X-Account-Access-Control} for a stored sysmeta value (the proxy's
     * {@code add_acls_from_sys_metadata}): the JSON object re-serialised by {@code format_acl_v2} (sorted
     * keys, no whitespace, ASCII only); null when the stored value is missing, unreadable or {@code {}}.
     */
    public static @Nullable String accountAclForResponse(@Nullable String stored) {
        Map<String, @Nullable Object> acl = parseV2(stored);
        if (acl == null || acl.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        writeCompact(acl, sb);
        return sb.toString();
    }

    /** {@code json.dumps(v, ensure_ascii=True, separators=(',', ':'), sort_keys=True)}. */
    private static void writeCompact(@Nullable Object value, StringBuilder sb) {
        if (value instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>();
            for (Object k : map.keySet()) {
                keys.add((String) k);
            }
            keys.sort(Json::compareCodePoints);
            sb.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Json.writeString(keys.get(i), sb);
                sb.append(':');
                writeCompact(map.get(keys.get(i)), sb);
            }
            sb.append('}');
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                writeCompact(list.get(i), sb);
            }
            sb.append(']');
        } else if (value instanceof String s) {
            Json.writeString(s, sb);
        } else {
            sb.append(Json.write(value)); // numbers, booleans, null: no whitespace to remove
        }
    }
}
