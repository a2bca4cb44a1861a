package io.cairn.common.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {
    @TempDir
    Path dir;

    @Test
    void shouldCreateMissingParentsWhenRenamingInto() throws Exception {
        Path tmp = dir.resolve("tmp");
        Files.writeString(tmp, "data", StandardCharsets.UTF_8);
        DurableFiles.fsync(tmp);
        Path target = dir.resolve("objects/1/abc/hash/1.data");

        DurableFiles.renameInto(tmp, target);

        assertThat(target).hasContent("data");
        assertThat(tmp).doesNotExist();
    }

    @Test
    void shouldReportOnlyTheDirectoriesItCreated() throws Exception {
        Files.createDirectories(dir.resolve("a"));
        List<Path> created = DurableFiles.createDirectories(dir.resolve("a/b/c"));
        assertThat(created)
                .containsExactly(
                        dir.resolve("a/b").toAbsolutePath(),
                        dir.resolve("a/b/c").toAbsolutePath());
        assertThat(DurableFiles.createDirectories(dir.resolve("a/b/c"))).isEmpty();
    }

    @Test
    void shouldReplaceAnExistingTargetWhenRenaming() throws Exception {
        Path target = dir.resolve("t");
        Files.writeString(target, "old", StandardCharsets.UTF_8);
        Path tmp = dir.resolve("n");
        Files.writeString(tmp, "new", StandardCharsets.UTF_8);
        DurableFiles.renameInto(tmp, target);
        assertThat(target).hasContent("new");
    }
}
