package io.cairn.common.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's real {@code /usr/bin/swift-ring-builder} (Swift 2.30.1) for interop tests of builder files. Its
 * exit codes: 0 success, 1 a warning (e.g. imperfect balance after a rebalance, or nothing could be moved), 2 an
 * error.
 */
public final class SwiftRingBuilder {
    public static final String EXECUTABLE = "/usr/bin/swift-ring-builder";

    /** What one run printed and returned. */
    public record Result(int exitCode, String output) {
        /** This result, failing unless the exit code is 0 or 1 (a warning). */
        public Result succeeded() {
            if (exitCode != 0 && exitCode != 1) {
                throw new AssertionError("swift-ring-builder exited " + exitCode + ":\n" + output);
            }
            return this;
        }
    }

    private SwiftRingBuilder() {}

    /** {@code swift-ring-builder BUILDER ARGS...}, with stdout and stderr together in {@link Result#output}. */
    public static Result run(Path builder, String... args) {
        List<String> command = new ArrayList<>();
        command.add(EXECUTABLE);
        command.add(builder.toString());
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command)
                    .directory(builder.toAbsolutePath().getParent().toFile())
                    .redirectErrorStream(true)
                    .start();
            p.getOutputStream().close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = p.getInputStream()) {
                in.transferTo(out);
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("swift-ring-builder did not finish in 120 s");
            }
            return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
