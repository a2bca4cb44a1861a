package io.cairn.object.diskfile;

import io.cairn.common.path.HashPath;
import io.cairn.common.time.Timestamp;
import io.cairn.object.hashes.SuffixRehasher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Swift 2.30.1's suffix hash ({@code _hash_suffix_dir} + {@code DiskFileManager._update_suffix_hashes},
 * reference §2.6): md5 over the hash directories of a suffix in sorted name order, each cleaned up first,
 * of {@code meta_ts.internal + ".meta"}, {@code ts.internal + ".ts"}, {@code data_ts.internal + ".data"},
 * {@code ctype_ts.internal + "_ctype"} for the files that define the object. A suffix directory left empty
 * is removed and has no hash.
 *
 * <p>Thread-safety: immutable; the md5 state is per call.
 */
public final class SuffixHasher implements SuffixRehasher {
    private final HashDirCleanup cleanup;
    private final Quarantine quarantine;
    private final LongSupplier clockMillis;

    public SuffixHasher(HashDirCleanup cleanup, Quarantine quarantine, LongSupplier clockMillis) {
        this.cleanup = cleanup;
        this.quarantine = quarantine;
        this.clockMillis = clockMillis;
    }

    @Override
    public @Nullable String rehash(Path suffixDir) throws IOException {
        List<String> hashes;
        if (!Files.isDirectory(suffixDir)) {
            if (Files.exists(suffixDir)) {
                quarantine.quarantineHashDir(suffixDir);
            }
            return null;
        }
        hashes = HashDirCleanup.list(suffixDir);
        hashes.sort(null);
        MessageDigest md5 = newMd5();
        long now = clockMillis.getAsLong();
        for (String hash : hashes) {
            Path hashDir = suffixDir.resolve(hash);
            HashDirCleanup.Result r;
            try {
                r = cleanup.cleanup(hashDir, now);
            } catch (NotDirectoryException e) {
                quarantine.quarantineHashDir(hashDir);
                continue;
            }
            if (!r.remaining().isEmpty()) {
                update(md5, r.files());
            }
        }
        try {
            Files.delete(suffixDir);
            return null; // it was empty: as if it had never been there
        } catch (DirectoryNotEmptyException e) {
            return HashPath.toHex(md5.digest());
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Adds one hash directory's contribution, in Swift's order. */
    public static void update(MessageDigest md5, OnDiskFileSet files) {
        OnDiskFileName meta = files.meta();
        if (meta != null) {
            add(md5, meta.timestamp(), meta.ext());
        }
        OnDiskFileName ts = files.tombstone();
        if (ts != null) {
            add(md5, ts.timestamp(), ts.ext());
        }
        OnDiskFileName data = files.data();
        if (data != null) {
            add(md5, data.timestamp(), data.ext());
        }
        OnDiskFileName ctype = files.contentTypeMeta();
        if (ctype != null) {
            Timestamp ctypeTs = ctype.contentTypeTimestamp();
            if (ctypeTs != null) {
                add(md5, ctypeTs, "_ctype");
            }
        }
    }

    private static void add(MessageDigest md5, Timestamp ts, String suffix) {
        md5.update(ts.internal().getBytes(StandardCharsets.US_ASCII));
        md5.update(suffix.getBytes(StandardCharsets.UTF_8));
    }

    public static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
