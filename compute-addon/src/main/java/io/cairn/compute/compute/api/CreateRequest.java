package io.cairn.compute.compute.api;

import io.cairn.compute.system.ApiException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** {@code POST /servers}, validated as Nova's schema for 2.1..2.37 does. */
record CreateRequest(
        String name,
        String imageRef,
        String flavorRef,
        @Nullable String networks,
        @Nullable String keyName,
        @Nullable String userData,
        Map<String, String> metadata,
        @Nullable String availabilityZone,
        int minCount,
        int maxCount,
        @Nullable String description,
        String diskConfig,
        String accessIpv4,
        String accessIpv6,
        boolean returnReservationId) {

    private static final Set<String> ALLOWED = Set.of(
            "name",
            "imageRef",
            "flavorRef",
            "networks",
            "key_name",
            "user_data",
            "metadata",
            "availability_zone",
            "min_count",
            "max_count",
            "return_reservation_id",
            "security_groups",
            "config_drive",
            "accessIPv4",
            "accessIPv6",
            "adminPass",
            "OS-DCF:diskConfig",
            "personality",
            "block_device_mapping_v2",
            "description");
    private static final int MAX_USER_DATA = 65535;

    static CreateRequest parse(@Nullable JsonNode body, NovaVersion v) {
        JsonNode s = Bodies.object(body, "server");
        Bodies.only(s, ALLOWED);
        if (s.has("description") && !v.atLeast(19)) {
            throw ApiException.badRequest("Additional properties are not allowed ('description' was unexpected)");
        }
        if (s.has("block_device_mapping_v2")) {
            throw ApiException.badRequest("Block device mappings are not supported: this cloud has no volumes.");
        }
        String name = Bodies.name(s, "name");
        String imageRef = Bodies.ref(s, "imageRef", true);
        String flavorRef = Bodies.ref(s, "flavorRef", true);
        int min = Bodies.integer(s, "min_count", 1, 1, Integer.MAX_VALUE);
        int max = Bodies.integer(s, "max_count", min, 1, Integer.MAX_VALUE);
        if (min > max) {
            throw ApiException.badRequest("min_count must be <= max_count");
        }
        String diskConfig = Bodies.string(s, "OS-DCF:diskConfig", 10, false);
        if (diskConfig != null && !diskConfig.equals("AUTO") && !diskConfig.equals("MANUAL")) {
            throw Bodies.invalid(
                    "OS-DCF:diskConfig", diskConfig, "'" + diskConfig + "' is not one of ['AUTO', 'MANUAL']");
        }
        JsonNode rr = s.get("return_reservation_id");
        return new CreateRequest(
                name,
                imageRef == null ? "" : imageRef,
                flavorRef == null ? "" : flavorRef,
                networks(s, v),
                Bodies.string(s, "key_name", 255, false),
                userData(s),
                Bodies.metadata(s, "metadata"),
                Bodies.string(s, "availability_zone", 255, false),
                min,
                max,
                v.atLeast(19) ? Bodies.string(s, "description", 255, false) : null,
                diskConfig == null ? "MANUAL" : diskConfig,
                ip(s, "accessIPv4"),
                ip(s, "accessIPv6"),
                rr != null && (rr.isBoolean() ? rr.asBoolean() : rr.asString().equalsIgnoreCase("true")));
    }

    private static String ip(JsonNode s, String field) {
        String ip = Bodies.string(s, field, 64, false);
        return ip == null ? "" : ip;
    }

    /** {@code auto}/{@code none} from 2.37 (required there); before, only an empty list or none (no networks). */
    private static @Nullable String networks(JsonNode s, NovaVersion v) {
        JsonNode n = s.get("networks");
        if (n == null) {
            if (v.atLeast(37)) {
                throw Bodies.invalid("networks", null, "'networks' is a required property");
            }
            return null;
        }
        if (n.isString() && v.atLeast(37)) {
            String value = n.asString();
            if (!value.equals("auto") && !value.equals("none")) {
                throw Bodies.invalid("networks", value, "'" + value + "' is not one of ['none', 'auto']");
            }
            return value;
        }
        if (!n.isArray()) {
            throw Bodies.invalid("networks", n, n + " is not of type 'array'");
        }
        for (JsonNode net : n) {
            String uuid = net.has("uuid")
                    ? net.get("uuid").asString()
                    : net.path("port").asString("");
            throw ApiException.badRequest("Network " + uuid + " could not be found.");
        }
        return null;
    }

    private static @Nullable String userData(JsonNode s) {
        String ud = Bodies.string(s, "user_data", MAX_USER_DATA, false);
        if (ud == null) {
            return null;
        }
        try {
            Base64.getMimeDecoder().decode(ud);
            if (!ud.replaceAll("\\s", "").matches("[A-Za-z0-9+/]*={0,2}")) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("User data needs to be valid base 64.");
        }
        return ud;
    }
}
