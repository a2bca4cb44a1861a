package io.cairn.object.http;

import io.cairn.common.path.Constraints;
import io.cairn.common.path.NameValidator;
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
    /** Default {@code etag_validate_max_bytes}: 8 MiB. */
    public static final long DEFAULT_ETAG_VALIDATE_MAX_BYTES = 8L * 1024 * 1024;

    /** Default {@code disk_chunk_size}: Swift's 65536. */
    public static final int DEFAULT_DISK_CHUNK_SIZE = 65536;

    /** Largest {@code disk_chunk_size}: a streamed response holds a few chunks of this size at most. */
    public static final int MAX_DISK_CHUNK_SIZE = 16 * 1024 * 1024;

    /** Swift's {@code RESERVED_DATAFILE_META}: never accepted as allowed headers. */
    private static final Set<String> RESERVED = Set.of("content-length", "content-type", "deleted", "etag");

    private final Set<String> allowedHeaders;
    private final Constraints constraints;
    private final NameValidator names;
    private final Duration maxUploadTime;
    private final boolean replicationServer;
    private final IntPredicate policyExists;
    private final Clock clock;
    private final long etagValidateMaxBytes;
    private final int diskChunkSize;

    /** As the full constructor with {@link #DEFAULT_ETAG_VALIDATE_MAX_BYTES}. */
    public ObjectApiSettings(
            Set<String> allowedHeaders,
            Constraints constraints,
            Duration maxUploadTime,
            boolean replicationServer,
            IntPredicate policyExists,
            Clock clock) {
        this(
                allowedHeaders,
                constraints,
                maxUploadTime,
                replicationServer,
                policyExists,
                clock,
                DEFAULT_ETAG_VALIDATE_MAX_BYTES);
    }

    /**
     * @param allowedHeaders header names (any case) stored with objects besides metadata
     * @param constraints swift.conf's {@code [swift-constraints]} (max_file_size, name and metadata limits)
     * @param maxUploadTime {@code max_upload_time}: a PUT body taking longer answers 408
     * @param replicationServer {@code replication_server}: false refuses REPLICATE/SSYNC with 405
     * @param policyExists whether a storage policy index is configured (else 503)
     * @param clock "now" when a request carries no {@code X-Timestamp}
     * @param etagValidateMaxBytes {@code etag_validate_max_bytes}: a whole-body GET of an object up to this
     *     size is read and MD5-checked before anything is sent (a mismatch answers 404); larger ones are
     *     streamed through an MD5 and lose their last chunk on a mismatch
     */
    public ObjectApiSettings(
            Set<String> allowedHeaders,
            Constraints constraints,
            Duration maxUploadTime,
            boolean replicationServer,
            IntPredicate policyExists,
            Clock clock,
            long etagValidateMaxBytes) {
        if (etagValidateMaxBytes < 0 || etagValidateMaxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("etag_validate_max_bytes must be in [0, " + (Integer.MAX_VALUE - 8)
                    + "], not " + etagValidateMaxBytes);
        }
        this.etagValidateMaxBytes = etagValidateMaxBytes;
        TreeSet<String> lower = new TreeSet<>();
        for (String h : allowedHeaders) {
            String l = h.strip().toLowerCase(Locale.ROOT);
            if (!l.isEmpty() && !RESERVED.contains(l)) {
                lower.add(l);
            }
        }
        this.allowedHeaders = Set.copyOf(lower);
        this.constraints = constraints;
        this.names = new NameValidator(constraints);
        this.maxUploadTime = maxUploadTime;
        this.replicationServer = replicationServer;
        this.policyExists = policyExists;
        this.clock = clock;
        this.diskChunkSize = DEFAULT_DISK_CHUNK_SIZE;
    }

    private ObjectApiSettings(ObjectApiSettings base, int diskChunkSize) {
        if (diskChunkSize < 1 || diskChunkSize > MAX_DISK_CHUNK_SIZE) {
            throw new IllegalArgumentException(
                    "disk_chunk_size must be in [1, " + MAX_DISK_CHUNK_SIZE + "], not " + diskChunkSize);
        }
        this.allowedHeaders = base.allowedHeaders;
        this.constraints = base.constraints;
        this.names = base.names;
        this.maxUploadTime = base.maxUploadTime;
        this.replicationServer = base.replicationServer;
        this.policyExists = base.policyExists;
        this.clock = base.clock;
        this.etagValidateMaxBytes = base.etagValidateMaxBytes;
        this.diskChunkSize = diskChunkSize;
    }

    /**
     * These settings with {@code disk_chunk_size}: body bytes a streamed GET reads from the disk at once
     * (whole bodies above {@link #etagValidateMaxBytes()}, multi-range and non-file bodies).
     */
    public ObjectApiSettings withDiskChunkSize(int bytes) {
        return new ObjectApiSettings(this, bytes);
    }

    /** Lower-case names, without Swift's reserved data-file keys. */
    public Set<String> allowedHeaders() {
        return allowedHeaders;
    }

    /** swift.conf {@code max_file_size}. */
    public long maxFileSize() {
        return constraints.maxFileSize();
    }

    public Constraints constraints() {
        return constraints;
    }

    /** Name and metadata checks under {@link #constraints()}. */
    public NameValidator names() {
        return names;
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

    /** Whole-body GETs up to this size are verified before the response starts. */
    public long etagValidateMaxBytes() {
        return etagValidateMaxBytes;
    }

    /** Body bytes a streamed GET reads from the disk at once. */
    public int diskChunkSize() {
        return diskChunkSize;
    }
}
