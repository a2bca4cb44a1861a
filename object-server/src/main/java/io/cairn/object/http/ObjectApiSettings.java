package io.cairn.object.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * What the HTTP layer needs from the configuration, already validated: the {@code allowed_headers}
 * stored with objects, upload limits, {@code replication_server}, the storage policies that exist and
 * the clock that judges expiry.
 *
 * <p>Immutable.
 */
public final class ObjectApiSettings {
    /** Swift's {@code RESERVED_DATAFILE_META}: never accepted as allowed headers. */
    private static final Set<String> RESERVED =
            Set.of("content-length", "content-type", "deleted", "etag");

    private final Set<String> allowedHeaders;
    private final long maxFileSize;
    private final int maxObjectNameLength;
    private final Duration maxUploadTime;
    private final boolean replicationServer;
    private final IntPredicate policyExists;
    private final Clock clock;

    /**
     * @param allowedHeaders header names (any case) stored with objects besides metadata
     * @param maxFileSize largest object body in bytes (swift.conf {@code max_file_size})
     * @param maxObjectNameLength swift.conf {@code max_object_name_length}
     * @param maxUploadTime {@code max_upload_time}: a PUT body taking longer answers 408
     * @param replicationServer {@code replication_server}: false refuses REPLICATE/SSYNC with 405
     * @param policyExists whether a storage policy index is configured (else 503)
     * @param clock "now" when a request carries no {@code X-Timestamp}
     */
    public ObjectApiSettings(
            Set<String> allowedHeaders,
            long maxFileSize,
            int maxObjectNameLength,
            Duration maxUploadTime,
            boolean replicationServer,
            IntPredicate policyExists,
            Clock clock) {
        TreeSet<String> lower = new TreeSet<>();
        for (String h : allowedHeaders) {
            String l = h.strip().toLowerCase(Locale.ROOT);
            if (!l.isEmpty() && !RESERVED.contains(l)) {
                lower.add(l);
            }
        }
        this.allowedHeaders = Set.copyOf(lower);
        this.maxFileSize = maxFileSize;
        this.maxObjectNameLength = maxObjectNameLength;
        this.maxUploadTime = maxUploadTime;
        this.replicationServer = replicationServer;
        this.policyExists = policyExists;
        this.clock = clock;
    }

    /** Lower-case names, without Swift's reserved data-file keys. */
    public Set<String> allowedHeaders() {
        return allowedHeaders;
    }

    public long maxFileSize() {
        return maxFileSize;
    }

    public int maxObjectNameLength() {
        return maxObjectNameLength;
    }

    public Duration maxUploadTime() {
        return maxUploadTime;
    }

    public boolean replicationServer() {
        return replicationServer;
    }

    public boolean policyExists(int index) {
        return policyExists.test(index);
    }

    public Clock clock() {
        return clock;
    }
}
