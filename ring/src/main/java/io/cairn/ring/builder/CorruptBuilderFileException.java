package io.cairn.ring.builder;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A builder file that cannot be loaded: truncated, failing its checksum, of an unknown format version, or
 * holding inconsistent content. The message names the file and what is wrong.
 *
 * <p>Immutable.
 */
public final class CorruptBuilderFileException extends IOException {
    private static final long serialVersionUID = 1L;

    CorruptBuilderFileException(Path path, String problem) {
        super("Corrupt builder file " + path + ": " + problem);
    }
}
