package io.cairn.object.hashes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The map's lazy rehash, persistence, and Swift's files in python-shares-disk mode. */
class SuffixHashStoreTest {
    @TempDir
    Path dev;

    final AtomicInteger rehashes = new AtomicInteger();

    SuffixRehasher fake() {
        return dir -> {
            rehashes.incrementAndGet();
            return Files.isDirectory(dir) ? "0123456789abcdef0123456789abcdef" : null;
        };
    }

    @Test
    void shouldRehashOnlyInvalidatedSuffixesAndSurviveReopening() throws IOException {
        Path part = dev.resolve("objects/5");
        Files.createDirectories(part.resolve("abc"));
        Files.createDirectories(part.resolve("def"));
        try (SuffixHashStore store = SuffixHashStore.open(dev, 128, false, Clock.systemUTC())) {
            assertThat(store.suffixHashes(0, 5, part, List.of(), fake())).containsOnlyKeys("abc", "def");
            assertThat(rehashes.get()).isEqualTo(2);
            store.suffixHashes(0, 5, part, List.of(), fake());
            assertThat(rehashes.get()).isEqualTo(2);
            store.invalidate(0, 5, part, "abc");
        }
        try (SuffixHashStore store = SuffixHashStore.open(dev, 128, false, Clock.systemUTC())) {
            store.suffixHashes(0, 5, part, List.of("zzz", "def"), fake());
            assertThat(rehashes.get()).isEqualTo(4); // abc (invalidated before close) and def (recalculate)
        }
    }

    @Test
    void shouldWriteSwiftsFilesWhenPythonSharesTheDisk() throws IOException {
        Path part = dev.resolve("objects-2/9");
        Files.createDirectories(part.resolve("abc"));
        try (SuffixHashStore store = SuffixHashStore.open(dev, 128, true, Clock.systemUTC())) {
            store.invalidate(2, 9, part, "abc");
            assertThat(Files.readString(part.resolve("hashes.invalid"))).isEqualTo("abc\n");
            Map<String, String> hashes = store.suffixHashes(2, 9, part, List.of(), fake());
            SwiftHashesFiles.Pkl pkl = java.util.Objects.requireNonNull(SwiftHashesFiles.readPkl(part));
            assertThat(pkl.valid()).isTrue();
            assertThat(pkl.suffixes()).isEqualTo(hashes);
            assertThat(Files.readString(part.resolve("hashes.invalid"))).isEmpty();
        }
    }

    @Test
    void shouldAnswerEmptyWhenThePartitionDoesNotExist() throws IOException {
        try (SuffixHashStore store = SuffixHashStore.open(dev, 128, false, Clock.systemUTC())) {
            assertThat(store.suffixHashes(0, 1, dev.resolve("objects/1"), List.of(), fake()))
                    .isEmpty();
        }
    }
}
