package io.cairn.object.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncPendingStoreTest {
    @TempDir
    Path dev;

    @Test
    void shouldTitleCaseHeaderNamesAsHeaderKeyDictDoes() {
        assertThat(AsyncPendingStore.titleCase("x-object-meta-a1b")).isEqualTo("X-Object-Meta-A1B");
        assertThat(AsyncPendingStore.titleCase("X-ETAG")).isEqualTo("X-Etag");
    }

    @Test
    void shouldRoundTripThroughTheFileWhenWritten() throws IOException {
        AsyncUpdate u = new AsyncUpdate(
                "DELETE", "a", "c", "o\u2603", Map.of("x-timestamp", "1400000000.00000_0000000000000001"), "a/shard");
        String hash = "0123456789abcdef0123456789abcfff";
        Path file = AsyncPendingStore.write(dev.resolve("async_pending"), dev.resolve("tmp"), hash, u);
        assertThat(file).isEqualTo(dev.resolve("async_pending/fff/" + hash + "-1400000000.00000_0000000000000001"));
        List<AsyncPendingStore.Pending> all = AsyncPendingStore.list(dev.resolve("async_pending"));
        assertThat(all).hasSize(1);
        AsyncUpdate back = all.get(0).update();
        assertThat(back.object()).isEqualTo("o\u2603");
        assertThat(back.containerPath()).isEqualTo("a/shard");
        assertThat(back.headers()).containsEntry("X-Timestamp", "1400000000.00000_0000000000000001");
        try (var s = Files.list(dev.resolve("tmp"))) {
            assertThat(s.count()).isZero();
        }
    }
}
