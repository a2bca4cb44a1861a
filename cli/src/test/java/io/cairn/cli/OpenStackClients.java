package io.cairn.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's {@code openstack} (OSC 6.0), {@code glance} (glanceclient 4.1) and {@code nova} (novaclient 18.1) against a cloud, with the
 * environment of one of its openrc files, a private {@code HOME} (glanceclient caches the image schema there) and a
 * timeout. Missing clients → the test fails (CI installs them).
 */
final class OpenStackClients {
    private static final long TIMEOUT_SECONDS = 120;

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {
        Result ok(String what) {
            if (exitCode != 0) {
                throw new AssertionError(what + " exited " + exitCode + "\nstdout: " + out + "\nstderr: " + err);
            }
            return this;
        }
    }

    private final Map<String, String> env;
    private final Path home;

    OpenStackClients(Path openrc, Path home) throws IOException {
        this.env = parse(openrc);
        this.home = home;
    }

    /** The same credentials with one variable changed (a wrong password, another project). */
    OpenStackClients with(String key, String value) {
        OpenStackClients c = new OpenStackClients(new LinkedHashMap<>(env), home);
        c.env.put(key, value);
        return c;
    }

    private OpenStackClients(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    String env(String key) {
        return env.getOrDefault(key, "");
    }

    Result openstack(String... args) throws IOException, InterruptedException {
        return run("/usr/bin/openstack", args);
    }

    Result glance(String... args) throws IOException, InterruptedException {
        return run("/usr/bin/glance", args);
    }

    /**
     * {@code glance} with {@code input} as its stdin: {@code image-create-via-import} refuses {@code --file} when stdin
     * is not a terminal (it would read both), so the data goes in this way.
     */
    Result glanceReading(Path input, String... args) throws IOException, InterruptedException {
        return run("/usr/bin/glance", input, args);
    }

    /** Debian's {@code swift} (python-swiftclient 4.1), authenticating with the same {@code OS_*} variables. */
    Result swift(String... args) throws IOException, InterruptedException {
        return run("/usr/bin/swift", args);
    }

    /** Debian's {@code nova} (novaclient 18.1): negotiates the highest microversion the cloud advertises. */
    Result nova(String... args) throws IOException, InterruptedException {
        return run("/usr/bin/nova", args);
    }

    private Result run(String executable, String... args) throws IOException, InterruptedException {
        return run(executable, Path.of("/dev/null"), args);
    }

    private Result run(String executable, Path stdin, String... args) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(executable))) {
            throw new AssertionError(executable
                    + " is missing: install python3-openstackclient python3-glanceclient python3-novaclient");
        }
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("OS_") || k.endsWith("_proxy") || k.endsWith("_PROXY"));
        pb.environment().putAll(env);
        pb.environment().put("HOME", home.toString());
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        // both clients upload stdin when it is not a terminal and no --file is given: give them an empty one
        pb.redirectInput(ProcessBuilder.Redirect.from(stdin.toFile()));
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " ran over " + TIMEOUT_SECONDS + " s");
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

    private static Map<String, String> parse(Path openrc) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(openrc, StandardCharsets.UTF_8)) {
            if (line.startsWith("export ")) {
                String kv = line.substring("export ".length());
                int eq = kv.indexOf('=');
                env.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return env;
    }
}
