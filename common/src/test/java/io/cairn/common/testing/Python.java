package io.cairn.common.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's Python ({@code /usr/bin/python3}, which has the {@code swift} modules that {@code .ci/run}
 * installs) for golden and interop tests. The script comes on the command line; stdin is optional bytes.
 */
public final class Python {
    /** Debian's interpreter: the first python3 on PATH may lack Debian's modules. */
    public static final String INTERPRETER = "/usr/bin/python3";

    private Python() {}

    /** Runs {@code script} with {@code args}, feeding {@code stdin}; returns stdout, failing on a non-zero exit. */
    public static byte[] run(String script, byte[] stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add(INTERPRETER);
        command.add("-c");
        command.add(script);
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errPump = new Thread(() -> copy(p.getErrorStream(), err), "python-stderr");
            errPump.start();
            try (var in = p.getOutputStream()) {
                in.write(stdin);
            }
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("python did not finish in 120 s");
            }
            errPump.join();
            if (p.exitValue() != 0) {
                throw new AssertionError(
                        "python exited " + p.exitValue() + ": " + err.toString(StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs {@code script} with no stdin and returns stdout as UTF-8 text. */
    public static String runText(String script, String... args) {
        return new String(run(script, new byte[0], args), StandardCharsets.UTF_8);
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            // the process died; its exit code tells the story
        }
    }
}
