package io.cairn.object.diskfile;

import io.cairn.common.time.DecodedTimestamps;
import io.cairn.common.time.Timestamp;
import io.cairn.common.time.TimestampCodec;
import org.jspecify.annotations.Nullable;

/**
 * A file name in a hash directory (reference §2.2; Swift's {@code make_on_disk_filename} / {@code
 * parse_on_disk_filename}, replicated policy):
 *
 * <pre>
 *   &lt;ts internal&gt;.data                 object body + metadata
 *   &lt;ts internal&gt;.ts                   tombstone
 *   &lt;ts internal&gt;.meta                 fast-POST metadata
 *   &lt;meta ts short&gt;±&lt;hex delta&gt;.meta   fast-POST that also set Content-Type at another time
 *                                     (encode_timestamps(meta_ts, ctype_ts, explicit=True))
 * </pre>
 *
 * The extension is everything from the last dot (Python's {@code splitext}); any extension parses as
 * long as the stem is a timestamp, as in Swift.
 *
 * <p>Thread-safety: immutable.
 */
public final class OnDiskFileName {
    public static final String DATA = ".data";
    public static final String META = ".meta";
    public static final String TOMBSTONE = ".ts";

    private final String filename;
    private final Timestamp timestamp;
    private final String ext;
    private final @Nullable Timestamp contentTypeTimestamp;

    private OnDiskFileName(String filename, Timestamp timestamp, String ext, @Nullable Timestamp ctype) {
        this.filename = filename;
        this.timestamp = timestamp;
        this.ext = ext;
        this.contentTypeTimestamp = ctype;
    }

    /** The file name for {@code timestamp} and {@code ext}; {@code ctype} is encoded only for {@code .meta}. */
    public static String make(Timestamp timestamp, String ext, @Nullable Timestamp ctype) {
        if (META.equals(ext) && ctype != null) {
            return TimestampCodec.encode(timestamp, ctype, null, true) + ext;
        }
        return timestamp.internal() + ext;
    }

    /**
     * Parses a file name.
     *
     * @throws IllegalArgumentException naming the file if its stem is not a valid timestamp (Swift logs
     *     such files as unexpected and leaves them)
     */
    public static OnDiskFileName parse(String filename) {
        int dot = filename.lastIndexOf('.');
        int firstNonDot = 0;
        while (firstNonDot < filename.length() && filename.charAt(firstNonDot) == '.') {
            firstNonDot++;
        }
        String stem;
        String ext;
        if (dot <= firstNonDot) {
            stem = filename;
            ext = "";
        } else {
            stem = filename.substring(0, dot);
            ext = filename.substring(dot);
        }
        try {
            if (META.equals(ext)) {
                DecodedTimestamps d = TimestampCodec.decode(stem, true);
                return new OnDiskFileName(filename, d.first(), ext, d.second());
            }
            return new OnDiskFileName(filename, Timestamp.parse(stem), ext, null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid Timestamp value in filename '" + filename + "'", e);
        }
    }

    /** Parses, or returns null for a name that is not an object file (rsync temp files, junk). */
    public static @Nullable OnDiskFileName tryParse(String filename) {
        try {
            return parse(filename);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String filename() {
        return filename;
    }

    public Timestamp timestamp() {
        return timestamp;
    }

    /** The extension with its dot ({@code .data}), or empty. */
    public String ext() {
        return ext;
    }

    /** For a {@code .meta} written with a separate content-type time: that time; else null. */
    public @Nullable Timestamp contentTypeTimestamp() {
        return contentTypeTimestamp;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof OnDiskFileName other && other.filename.equals(filename);
    }

    @Override
    public int hashCode() {
        return filename.hashCode();
    }

    @Override
    public String toString() {
        return filename;
    }
}
