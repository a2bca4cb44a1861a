package io.cairn.replicator.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ring.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbWalkerTest {
    private static final Device SDA = new Device(0, 1, 1, "127.0.0.1", 6201, "127.0.0.1", 6201, "sda", 1.0, "");

    @TempDir
    Path datadir;

    @Test
    void shouldYieldDbsAndSkipOddHashDirsWhenWalking() throws Exception {
        Path db = hashDir("7", "abc", "0123abc").resolve("0123abc.db");
        Files.writeString(db, "db");
        Path pendingOnly = hashDir("7", "def", "0456def");
        Files.writeString(pendingOnly.resolve("0456def.db.pending"), ":x");
        Path emptyHash = hashDir("9", "fff", "0789fff");
        Files.createDirectories(datadir.resolve("12").resolve("aaa"));
        Files.createDirectories(datadir.resolve("not-a-partition").resolve("abc"));

        List<DbWalker.Found> found = new ArrayList<>();
        Iterator<DbWalker.Found> walk = DbWalker.walk(datadir, SDA);
        walk.forEachRemaining(found::add);

        assertThat(found).containsExactly(new DbWalker.Found(7, db, SDA));
        assertThat(pendingOnly).exists();
        assertThat(emptyHash).doesNotExist();
        assertThat(datadir.resolve("12").resolve("aaa")).doesNotExist();
        assertThat(datadir.resolve("not-a-partition")).exists();
    }

    @Test
    void shouldYieldNothingWhenTheDatadirIsMissing() {
        assertThat(DbWalker.walk(datadir.resolve("missing"), SDA).hasNext()).isFalse();
    }

    @Test
    void shouldRecognisePartitionNamesAsSwiftDoes() {
        assertThat(DbWalker.looksLikePartition("0")).isTrue();
        assertThat(DbWalker.looksLikePartition("1023")).isTrue();
        assertThat(DbWalker.looksLikePartition("-1")).isFalse();
        assertThat(DbWalker.looksLikePartition("tmp")).isFalse();
        assertThat(DbWalker.looksLikePartition("")).isFalse();
    }

    private Path hashDir(String part, String suffix, String hash) throws Exception {
        Path dir = datadir.resolve(part).resolve(suffix).resolve(hash);
        Files.createDirectories(dir);
        return dir;
    }
}
