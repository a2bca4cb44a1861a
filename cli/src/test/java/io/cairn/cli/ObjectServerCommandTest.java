package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectServerCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new ObjectServerCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args));
    }

    @Test
    void shouldPrintUsageWhenConfigOptionMissing() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--config FILE");
    }

    @Test
    void shouldExitTwoWhenConfigFileMissing(@TempDir Path dir) {
        assertThat(run("--config", dir.resolve("nope.conf").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no config file");
    }

    @Test
    void shouldExitTwoClearlyWhenSwiftConfMissing(@TempDir Path dir) throws IOException {
        Path conf = Files.writeString(
                dir.resolve("object-server.conf"),
                "[DEFAULT]\nswift_dir = " + dir.resolve("etc") + "\nbind_port = 0\n[app:object-server]\n");
        assertThat(run("--config", conf.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("swift.conf");
    }
}
