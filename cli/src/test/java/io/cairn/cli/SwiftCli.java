package io.cairn.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's {@code swift} command line client ({@code python3-swiftclient}) against a proxy, with a
 * timeout, capturing its output. Missing client → the test fails (CI installs it).
 *
 * <p>Thread-safety: immutable; each {@link #run} starts its own process.
 */
final class SwiftCli {
    static final Path EXECUTABLE = Path.of("/usr/bin/swift");
    private static final long TIMEOUT_SECONDS = 60;

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {
        Result requireSuccess(String what) {
            if (exitCode != 0) {
                throw new AssertionError(what + " exited " + exitCode + "\nstdout: " + out + "\nstderr: " + err);
            }
            return this;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    private final List<String> authArgs;
    private final Path workDir;

    private SwiftCli(List<String> authArgs, Path workDir) {
        this.authArgs = List.copyOf(authArgs);
        this.workDir = workDir;
    }

    /** A client authenticating (v1.0) as {@code user} with {@code key} at {@code authUrl}, run in {@code workDir}. */
    static SwiftCli withPassword(String authUrl, String user, String key, Path workDir) {
        return new SwiftCli(List.of("-V", "1", "-A", authUrl, "-U", user, "-K", key), workDir);
    }

    /** A client that only has {@code token} for {@code storageUrl} (no way to re-authenticate). */
    static SwiftCli withToken(String storageUrl, String token, Path workDir) {
        return new SwiftCli(List.of("--os-storage-url", storageUrl, "--os-auth-token", token), workDir);
    }

    /** {@code swift <auth options> args…}. */
    Result run(String... args) throws IOException, InterruptedException {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new AssertionError(EXECUTABLE + " is missing: install python3-swiftclient");
        }
        List<String> command = new ArrayList<>();
        command.add(EXECUTABLE.toString());
        command.addAll(authArgs);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("ST_") || k.startsWith("OS_"));
        Path out = Files.createTempFile(workDir, "swift-out", ".txt");
        Path err = Files.createTempFile(workDir, "swift-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("swift " + String.join(" ", args) + " ran over " + TIMEOUT_SECONDS + " s");
            }
            return new Result(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
