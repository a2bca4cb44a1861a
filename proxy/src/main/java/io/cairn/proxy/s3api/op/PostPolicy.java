package io.cairn.proxy.s3api.op;

import io.cairn.common.codec.Json;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The policy of a browser-based POST upload (AWS's "Creating a POST policy"): base64 of a JSON document with an
 * {@code expiration} (ISO 8601) and {@code conditions}, each an exact match ({@code {"field": "value"}} or {@code
 * ["eq", "$field", "value"]}), a prefix match ({@code ["starts-with", "$field", "prefix"]}, an empty prefix
 * matching anything) or {@code ["content-length-range", min, max]}. Checked as AWS checks it: an expired policy
 * and a failed condition are AccessDenied "Invalid according to Policy: …", and so is a form field no condition
 * names ("Extra input fields"), except {@code policy}, the signature fields, {@code file} and {@code x-ignore-*};
 * a policy that is no such document is InvalidPolicyDocument. Field names match as given (AWS treats {@code
 * $KeY} as another field than {@code key}); other names than {@code key} also match ignoring case.
 *
 * <p>Immutable.
 *
 * @param expiration when the policy expires
 * @param conditions the conditions, in order
 */
record PostPolicy(Instant expiration, List<Condition> conditions) {
    /**
     * One condition.
     *
     * @param op {@code eq}, {@code starts-with} or {@code content-length-range}
     * @param field the field without {@code $} (empty for a range)
     * @param value the value or prefix (empty for a range)
     * @param min a range's least length
     * @param max a range's greatest length
     * @param text the condition as AWS quotes it in its message
     */
    record Condition(String op, String field, String value, long min, long max, String text) {}

    PostPolicy {
        conditions = List.copyOf(conditions);
    }

    private static S3Exception invalid(String why) {
        return new S3Exception(S3ErrorCode.InvalidPolicyDocument, "Invalid Policy: " + why);
    }

    /** The policy field's value decoded and read. */
    static PostPolicy parse(String base64) {
        Object doc;
        try {
            String json = new String(Base64.getMimeDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
            doc = Json.parse(json);
        } catch (IllegalArgumentException | Json.JsonException e) {
            throw invalid("Invalid JSON.");
        }
        if (!(doc instanceof Map<?, ?> m)) {
            throw invalid("Invalid JSON.");
        }
        Object exp = m.get("expiration");
        if (exp == null) {
            throw invalid("Policy missing expiration.");
        }
        Instant expiration;
        try {
            expiration = OffsetDateTime.parse(String.valueOf(exp)).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid("Invalid 'expiration' value: '" + exp + "'");
        }
        if (!(m.get("conditions") instanceof List<?> list)) {
            throw invalid("Policy missing conditions.");
        }
        List<Condition> conditions = new ArrayList<>();
        for (Object c : list) {
            conditions.addAll(condition(c));
        }
        return new PostPolicy(expiration, conditions);
    }

    private static List<Condition> condition(@Nullable Object c) {
        if (c instanceof Map<?, ?> m) {
            List<Condition> out = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String field = String.valueOf(e.getKey());
                if (!(e.getValue() instanceof String v)) {
                    throw invalid("Invalid Simple-Condition: value must be a string.");
                }
                String text = "[\"eq\", \"$" + field + "\", \"" + v + "\"]";
                out.add(new Condition("eq", field, v, 0, 0, text));
            }
            return out;
        }
        if (!(c instanceof List<?> l) || l.isEmpty() || !(l.get(0) instanceof String op)) {
            throw invalid("Invalid Condition: condition must be an array or an object.");
        }
        String lower = op.toLowerCase(Locale.ROOT);
        if (lower.equals("content-length-range")) {
            return List.of(range(l));
        }
        if (!lower.equals("eq") && !lower.equals("starts-with")) {
            throw invalid("Invalid Condition: unknown operation '" + op + "'.");
        }
        if (l.size() != 3 || !(l.get(1) instanceof String f) || !(l.get(2) instanceof String v)) {
            throw invalid("Invalid Condition: '" + op + "' takes a field and a string.");
        }
        if (!f.startsWith("$")) {
            throw invalid("Invalid Condition: field names must start with '$'.");
        }
        String text = "[\"" + lower + "\", \"" + f + "\", \"" + v + "\"]";
        return List.of(new Condition(lower, f.substring(1), v, 0, 0, text));
    }

    private static Condition range(List<?> l) {
        if (l.size() != 3) {
            throw invalid("Invalid content-length-range: wrong number of arguments.");
        }
        long min = length(l.get(1));
        long max = length(l.get(2));
        if (min < 0 || max < 0) {
            throw invalid("Invalid content-length-range: negative length.");
        }
        String text = "[\"content-length-range\", " + min + ", " + max + "]";
        return new Condition("content-length-range", "", "", min, max, text);
    }

    private static long length(@Nullable Object o) {
        if (o instanceof Long n) {
            return n;
        }
        if (o instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw invalid("Invalid content-length-range: not an integer.");
            }
        }
        throw invalid("Invalid content-length-range: not an integer.");
    }

    /** Form fields no condition needs to name (AWS: the signature fields, {@code file}, {@code x-ignore-*}). */
    static boolean exempt(String field) {
        String f = field.toLowerCase(Locale.ROOT);
        return f.equals("policy")
                || f.equals("x-amz-signature")
                || f.equals("signature")
                || f.equals("awsaccesskeyid")
                || f.equals("file")
                || f.startsWith("x-ignore-");
    }

    /** The form field {@code name} names: as given, or ignoring case unless it is {@code key}. */
    static @Nullable String field(Map<String, String> fields, String name) {
        String v = fields.get(name);
        if (v != null || name.equals("key")) {
            return v;
        }
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getKey().equals("key")) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * Checks the policy against the form: its expiry, every condition ({@code bucket} is the bucket posted to;
     * {@code key} the field as given, before {@code ${filename}} is replaced), and that every field is named by a
     * condition.
     */
    void check(Map<String, String> fields, String bucket, Instant now) {
        if (!now.isBefore(expiration)) {
            throw denied("Policy expired.");
        }
        for (Condition c : conditions) {
            if (c.op().equals("content-length-range")) {
                continue;
            }
            String actual = c.field().equalsIgnoreCase("bucket") ? bucket : field(fields, c.field());
            boolean ok =
                    actual != null && (c.op().equals("eq") ? actual.equals(c.value()) : actual.startsWith(c.value()));
            if (!ok) {
                throw denied("Policy Condition failed: " + c.text());
            }
        }
        for (String f : fields.keySet()) {
            if (!exempt(f) && !named(f)) {
                throw denied("Extra input fields: " + f);
            }
        }
    }

    private boolean named(String f) {
        for (Condition c : conditions) {
            if (!c.field().isEmpty()
                    && (c.field().equals(f) || (!f.equals("key") && c.field().equalsIgnoreCase(f)))) {
                return true;
            }
        }
        return false;
    }

    /** The {@code content-length-range} condition, or null. */
    @Nullable
    Condition range() {
        for (Condition c : conditions) {
            if (c.op().equals("content-length-range")) {
                return c;
            }
        }
        return null;
    }

    private static S3Exception denied(String why) {
        return new S3Exception(S3ErrorCode.AccessDenied, "Invalid according to Policy: " + why);
    }
}
