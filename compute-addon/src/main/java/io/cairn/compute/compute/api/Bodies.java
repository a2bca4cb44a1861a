package io.cairn.compute.compute.api;

import io.cairn.compute.system.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reading request bodies with Nova's validation messages ({@code Invalid input for field/attribute ...}). */
final class Bodies {
    private Bodies() {}

    static ApiException invalid(String field, @Nullable Object value, String reason) {
        return ApiException.badRequest(
                "Invalid input for field/attribute " + field + ". Value: " + value + ". " + reason);
    }

    /** The object under {@code key} of the body; 400 if the body or it is missing or not an object. */
    static JsonNode object(@Nullable JsonNode body, String key) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The request body must be a JSON object.");
        }
        JsonNode inner = body.get(key);
        if (inner == null) {
            throw invalid(key, null, "'" + key + "' is a required property");
        }
        if (!inner.isObject()) {
            throw invalid(key, inner, inner + " is not of type 'object'");
        }
        return inner;
    }

    /** 400 for members outside {@code allowed} (Nova's schemas say {@code additionalProperties: false}). */
    static void only(JsonNode node, Set<String> allowed) {
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                throw ApiException.badRequest("Additional properties are not allowed ('" + name + "' was unexpected)");
            }
        }
    }

    static @Nullable String string(JsonNode node, String field, int max, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw invalid(field, null, "'" + field + "' is a required property");
            }
            return null;
        }
        if (!v.isString()) {
            throw invalid(field, v, v + " is not of type 'string'");
        }
        String s = v.asString();
        if (s.length() > max) {
            throw invalid(field, s, "'" + s + "' is too long");
        }
        return s;
    }

    /** A name: 1..255 characters, no leading or trailing whitespace (Nova's {@code parameter_types.name}). */
    static String name(JsonNode node, String field) {
        String s = string(node, field, 255, true);
        if (s == null || s.isEmpty() || !s.strip().equals(s)) {
            throw invalid(
                    field,
                    s,
                    "An invalid 'name' value was provided. The name must be: printable characters."
                            + " Can not start or end with whitespace.");
        }
        return s;
    }

    /** A reference given as string or integer ({@code flavorRef}). */
    static @Nullable String ref(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v != null && v.isIntegralNumber()) {
            return v.asString();
        }
        String s = string(node, field, 1024, required);
        if (s != null && s.isEmpty()) {
            throw invalid(field, s, "'' is too short");
        }
        return s;
    }

    static int integer(JsonNode node, String field, int fallback, int min, int max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        long n;
        if (v.isIntegralNumber()) {
            n = v.asLong();
        } else if (v.isString() && v.asString().matches("-?\\d{1,10}")) {
            n = Long.parseLong(v.asString());
        } else {
            throw invalid(field, v, v + " is not of type 'integer', 'string'");
        }
        if (n < min || n > max) {
            throw invalid(
                    field,
                    n,
                    n + (n < min ? " is less than the minimum of " + min : " is greater than the maximum of " + max));
        }
        return (int) n;
    }

    /** A metadata object: string keys of 1..255 and string values of up to 255 characters. */
    static Map<String, String> metadata(JsonNode node, String field) {
        JsonNode v = node.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (!v.isObject()) {
            throw invalid(field, v, v + " is not of type 'object'");
        }
        for (var e : v.properties()) {
            String key = e.getKey();
            if (key.isEmpty() || key.length() > 255) {
                throw invalid(
                        field, key, "'" + key + "' does not match any of the regexes: '^[a-zA-Z0-9-_:. ]{1,255}$'");
            }
            if (!e.getValue().isString()) {
                throw invalid(field + "/" + key, e.getValue(), e.getValue() + " is not of type 'string'");
            }
            String value = e.getValue().asString();
            if (value.length() > 255) {
                throw invalid(field + "/" + key, value, "'" + value + "' is too long");
            }
            out.put(key, value);
        }
        return out;
    }

    /** The last path segment of a reference that may be a URL ({@code imageRef}, {@code flavorRef}). */
    static String lastSegment(String ref) {
        String r = ref.endsWith("/") ? ref.substring(0, ref.length() - 1) : ref;
        int slash = r.lastIndexOf('/');
        return slash < 0 ? r : r.substring(slash + 1);
    }
}
