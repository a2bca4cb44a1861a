package io.cairn.compute.image;

import io.cairn.compute.system.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Glance's JSON patch on an image: media type {@code application/openstack-images-v2.1-json-patch} (RFC 6902's
 * {@code {"op", "path", "value"}} with ops add, remove, replace) and the older {@code ...-v2.0-json-patch} ({@code
 * {"replace": "/name", "value": ...}}). Paths are one level deep. {@code add} on an existing key replaces it, as
 * OSC relies on. Every operation is checked before the image is touched by the caller's copy: a refused patch
 * changes nothing.
 */
final class ImagePatch {
    static final String V21 = "application/openstack-images-v2.1-json-patch";
    static final String V20 = "application/openstack-images-v2.0-json-patch";

    /** One parsed operation. */
    record Op(String op, String field, @Nullable JsonNode value) {}

    private ImagePatch() {}

    static List<Op> parse(@Nullable JsonNode body, String mediaType) {
        if (body == null || !body.isArray()) {
            throw ApiException.badRequest("A JSON patch is a JSON array of operations.");
        }
        boolean v20 = mediaType.startsWith(V20);
        List<Op> ops = new ArrayList<>();
        for (JsonNode node : body) {
            if (!node.isObject()) {
                throw ApiException.badRequest("Each patch operation is a JSON object.");
            }
            String op;
            JsonNode path;
            if (v20) {
                op = v20Op(node);
                path = node.get(op);
            } else {
                JsonNode opNode = node.get("op");
                if (opNode == null || !opNode.isString()) {
                    throw ApiException.badRequest("Operation objects must contain exactly one member named \"op\".");
                }
                op = opNode.asString();
                path = node.get("path");
            }
            if (!op.equals("add") && !op.equals("remove") && !op.equals("replace")) {
                throw ApiException.badRequest("Invalid operation: \"" + op + "\": add, remove or replace.");
            }
            JsonNode value = node.get("value");
            if (!op.equals("remove") && value == null) {
                throw ApiException.badRequest("Operation \"" + op + "\" requires a member named \"value\".");
            }
            ops.add(new Op(op, field(path), value));
        }
        return ops;
    }

    private static String v20Op(JsonNode node) {
        String found = null;
        for (String candidate : List.of("add", "remove", "replace")) {
            if (node.has(candidate)) {
                if (found != null) {
                    throw ApiException.badRequest("Operation objects must contain exactly one operation member.");
                }
                found = candidate;
            }
        }
        if (found == null) {
            throw ApiException.badRequest("Operation objects must contain one of add, remove, replace.");
        }
        return found;
    }

    /** The one property a JSON pointer names ({@code ~1} and {@code ~0} decoded). */
    static String field(@Nullable JsonNode path) {
        if (path == null || !path.isString()) {
            throw ApiException.badRequest("Operation objects must contain a string member named \"path\".");
        }
        String p = path.asString();
        if (!p.startsWith("/") || p.length() < 2) {
            throw ApiException.badRequest("Pointer `" + p + "` does not start with \"/\" or names nothing.");
        }
        String rest = p.substring(1);
        if (rest.contains("/")) {
            throw ApiException.badRequest("Nested paths are not allowed: `" + p + "`.");
        }
        return rest.replace("~1", "/").replace("~0", "~");
    }

    /** Applies {@code ops} to {@code image} in order, refusing as Glance does. */
    static void apply(Image image, List<Op> ops, boolean admin) {
        for (Op op : ops) {
            ImageFields.checkWritable(op.field());
            if (op.op().equals("remove")) {
                remove(image, op.field());
                continue;
            }
            boolean base = ImageFields.isBase(op.field());
            if (op.op().equals("replace") && !base && !image.properties.containsKey(op.field())) {
                throw ApiException.conflict("Property " + op.field() + " does not exist.");
            }
            if ((op.field().equals("container_format") || op.field().equals("disk_format"))
                    && image.status != ImageStatus.QUEUED) {
                throw ApiException.forbidden("Attribute " + op.field() + " can be only replaced for a queued image.");
            }
            JsonNode value = Objects.requireNonNull(op.value());
            if (op.field().equals("visibility")
                    && value.isString()
                    && value.asString().equals("public")
                    && !admin) {
                throw ApiException.forbidden("You are not authorized to publicize images: admin required.");
            }
            ImageFields.set(image, op.field(), value, admin);
        }
    }

    private static void remove(Image image, String field) {
        if (ImageFields.isBase(field)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Properties " + field + " cannot be removed.");
        }
        if (image.properties.remove(field) == null) {
            throw ApiException.conflict("Property " + field + " does not exist.");
        }
    }
}
