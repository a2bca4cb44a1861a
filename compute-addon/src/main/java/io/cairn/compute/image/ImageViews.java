package io.cairn.compute.image;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The image document of Glance v2: base properties, user properties flattened at the top level, links. */
final class ImageViews {
    private static final DateTimeFormatter GLANCE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private ImageViews() {}

    static String time(long epochMillis) {
        return GLANCE_TIME.format(Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS));
    }

    static Map<String, @Nullable Object> document(Image i) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        // user properties first, so a base property of the same name could never be shadowed by one
        m.putAll(i.properties);
        m.put("id", i.id);
        m.put("name", i.name);
        m.put("status", i.status.wire());
        m.put("visibility", i.visibility);
        m.put("protected", i.isProtected);
        m.put("os_hidden", i.osHidden);
        m.put("checksum", i.checksum);
        m.put("os_hash_algo", i.osHashAlgo);
        m.put("os_hash_value", i.osHashValue);
        m.put("owner", i.owner);
        m.put("size", i.size);
        m.put("virtual_size", i.virtualSize);
        m.put("container_format", i.containerFormat);
        m.put("disk_format", i.diskFormat);
        m.put("min_ram", i.minRam);
        m.put("min_disk", i.minDisk);
        m.put("created_at", time(i.createdAt));
        m.put("updated_at", time(i.updatedAt));
        m.put("tags", new ArrayList<>(i.tags));
        m.put("self", "/v2/images/" + i.id);
        m.put("file", "/v2/images/" + i.id + "/file");
        m.put("schema", "/v2/schemas/image");
        return m;
    }
}
