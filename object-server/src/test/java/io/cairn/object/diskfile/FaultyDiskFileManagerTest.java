package io.cairn.object.diskfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.path.HashPath;
import io.cairn.object.diskfile.memory.MemoryDiskFileManager;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultyDiskFileManagerTest {
    final FaultyDiskFileManager faulty = new FaultyDiskFileManager(
            new MemoryDiskFileManager(HashPath.of("", "x"), Clock.systemUTC(), 604800, List.of("sda")));

    @Test
    void shouldThrowTheProgrammedErrorOnTheNthCallThenRecover() throws IOException {
        IOException boom = new IOException("EIO");
        faulty.failOnCall(2, boom);
        DiskFile df = faulty.diskFile("sda", 1, "a", "c", "o", 0);
        assertThatThrownBy(df::open).isSameAs(boom);
        assertThatThrownBy(df::open).isInstanceOf(DiskFileNotExist.class);
    }

    @Test
    void shouldThrowOnceTheByteBudgetIsExceededWhenWriting() throws IOException {
        IOException boom = new IOException("EIO mid-body");
        faulty.failAfterBytes(10, boom);
        DiskFile df = faulty.diskFile("sda", 1, "a", "c", "o", 0);
        try (DiskFileWriter w = df.writer(-1)) {
            w.write(ByteBuffer.allocate(8));
            assertThatThrownBy(() -> w.write(ByteBuffer.allocate(8))).isSameAs(boom);
            assertThat(w.bytesWritten()).isEqualTo(8);
        }
    }
}
