package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one exit-code scheme of every long-running command. */
class ServerLauncherTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private final AtomicInteger closed = new AtomicInteger();
    private final ServerLauncher launcher = new ServerLauncher(
            new PrintStream(printed, true, StandardCharsets.UTF_8),
            new PrintStream(errors, true, StandardCharsets.UTF_8),
            (name, onStop) -> onStop.run());

    private ServerLauncher.Running running() {
        return new ServerLauncher.Running() {
            @Override
            public int port() {
                return 1234;
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
    }

    @Test
    void shouldExitZeroAndCloseWhenStopped() {
        assertThat(launcher.launch("x", this::running)).isEqualTo(ServerLauncher.EXIT_OK);
        assertThat(closed.get()).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("cairn x: stopping");
    }

    @Test
    void shouldExitTwoOnUsageAndConfigErrors() {
        assertThat(launcher.launch("x", () -> {
                    throw new ServerLauncher.UsageException("--config FILE is required");
                }))
                .isEqualTo(ServerLauncher.EXIT_USAGE);
        assertThat(launcher.launch("x", () -> {
                    throw new ConfigException("x.conf", "[app:x] bind_port = \"a\": not an integer");
                }))
                .isEqualTo(ServerLauncher.EXIT_USAGE);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("cairn x: --config FILE is required")
                .contains("cairn x: x.conf: [app:x] bind_port");
        assertThat(closed.get()).isZero();
    }

    @Test
    void shouldExitOneOnRuntimeFailures() {
        assertThat(launcher.launch("x", () -> {
                    throw new IOException("Address already in use");
                }))
                .isEqualTo(ServerLauncher.EXIT_FAILURE);
        assertThat(launcher.launch("x", () -> {
                    throw new IllegalStateException("bind failed");
                }))
                .isEqualTo(ServerLauncher.EXIT_FAILURE);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("cairn x: Address already in use")
                .contains("cairn x: bind failed");
    }
}
