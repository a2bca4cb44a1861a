package io.cairn.cli;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.SwiftConf;
import io.cairn.common.path.HashPath;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Finds and reads the cluster's {@code swift.conf} for commands that hash names. Stateless. */
final class SwiftConfFiles {
    /** Where Swift keeps it ({@code swift_dir} default). */
    static final Path DEFAULT = Path.of("/etc/swift/swift.conf");

    private SwiftConfFiles() {}

    /** The hash path salt from {@code file} (or {@link #DEFAULT}), with a clear error when it is unusable. */
    static HashPath hashPath(@Nullable Path file) {
        Path conf = file == null ? DEFAULT : file;
        if (!Files.isRegularFile(conf)) {
            throw new RingCommand.CommandException("no swift.conf at " + conf
                    + (file == null ? ": pass --swift-conf FILE (names hash with the cluster's prefix/suffix)" : ""));
        }
        try {
            return SwiftConf.loadFile(conf).hashPath();
        } catch (ConfigException e) {
            throw new RingCommand.CommandException(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
