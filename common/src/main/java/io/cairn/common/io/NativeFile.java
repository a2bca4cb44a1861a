package io.cairn.common.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * A file opened by {@link LinuxFiles}: its descriptor for the calls the JDK lacks, and a {@link FileChannel} over
 * the same descriptor for everything else. Closing either closes both.
 *
 * <p>Thread-safety: as {@link FileChannel}; the descriptor number is valid only until {@link #close()}.
 */
public final class NativeFile implements Closeable {
    private final int fd;
    private final FileChannel channel;

    NativeFile(int fd, FileChannel channel) {
        this.fd = fd;
        this.channel = channel;
    }

    /** The descriptor; meaningless once the file is closed. */
    public int fd() {
        return fd;
    }

    public FileChannel channel() {
        return channel;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
