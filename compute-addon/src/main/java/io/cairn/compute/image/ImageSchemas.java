package io.cairn.compute.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v2/schemas/image} and {@code /v2/schemas/images}, as Glance publishes them — without {@code stores}:
 * glanceclient 4.1 turns every schema property into a CLI option, and a {@code stores} one collides with its own
 * {@code --stores} (every glance command then fails).
 */
final class ImageSchemas {
    private ImageSchemas() {}

    static Map<String, Object> image() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(
                "id",
                prop(
                        "string",
                        "An identifier for the image",
                        false,
                        Map.of(
                                "pattern",
                                "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$")));
        p.put(
                "name",
                prop(
                        List.of("null", "string"),
                        "Descriptive name for the image",
                        false,
                        Map.of("maxLength", ImageFields.MAX_NAME)));
        p.put(
                "status",
                prop(
                        "string",
                        "Status of the image",
                        true,
                        Map.of(
                                "enum",
                                Arrays.stream(ImageStatus.values())
                                        .map(ImageStatus::wire)
                                        .toList())));
        p.put(
                "visibility",
                prop(
                        "string",
                        "Scope of image accessibility",
                        false,
                        Map.of("enum", new ArrayList<>(new TreeSet<>(ImageFields.VISIBILITIES)))));
        p.put("protected", prop("boolean", "If true, image will not be deletable.", false, Map.of()));
        p.put(
                "os_hidden",
                prop("boolean", "If true, image will not appear in default image list response.", false, Map.of()));
        p.put(
                "checksum",
                prop(List.of("null", "string"), "md5 hash of image contents.", true, Map.of("maxLength", 32)));
        p.put(
                "os_hash_algo",
                prop(
                        List.of("null", "string"),
                        "Algorithm to calculate the os_hash_value",
                        true,
                        Map.of("maxLength", 64)));
        p.put(
                "os_hash_value",
                prop(List.of("null", "string"), "Hexdigest of the image contents", true, Map.of("maxLength", 128)));
        p.put("owner", prop(List.of("null", "string"), "Owner of the image", false, Map.of("maxLength", 255)));
        p.put("size", prop(List.of("null", "integer"), "Size of image file in bytes", true, Map.of()));
        p.put("virtual_size", prop(List.of("null", "integer"), "Virtual size of image in bytes", true, Map.of()));
        p.put(
                "container_format",
                prop(
                        List.of("null", "string"),
                        "Format of the container",
                        false,
                        Map.of("enum", withNull(ImageFields.CONTAINER_FORMATS))));
        p.put(
                "disk_format",
                prop(
                        List.of("null", "string"),
                        "Format of the disk",
                        false,
                        Map.of("enum", withNull(ImageFields.DISK_FORMATS))));
        p.put("created_at", prop("string", "Date and time of image registration", true, Map.of()));
        p.put("updated_at", prop("string", "Date and time of the last image modification", true, Map.of()));
        p.put(
                "tags",
                prop(
                        "array",
                        "List of strings related to the image",
                        false,
                        Map.of("items", Map.of("type", "string", "maxLength", 255))));
        p.put("direct_url", prop("string", "URL to access the image file kept in external store", true, Map.of()));
        p.put("min_ram", prop("integer", "Amount of ram (in MB) required to boot image.", false, Map.of()));
        p.put("min_disk", prop("integer", "Amount of disk space (in GB) required to boot image.", false, Map.of()));
        p.put("self", prop("string", "An image self url", true, Map.of()));
        p.put("file", prop("string", "An image file url", true, Map.of()));
        p.put("schema", prop("string", "An image schema url", true, Map.of()));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", "image");
        s.put("properties", p);
        s.put("additionalProperties", Map.of("type", "string"));
        s.put(
                "links",
                List.of(
                        Map.of("rel", "self", "href", "{self}"),
                        Map.of("rel", "enclosure", "href", "{file}"),
                        Map.of("rel", "describedby", "href", "{schema}")));
        return s;
    }

    static Map<String, Object> images() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("images", Map.of("type", "array", "items", image()));
        p.put("schema", Map.of("type", "string"));
        p.put("first", Map.of("type", "string"));
        p.put("next", Map.of("type", "string"));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", "images");
        s.put("properties", p);
        s.put(
                "links",
                List.of(
                        Map.of("rel", "first", "href", "{first}"),
                        Map.of("rel", "next", "href", "{next}"),
                        Map.of("rel", "describedby", "href", "{schema}")));
        return s;
    }

    static Map<String, Object> member() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("created_at", prop("string", "Date and time of image member creation", false, Map.of()));
        p.put("image_id", prop("string", "An identifier for the image", false, Map.of()));
        p.put("member_id", prop("string", "An identifier for the image member (tenantId)", false, Map.of()));
        p.put("schema", prop("string", "", true, Map.of()));
        p.put(
                "status",
                prop(
                        "string",
                        "The status of this image member",
                        false,
                        Map.of("enum", List.of("pending", "accepted", "rejected"))));
        p.put("updated_at", prop("string", "Date and time of last modification of image member", false, Map.of()));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", "member");
        s.put("properties", p);
        return s;
    }

    private static Map<String, Object> prop(Object type, String description, boolean readOnly, Map<String, ?> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("description", description);
        if (readOnly) {
            m.put("readOnly", true);
        }
        m.putAll(extra);
        return m;
    }

    private static List<@Nullable String> withNull(java.util.Set<String> values) {
        List<@Nullable String> l = new ArrayList<>();
        l.add(null);
        l.addAll(new TreeSet<>(values));
        return l;
    }
}
