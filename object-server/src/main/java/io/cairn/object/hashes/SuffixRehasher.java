package io.cairn.object.hashes;

import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Computes one suffix's hash from the files on disk (Swift's {@code _hash_suffix}), running cleanup as it
 * goes. Implemented by the disk file layer, which knows the file-set rules.
 */
@FunctionalInterface
public interface SuffixRehasher {
    /** The md5 hex of the suffix, or null when the suffix directory does not exist (or was removed as empty). */
    @Nullable
    String rehash(Path suffixDir) throws IOException;
}
