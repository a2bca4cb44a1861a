package io.cairn.object.diskfile;

import io.cairn.common.time.Timestamp;
import io.cairn.object.metadata.ObjectMetadata;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How an opened object's metadata is assembled from its {@code .data}, {@code .meta} and content-type
 * {@code .meta} (Swift's {@code _construct_from_data_file} and {@code _merge_content_type_metadata},
 * reference §2.4): start from the {@code .meta}, re-apply from the {@code .data} {@code Content-Length},
 * {@code ETag}, {@code deleted}, {@code X-Static-Large-Object} and all object sysmeta, and take the {@code
 * .data}'s Content-Type unless a {@code .meta} set a newer one. Shared by the disk and in-memory stores.
 *
 * <p>Thread-safety: stateless.
 */
public final class MetadataMerge {
    private static final Set<String> DATAFILE_KEYS =
            Set.of("content-length", "deleted", "etag", "x-static-large-object");

    private MetadataMerge() {}

    /** The merged metadata, and the {@code .meta}'s own metadata without {@code name}. */
    public record Merged(ObjectMetadata metadata, @Nullable ObjectMetadata metaMetadata) {}

    public static Merged merge(
            ObjectMetadata dataMeta,
            Timestamp dataTs,
            @Nullable ObjectMetadata metaFileMeta,
            @Nullable ObjectMetadata ctypeFileMeta) {
        if (metaFileMeta == null) {
            return new Merged(dataMeta, null);
        }
        Map<String, String> meta = new LinkedHashMap<>(metaFileMeta.asMap());
        if (ctypeFileMeta != null) {
            mergeContentType(meta, ctypeFileMeta, dataTs);
        }
        Map<String, String> merged = new LinkedHashMap<>(meta);
        for (Map.Entry<String, String> e : dataMeta.asMap().entrySet()) {
            if (DATAFILE_KEYS.contains(e.getKey().toLowerCase(Locale.ROOT)) || ObjectMetadata.isSysmeta(e.getKey())) {
                merged.put(e.getKey(), e.getValue());
            }
        }
        meta.remove(ObjectMetadata.NAME);
        String metaCtypeTs = meta.get(ObjectMetadata.CONTENT_TYPE_TIMESTAMP);
        String dataCtype = dataMeta.get(ObjectMetadata.CONTENT_TYPE);
        if (dataCtype != null && (metaCtypeTs == null || dataTs.compareTo(Timestamp.parse(metaCtypeTs)) > 0)) {
            merged.put(ObjectMetadata.CONTENT_TYPE, dataCtype);
            merged.remove(ObjectMetadata.CONTENT_TYPE_TIMESTAMP);
        }
        return new Merged(ObjectMetadata.of(merged), ObjectMetadata.of(meta));
    }

    private static void mergeContentType(Map<String, String> meta, ObjectMetadata ctypeMeta, Timestamp dataTs) {
        String ctype = ctypeMeta.get(ObjectMetadata.CONTENT_TYPE);
        String ctypeTs = ctypeMeta.get(ObjectMetadata.CONTENT_TYPE_TIMESTAMP);
        if (ctype == null || ctypeTs == null) {
            return;
        }
        Timestamp t = Timestamp.parse(ctypeTs);
        String current = meta.get(ObjectMetadata.CONTENT_TYPE_TIMESTAMP);
        if ((current == null || t.compareTo(Timestamp.parse(current)) > 0) && t.compareTo(dataTs) > 0) {
            meta.put(ObjectMetadata.CONTENT_TYPE, ctype);
            meta.put(ObjectMetadata.CONTENT_TYPE_TIMESTAMP, ctypeTs);
        }
    }

    /**
     * Whether {@code X-Delete-At} has passed at {@code now}.
     *
     * @throws NumberFormatException when it is not an integer (the object is corrupt)
     */
    public static boolean isExpired(ObjectMetadata metadata, Timestamp now) {
        String deleteAt = metadata.get(ObjectMetadata.X_DELETE_AT);
        if (deleteAt == null) {
            return false;
        }
        long at = Long.parseLong(deleteAt.trim());
        return at * Timestamp.UNITS_PER_SECOND <= now.raw();
    }
}
