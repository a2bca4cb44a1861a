package io.cairn.common.io;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.jspecify.annotations.Nullable;

/**
 * The Linux file calls Swift's object server makes and the JDK does not offer, through JNA's direct mapping (JNA
 * is on the classpath already, through Chronicle Map):
 *
 * <ul>
 *   <li>{@code open(O_TMPFILE)} and {@code linkat}: Swift's write path where the filesystem supports it
 *       ({@code diskfile.py}, {@code use_linkat}). The body goes to a file that has no name until it is complete,
 *       so there is no temp name to create, to rename away, or to clean up after a crash;
 *   <li>{@code fsetxattr}/{@code fgetxattr} on an open descriptor, as Swift's {@code xattr} module does. The JDK's
 *       {@code UserDefinedFileAttributeView} opens the file by path for every attribute: three system calls and a
 *       path walk where one call does;
 *   <li>{@code sync_file_range(SYNC_FILE_RANGE_WRITE)}: starts writeback of a large body while the rest arrives,
 *       so the final fsync waits for the tail only;
 *   <li>{@code fallocate(FALLOC_FL_KEEP_SIZE)}: reserves a body's blocks before it arrives, so a PUT the disk cannot
 *       hold is refused up front ({@code utils.fallocate}).
 * </ul>
 *
 * <p>{@link #load()} returns {@code null} where these calls are unavailable (not Linux on x86-64 or aarch64, JNA's
 * native part missing, or {@code java.io} not opened to this code for wrapping descriptors), and callers then use
 * the portable JDK path. Errors come back as the same {@link IOException} types, with the same {@code strerror}
 * reasons, that the JDK's own file calls throw.
 *
 * <p>Thread-safety: stateless and thread-safe. Every method blocks on the disk.
 */
public final class LinuxFiles {
    private static final int O_RDONLY = 0;
    private static final int O_WRONLY = 1;
    private static final int O_CLOEXEC = 02000000;
    private static final int AT_FDCWD = -100;
    private static final int AT_SYMLINK_FOLLOW = 0x400;
    private static final int SYNC_FILE_RANGE_WRITE = 2;
    private static final int FALLOC_FL_KEEP_SIZE = 1;
    private static final int OWNER_READ_WRITE = 0600;

    private static final int ENOENT = 2;
    private static final int ENOTDIR = 20;
    private static final int EISDIR = 21;
    private static final int EINVAL = 22;
    private static final int ENODATA = 61;
    private static final int EOPNOTSUPP = 95;
    private static final int EEXIST = 17;
    private static final int ENOSYS = 38;

    /** {@code __O_TMPFILE | O_DIRECTORY}; {@code O_DIRECTORY} differs between architectures. */
    private final int oTmpFile;

    private LinuxFiles(int oTmpFile) {
        this.oTmpFile = oTmpFile;
    }

    /**
     * The calls of this machine, or {@code null} when they are unavailable here (the reason is not an error: the
     * JDK path does the same work with more system calls).
     */
    public static @Nullable LinuxFiles load() {
        int oTmpFile;
        if (!Platform.isLinux() || !Platform.is64Bit()) {
            return null;
        } else if (Platform.isIntel()) {
            oTmpFile = 020200000;
        } else if (Platform.isARM()) {
            oTmpFile = 020040000;
        } else {
            return null;
        }
        if (!Files.isDirectory(Paths.get("/proc/self/fd"))) {
            return null; // linkat of an unnamed file goes through /proc/self/fd/N
        }
        try {
            Bindings.check();
            return new LinuxFiles(oTmpFile);
        } catch (LinkageError | RuntimeException e) {
            return null;
        }
    }

    /** Thrown by {@link #openUnnamed} when the directory's filesystem has no {@code O_TMPFILE}. */
    public static final class UnnamedFilesUnsupported extends IOException {
        private static final long serialVersionUID = 1L;

        UnnamedFilesUnsupported(String message) {
            super(message);
        }
    }

    /**
     * Opens a new file without a name on {@code dir}'s filesystem, write-only, mode 0600. It vanishes when closed
     * unless {@link #link} gave it a name first.
     *
     * @throws NoSuchFileException {@code dir} does not exist
     * @throws UnnamedFilesUnsupported the filesystem does not support {@code O_TMPFILE}
     */
    public NativeFile openUnnamed(Path dir) throws IOException {
        String path = dir.toString();
        Scratch scratch = SCRATCH.get();
        int fd;
        try {
            fd = Bindings.open(scratch.first(path), oTmpFile | O_WRONLY | O_CLOEXEC, OWNER_READ_WRITE);
        } catch (LastErrorException e) {
            int errno = e.getErrorCode();
            if (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL) {
                throw new UnnamedFilesUnsupported(path + ": " + Bindings.reason(errno));
            }
            throw error(e, path, null);
        }
        return wrap(fd, true);
    }

    /** Opens an existing file read-only. */
    public NativeFile openRead(Path file) throws IOException {
        String path = file.toString();
        int fd;
        try {
            fd = Bindings.open(SCRATCH.get().first(path), O_RDONLY | O_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw error(e, path, null);
        }
        return wrap(fd, false);
    }

    private static NativeFile wrap(int fd, boolean writable) throws IOException {
        FileChannel channel;
        try {
            FileDescriptor descriptor = new FileDescriptor();
            Bindings.FD.set(descriptor, fd);
            // the stream owns the descriptor: closing the channel closes the stream, which closes the fd
            channel = writable
                    ? new FileOutputStream(descriptor).getChannel()
                    : new FileInputStream(descriptor).getChannel();
        } catch (RuntimeException | Error e) {
            Bindings.close(fd);
            throw e;
        }
        return new NativeFile(fd, channel);
    }

    /** {@code fsetxattr(fd, name, value[off, off+len), 0)}; {@code name} includes its namespace ({@code user.}). */
    public void setXattr(NativeFile file, String name, byte[] value, int off, int len) throws IOException {
        Scratch scratch = SCRATCH.get();
        try {
            Bindings.fsetxattr(file.fd(), scratch.first(name), scratch.value(value, off, len), len, 0);
        } catch (LastErrorException e) {
            throw error(e, "fd " + file.fd(), name);
        }
    }

    /**
     * {@code fgetxattr} into {@code direct} from its position; returns the value's length (and advances the
     * position by it), or -1 when the file has no attribute {@code name}.
     *
     * @throws FileSystemException with reason "Numerical result out of range" when the value does not fit
     */
    public int getXattr(NativeFile file, String name, ByteBuffer direct) throws IOException {
        if (!direct.isDirect()) {
            throw new IllegalArgumentException("getXattr needs a direct buffer");
        }
        int pos = direct.position();
        long address = Pointer.nativeValue(Native.getDirectBufferPointer(direct)) + pos;
        // no LastErrorException here: a missing name ends every metadata read (Swift probes the next chunk until
        // ENODATA), and an exception with its stack trace would cost more than the call
        long n = Bindings.fgetxattr(file.fd(), SCRATCH.get().first(name), address, direct.remaining());
        if (n < 0) {
            int errno = Native.getLastError();
            if (errno == ENODATA) {
                return -1;
            }
            throw error(errno, "fd " + file.fd(), name);
        }
        direct.position(pos + (int) n);
        return (int) n;
    }

    /**
     * Gives the unnamed file {@code file} the name {@code target} ({@code linkat} through {@code /proc/self/fd},
     * as Swift's {@code link_fd_to_path}). The directory must exist.
     *
     * @throws FileAlreadyExistsException {@code target} exists
     */
    public void link(NativeFile file, Path target) throws IOException {
        String to = target.toString();
        Scratch scratch = SCRATCH.get();
        try {
            Bindings.linkat(
                    AT_FDCWD,
                    scratch.first("/proc/self/fd/" + file.fd()),
                    AT_FDCWD,
                    scratch.second(to),
                    AT_SYMLINK_FOLLOW);
        } catch (LastErrorException e) {
            throw error(e, to, null);
        }
    }

    /** Starts writeback of {@code [offset, offset+length)} without waiting for it (no durability by itself). */
    public void startWriteback(NativeFile file, long offset, long length) throws IOException {
        try {
            Bindings.sync_file_range(file.fd(), offset, length, SYNC_FILE_RANGE_WRITE);
        } catch (LastErrorException e) {
            throw error(e, "fd " + file.fd(), null);
        }
    }

    /**
     * Reserves {@code [offset, offset+length)} of the file's blocks without changing its size ({@code
     * FALLOC_FL_KEEP_SIZE}), as Swift's {@code utils.fallocate}. A filesystem that cannot preallocate ({@code
     * ENOSYS}, {@code EOPNOTSUPP}, {@code EINVAL}) is not an error, as in Swift: the call then does nothing.
     *
     * @throws FileSystemException with the reason {@code No space left on device} ({@code ENOSPC}) or {@code Disk
     *     quota exceeded} ({@code EDQUOT}) when the blocks are not there
     */
    public void fallocate(NativeFile file, long offset, long length) throws IOException {
        try {
            Bindings.fallocate(file.fd(), FALLOC_FL_KEEP_SIZE, offset, length);
        } catch (LastErrorException e) {
            int errno = e.getErrorCode();
            if (errno != ENOSYS && errno != EOPNOTSUPP && errno != EINVAL) {
                throw error(e, "fd " + file.fd(), null);
            }
        }
    }

    /**
     * Native memory of one thread for the calls' strings and values. JNA converts a {@code String} or {@code
     * byte[]} argument by allocating native memory on every call, which measured at about 4 µs a call, more than
     * the system call; addresses of reused buffers cost nothing.
     */
    private static final class Scratch {
        private static final int STRING_BYTES = 4097; // PATH_MAX and its NUL
        private final ByteBuffer first = ByteBuffer.allocateDirect(STRING_BYTES);
        private final ByteBuffer second = ByteBuffer.allocateDirect(STRING_BYTES);
        private final ByteBuffer value = ByteBuffer.allocateDirect(65536);
        private final long firstAddress = Pointer.nativeValue(Native.getDirectBufferPointer(first));
        private final long secondAddress = Pointer.nativeValue(Native.getDirectBufferPointer(second));
        private final long valueAddress = Pointer.nativeValue(Native.getDirectBufferPointer(value));
        /** Holds a one-off value buffer until the next call, so it is not freed while the call runs. */
        private @Nullable ByteBuffer keepAlive;

        long first(String s) throws IOException {
            return cString(first, firstAddress, s);
        }

        long second(String s) throws IOException {
            return cString(second, secondAddress, s);
        }

        /** {@code bytes[off, off+len)} in native memory; a value above 64 KiB (Swift writes none) gets its own. */
        long value(byte[] bytes, int off, int len) {
            ByteBuffer buf = value;
            long address = valueAddress;
            if (len > buf.capacity()) {
                buf = ByteBuffer.allocateDirect(len);
                address = Pointer.nativeValue(Native.getDirectBufferPointer(buf));
                keepAlive = buf;
            }
            buf.clear();
            buf.put(bytes, off, len);
            return address;
        }

        private static long cString(ByteBuffer buf, long address, String s) throws IOException {
            // the JDK's file calls encode paths the same way on a UTF-8 system
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            if (bytes.length >= buf.capacity()) {
                throw new FileSystemException(s, null, "File name too long");
            }
            buf.clear();
            buf.put(bytes).put((byte) 0);
            return address;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static IOException error(LastErrorException e, String file, @Nullable String other) {
        return error(e.getErrorCode(), file, other);
    }

    private static IOException error(int errno, String file, @Nullable String other) {
        String reason = Bindings.reason(errno);
        return switch (errno) {
            case ENOENT -> new NoSuchFileException(file, other, reason);
            case EEXIST -> new FileAlreadyExistsException(file, other, reason);
            case ENOTDIR -> new NotDirectoryException(file);
            default -> new FileSystemException(file, other, reason);
        };
    }

    /** libc bound by JNA's direct mapping: a registered native method per call, no reflection per call. */
    private static final class Bindings {
        static final VarHandle FD;

        static {
            try {
                FD = MethodHandles.privateLookupIn(FileDescriptor.class, MethodHandles.lookup())
                        .findVarHandle(FileDescriptor.class, "fd", int.class);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("java.io is not open to Cairn (--add-opens java.base/java.io)", e);
            }
            Native.register(Bindings.class, Platform.C_LIBRARY_NAME);
        }

        private Bindings() {}

        /** Forces class initialisation, so a missing native part shows in {@link #load()}, not at first use. */
        static void check() {
            reason(ENOENT);
        }

        static String reason(int errno) {
            String s = strerror(errno);
            return s == null ? "errno " + errno : s;
        }

        // every pointer argument is an address in a Scratch buffer (see there why)
        static native int open(long path, int flags, int mode) throws LastErrorException;

        static native int close(int fd);

        static native int fsetxattr(int fd, long name, long value, long size, int flags) throws LastErrorException;

        /** Returns -1 with errno in {@link Native#getLastError()} on failure. */
        static native long fgetxattr(int fd, long name, long value, long size);

        static native int linkat(int olddirfd, long oldpath, int newdirfd, long newpath, int flags)
                throws LastErrorException;

        @SuppressWarnings("MethodName") // libc's name
        static native int sync_file_range(int fd, long offset, long nbytes, int flags) throws LastErrorException;

        static native int fallocate(int fd, int mode, long offset, long len) throws LastErrorException;

        static native @Nullable String strerror(int errno);
    }
}
