package io.cairn.compute.image;

import io.cairn.compute.system.ApiException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a client may set on an image and how: base properties with their types and ranges, read-only and reserved
 * names (403), and the limits on user properties and tags (Glance's defaults). Used by create and by PATCH, so
 * both refuse the same things with the same words.
 */
final class ImageFields {
    static final Set<String> READ_ONLY = Set.of(
            "created_at",
            "updated_at",
            "status",
            "checksum",
            "size",
            "virtual_size",
            "direct_url",
            "self",
            "file",
            "schema",
            "id",
            "os_hash_algo",
            "os_hash_value",
            "locations",
            "stores");
    static final Set<String> RESERVED = Set.of("location", "deleted", "deleted_at");
    static final Set<String> CONTAINER_FORMATS =
            Set.of("ami", "ari", "aki", "bare", "ovf", "ova", "docker", "compressed");
    static final Set<String> DISK_FORMATS =
            Set.of("ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi", "iso", "ploop");
    static final Set<String> VISIBILITIES = Set.of("public", "private", "shared", "community");
    static final int MAX_NAME = 255;
    static final int MAX_PROPERTY_KEY = 255;
    static final int MAX_PROPERTY_VALUE = 65535;
    /** Glance's {@code image_property_quota} and {@code image_tag_quota}. */
    static final int MAX_PROPERTIES = 128;

    static final int MAX_TAGS = 128;

    private ImageFields() {}

    /** 403 for names no client may write. */
    static void checkWritable(String field) {
        if (READ_ONLY.contains(field)) {
            throw ApiException.forbidden("Attribute '" + field + "' is read-only.");
        }
        if (RESERVED.contains(field) || field.startsWith("os_glance")) {
            throw ApiException.forbidden("Attribute '" + field + "' is reserved.");
        }
    }

    /** Sets one field from a JSON value, checking its type and range; user properties must be strings. */
    static void set(Image image, String field, JsonNode value, boolean admin) {
        checkWritable(field);
        switch (field) {
            case "name" -> image.name = nullableString(field, value, MAX_NAME);
            case "visibility" -> image.visibility = oneOf(field, value, VISIBILITIES);
            case "protected" -> image.isProtected = bool(field, value);
            case "os_hidden" -> image.osHidden = bool(field, value);
            case "container_format" -> image.containerFormat = nullableOneOf(field, value, CONTAINER_FORMATS);
            case "disk_format" -> image.diskFormat = nullableOneOf(field, value, DISK_FORMATS);
            case "min_ram" -> image.minRam = nonNegative(field, value);
            case "min_disk" -> image.minDisk = nonNegative(field, value);
            case "tags" -> setTags(image, value);
            case "owner" -> {
                if (!admin) {
                    throw ApiException.forbidden("Attribute 'owner' can only be changed by an administrator.");
                }
                image.owner = nullableString(field, value, MAX_NAME);
            }
            default -> setProperty(image, field, value);
        }
    }

    static boolean isBase(String field) {
        return switch (field) {
            case "name",
                    "visibility",
                    "protected",
                    "os_hidden",
                    "container_format",
                    "disk_format",
                    "min_ram",
                    "min_disk",
                    "tags",
                    "owner" -> true;
            default -> READ_ONLY.contains(field);
        };
    }

    private static void setProperty(Image image, String key, JsonNode value) {
        if (key.isEmpty() || key.length() > MAX_PROPERTY_KEY) {
            throw ApiException.badRequest("Property names are 1 to " + MAX_PROPERTY_KEY + " characters.");
        }
        if (!value.isString()) {
            throw ApiException.badRequest("Provided object does not match schema 'image': property '" + key
                    + "' must be a string, got " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        String v = value.asString();
        if (v.length() > MAX_PROPERTY_VALUE) {
            throw ApiException.badRequest(
                    "Property '" + key + "' is longer than " + MAX_PROPERTY_VALUE + " characters.");
        }
        if (!image.properties.containsKey(key) && image.properties.size() >= MAX_PROPERTIES) {
            throw new ApiException(
                    org.springframework.http.HttpStatus.CONTENT_TOO_LARGE,
                    "Maximum number of image properties (" + MAX_PROPERTIES + ") exceeded.");
        }
        image.properties.put(key, v);
    }

    static void setTags(Image image, JsonNode value) {
        if (!value.isArray()) {
            throw ApiException.badRequest("'tags' must be an array of strings.");
        }
        image.tags.clear();
        for (JsonNode t : value) {
            if (!t.isString()) {
                throw ApiException.badRequest("'tags' must be an array of strings.");
            }
            addTag(image, t.asString());
        }
    }

    static void addTag(Image image, String tag) {
        if (tag.isEmpty() || tag.length() > MAX_NAME) {
            throw ApiException.badRequest("A tag is 1 to " + MAX_NAME + " characters.");
        }
        if (!image.tags.contains(tag) && image.tags.size() >= MAX_TAGS) {
            throw new ApiException(
                    org.springframework.http.HttpStatus.CONTENT_TOO_LARGE,
                    "Maximum number of tags (" + MAX_TAGS + ") exceeded.");
        }
        image.tags.add(tag);
    }

    private static @Nullable String nullableString(String field, JsonNode value, int max) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ApiException.badRequest("'" + field + "' must be a string or null.");
        }
        String s = value.asString();
        if (s.length() > max) {
            throw ApiException.badRequest("'" + field + "' is longer than " + max + " characters.");
        }
        return s;
    }

    private static String oneOf(String field, JsonNode value, Set<String> allowed) {
        String s = nullableOneOf(field, value, allowed);
        if (s == null) {
            throw ApiException.badRequest("'" + field + "' must be one of " + new java.util.TreeSet<>(allowed) + ".");
        }
        return s;
    }

    private static @Nullable String nullableOneOf(String field, JsonNode value, Set<String> allowed) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isString() || !allowed.contains(value.asString())) {
            throw ApiException.badRequest("Invalid value '" + value + "' for '" + field + "': one of "
                    + new java.util.TreeSet<>(allowed) + ".");
        }
        return value.asString();
    }

    private static boolean bool(String field, JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        // OSC and glanceclient send booleans; the strings are what older clients and the v2.0 patch sent
        if (value.isString()
                && (value.asString().equals("true") || value.asString().equals("false"))) {
            return value.asString().equals("true");
        }
        throw ApiException.badRequest("'" + field + "' must be a boolean.");
    }

    private static int nonNegative(String field, JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToInt() && value.asInt() >= 0) {
            return value.asInt();
        }
        if (value.isString() && value.asString().matches("[0-9]{1,9}")) {
            return Integer.parseInt(value.asString());
        }
        throw ApiException.badRequest("'" + field + "' must be a non-negative integer.");
    }
}
