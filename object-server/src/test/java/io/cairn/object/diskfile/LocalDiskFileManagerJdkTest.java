package io.cairn.object.diskfile;

import io.cairn.common.io.LinuxFiles;
import org.jspecify.annotations.Nullable;

/**
 * The disk store through the JDK's calls only, as on a machine without Linux's {@code O_TMPFILE}: named temp files,
 * a rename to publish, xattrs by path. Every test of {@link LocalDiskFileManagerTest} runs again.
 */
class LocalDiskFileManagerJdkTest extends LocalDiskFileManagerTest {
    @Override
    @Nullable
    LinuxFiles linuxFiles() {
        return null;
    }

    @Override
    boolean namedTempFiles() {
        return true;
    }
}
