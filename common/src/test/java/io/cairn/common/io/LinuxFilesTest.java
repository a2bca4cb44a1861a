package io.cairn.common.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cairn runs on Linux: these calls must be there, so a missing binding fails here rather than skipping. */
class LinuxFilesTest {
    @TempDir
    Path dir;

    private LinuxFiles linux;

    @BeforeEach
    void load() {
        linux = Objects.requireNonNull(LinuxFiles.load(), "no JNA bindings on this Linux machine");
    }

    @Test
    void shouldGiveAnUnnamedFileItsNameOnlyWhenLinked() throws Exception {
        Path target = dir.resolve("1.data");
        try (NativeFile file = linux.openUnnamed(dir)) {
            file.channel().write(ByteBuffer.wrap("body".getBytes(StandardCharsets.US_ASCII)));
            file.channel().force(true);
            assertThat(dir).isEmptyDirectory();

            linux.link(file, target);
        }
        assertThat(target).hasContent("body");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-------");
    }

    @Test
    void shouldLeaveNothingBehindWhenClosedUnlinked() throws Exception {
        try (NativeFile file = linux.openUnnamed(dir)) {
            file.channel().write(ByteBuffer.wrap(new byte[4096]));
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void shouldRefuseToLinkOverAnExistingName() throws Exception {
        Path target = dir.resolve("taken");
        Files.writeString(target, "old");
        try (NativeFile file = linux.openUnnamed(dir)) {
            assertThatThrownBy(() -> linux.link(file, target)).isInstanceOf(FileAlreadyExistsException.class);
        }
        assertThat(target).hasContent("old");
    }

    @Test
    void shouldReserveBlocksWithoutChangingTheSizeWhenFallocating() throws Exception {
        Path target = dir.resolve("reserved");
        try (NativeFile file = linux.openUnnamed(dir)) {
            linux.fallocate(file, 0, 4L << 20);
            linux.link(file, target);
        }
        assertThat(Files.size(target)).isZero();
        Process stat = new ProcessBuilder("stat", "-c", "%b %B", target.toString()).start();
        String[] blocks = new String(stat.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
                .strip()
                .split(" ");
        assertThat(stat.waitFor()).isZero();
        assertThat(Long.parseLong(blocks[0]) * Long.parseLong(blocks[1])).isGreaterThanOrEqualTo(4L << 20);
    }

    @Test
    void shouldReportNoSpaceWhenFallocatingMoreThanTheDiskHolds() throws Exception {
        long beyond = Files.getFileStore(dir).getTotalSpace() * 2;
        try (NativeFile file = linux.openUnnamed(dir)) {
            assertThatThrownBy(() -> linux.fallocate(file, 0, beyond))
                    .isInstanceOf(FileSystemException.class)
                    .hasMessageContaining("No space left on device");
        }
    }

    @Test
    void shouldReportAMissingDirectoryAsTheJdkDoes() {
        assertThatThrownBy(() -> linux.openUnnamed(dir.resolve("missing")))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("No such file or directory");
        assertThatThrownBy(() -> linux.openRead(dir.resolve("missing"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void shouldSetXattrsThatTheJdkReadsBackAndReadTheJdksXattrs() throws Exception {
        Path target = dir.resolve("x");
        byte[] value = "0123456789".getBytes(StandardCharsets.US_ASCII);
        try (NativeFile file = linux.openUnnamed(dir)) {
            linux.setXattr(file, "user.swift.metadata", value, 0, value.length);
            linux.setXattr(file, "user.swift.metadata1", value, 4, 3);
            linux.link(file, target);
        }
        UserDefinedFileAttributeView view = Files.getFileAttributeView(target, UserDefinedFileAttributeView.class);
        assertThat(read(view, "swift.metadata")).isEqualTo("0123456789");
        assertThat(read(view, "swift.metadata1")).isEqualTo("456");

        view.write("swift.metadata_checksum", ByteBuffer.wrap("abc".getBytes(StandardCharsets.US_ASCII)));
        ByteBuffer buf = ByteBuffer.allocateDirect(64);
        try (NativeFile file = linux.openRead(target)) {
            assertThat(linux.getXattr(file, "user.swift.metadata_checksum", buf))
                    .isEqualTo(3);
            assertThat(linux.getXattr(file, "user.swift.metadata2", buf)).isEqualTo(-1);
            assertThat(linux.getXattr(file, "user.swift.metadata1", buf)).isEqualTo(3);
            assertThat(buf.position()).isEqualTo(6);
            buf.flip();
            assertThat(StandardCharsets.US_ASCII.decode(buf).toString()).isEqualTo("abc456");
        }
    }

    @Test
    void shouldSayWhenAnXattrDoesNotFitTheBuffer() throws Exception {
        Path target = dir.resolve("x");
        Files.writeString(target, "");
        Files.getFileAttributeView(target, UserDefinedFileAttributeView.class)
                .write("big", ByteBuffer.wrap(new byte[100]));
        try (NativeFile file = linux.openRead(target)) {
            assertThatThrownBy(() -> linux.getXattr(file, "user.big", ByteBuffer.allocateDirect(10)))
                    .isInstanceOf(FileSystemException.class)
                    .hasMessageContaining("Numerical result out of range");
        }
    }

    @Test
    void shouldReadThroughTheChannelOfAnOpenedFile() throws Exception {
        Path target = dir.resolve("r");
        Files.writeString(target, "hello");
        try (NativeFile file = linux.openRead(target)) {
            assertThat(file.channel().size()).isEqualTo(5);
            ByteBuffer buf = ByteBuffer.allocate(5);
            file.channel().read(buf, 0);
            assertThat(new String(buf.array(), StandardCharsets.US_ASCII)).isEqualTo("hello");
        }
    }

    @Test
    void shouldAcceptAWritebackHintForWrittenBytes() throws Exception {
        Path target = dir.resolve("w");
        try (NativeFile file = linux.openUnnamed(dir)) {
            file.channel().write(ByteBuffer.wrap(new byte[1 << 20]));
            linux.startWriteback(file, 0, 1 << 20);
            file.channel().force(true);
            linux.link(file, target);
        }
        assertThat(Files.size(target)).isEqualTo(1 << 20);
    }

    private static String read(UserDefinedFileAttributeView view, String name) throws Exception {
        ByteBuffer buf = ByteBuffer.allocate(view.size(name));
        view.read(name, buf);
        return new String(buf.array(), StandardCharsets.US_ASCII);
    }
}
