package io.cairn.compute.identity;

import io.cairn.compute.system.ApiException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reading Keystone admin bodies ({@code {"project": {...}}}): the wrapped object and its typed fields. */
final class AdminBodies {
    static final int MAX_NAME = 255;

    private AdminBodies() {}

    static JsonNode wrapped(@Nullable JsonNode body, String key) {
        JsonNode inner = body == null ? null : body.get(key);
        if (inner == null || !inner.isObject()) {
            throw ApiException.badRequest("Expecting to find " + key + " in request body.");
        }
        return inner;
    }

    static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw ApiException.badRequest("Invalid input for field '" + field + "': expected a string.");
        }
        return v.asString();
    }

    static String name(JsonNode node, boolean required, String fallback) {
        String name = text(node, "name");
        if (name == null) {
            if (required) {
                throw ApiException.badRequest("Invalid input for field 'name': 'name' is a required property.");
            }
            return fallback;
        }
        if (name.isBlank() || name.length() > MAX_NAME) {
            throw ApiException.badRequest("Invalid input for field 'name': 1 to " + MAX_NAME + " characters.");
        }
        return name;
    }

    static boolean bool(JsonNode node, String field, boolean fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw ApiException.badRequest("Invalid input for field '" + field + "': expected a boolean.");
        }
        return v.asBoolean();
    }

    static String orDefault(@Nullable String value, String fallback) {
        return value == null ? fallback : value;
    }
}
