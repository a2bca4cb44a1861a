package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad configuration value makes every server command exit 2 with one line naming the file, the key, the value
 * and the reason, before anything is started (the account and container servers used to exit 1 on a ring size
 * that was not a power of two).
 */
class ConfigExitCodeTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cairn(String... args) {
        return CairnMain.run(
                args,
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldExitTwoNamingTheKeyWhenTheAccountServersRingSizeIsNotAPowerOfTwo(@TempDir Path dir) throws IOException {
        Path conf = Files.writeString(
                dir.resolve("account-server.conf"), "[app:account-server]\ngroup_commit_ring_size = 1000\n");
        assertThat(cairn("account-server", "--config", conf.toString())).isEqualTo(2);
        assertThat(stderr())
                .contains("cairn account-server: ")
                .contains("group_commit_ring_size = \"1000\": must be a power of two");
    }

    @Test
    void shouldExitTwoNamingTheOldKeyWhenADeprecatedNameHasABadValue(@TempDir Path dir) throws IOException {
        Path conf =
                Files.writeString(dir.resolve("account-server.conf"), "[app:account-server]\ncommit_ring_size = 3\n");
        assertThat(cairn("account-server", "--config", conf.toString())).isEqualTo(2);
        assertThat(stderr()).contains("commit_ring_size = \"3\": must be a power of two");
    }

    @Test
    void shouldExitTwoNamingTheKeyWhenTheContainerServersRingSizeIsNotAPowerOfTwo(@TempDir Path dir)
            throws IOException {
        Path conf = Files.writeString(
                dir.resolve("container-server.conf"),
                "[DEFAULT]\ngroup_commit_ring_size = 100\n[app:container-server]\n");
        assertThat(cairn("container-server", "--config", conf.toString())).isEqualTo(2);
        assertThat(stderr()).contains("group_commit_ring_size = \"100\": must be a power of two");
    }

    @Test
    void shouldExitTwoNamingTheKeyAndRangeWhenANodeConfValueIsOutOfRange(@TempDir Path dir) throws IOException {
        Path conf = Files.writeString(dir.resolve("node.conf"), "[object-server]\ndevice_threads = 0\n");
        assertThat(cairn("node", "--config", conf.toString())).isEqualTo(2);
        assertThat(stderr()).contains("[object-server] device_threads = \"0\": expected an integer in [1, 256]");
    }

    @Test
    void shouldExitTwoNamingTheKeyWhenTheProxysValueIsMalformed(@TempDir Path dir) throws IOException {
        Path conf =
                Files.writeString(dir.resolve("proxy-server.conf"), "[app:proxy-server]\nrequest_node_count = many\n");
        assertThat(cairn("proxy", "--config", conf.toString())).isEqualTo(2);
        assertThat(stderr()).contains("request_node_count = \"many\": expected a positive integer or '<N> * replicas'");
    }
}
