package io.cairn.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs real S3 clients against a proxy's S3 API, path style, with a timeout, capturing their output: the AWS CLI
 * ({@code aws}), {@code s3cmd}, {@code rclone}'s s3 backend and boto3 scripts through Debian's {@code
 * /usr/bin/python3}. Each client gets its own configuration in the work directory; credentials are a tempauth
 * user's ({@code account:user} and its key). A missing client fails the test (CI installs them).
 *
 * <p>Thread-safety: immutable; each run starts its own process.
 */
final class S3Clients {
    private static final long TIMEOUT_SECONDS = 120;

    private final String endpoint;
    private final String accessKey;
    private final String secretKey;
    private final Path work;

    S3Clients(int port, String accessKey, String secretKey, Path work) {
        this.endpoint = "http://127.0.0.1:" + port;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.work = work;
    }

    /** The same clients as another user. */
    S3Clients as(String otherAccessKey, String otherSecretKey) {
        return new S3Clients(
                Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1)),
                otherAccessKey,
                otherSecretKey,
                work);
    }

    String endpoint() {
        return endpoint;
    }

    /** {@code aws --endpoint-url … args} (path-style addressing, us-east-1). */
    SwiftCli.Result aws(String... args) throws IOException, InterruptedException {
        Path config = work.resolve("aws-config-" + accessKey.replace(':', '_'));
        Files.writeString(config, "[default]\nregion = us-east-1\ns3 =\n    addressing_style = path\n");
        List<String> cmd = new ArrayList<>(List.of(executable("aws"), "--endpoint-url", endpoint));
        cmd.addAll(List.of(args));
        return run(
                cmd,
                Map.of(
                        "AWS_CONFIG_FILE",
                        config.toString(),
                        "AWS_SHARED_CREDENTIALS_FILE",
                        work.resolve("no-credentials").toString(),
                        "AWS_ACCESS_KEY_ID",
                        accessKey,
                        "AWS_SECRET_ACCESS_KEY",
                        secretKey));
    }

    /** {@code s3cmd} with a config pointing at the endpoint (path style). */
    SwiftCli.Result s3cmd(String... args) throws IOException, InterruptedException {
        Path config = work.resolve("s3cmd-" + accessKey.replace(':', '_') + ".cfg");
        String host = endpoint.substring("http://".length());
        Files.writeString(
                config,
                "[default]\naccess_key = " + accessKey + "\nsecret_key = " + secretKey
                        + "\nhost_base = " + host + "\nhost_bucket = " + host + "\nuse_https = False\n"
                        + "signature_v2 = False\nbucket_location = us-east-1\n");
        List<String> cmd = new ArrayList<>(List.of(executable("s3cmd"), "-c", config.toString()));
        cmd.addAll(List.of(args));
        return run(cmd, Map.of());
    }

    /** {@code rclone} with a remote {@code cairn:} of type s3 (provider Other, path style). */
    SwiftCli.Result rclone(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                executable("rclone"), "--config", work.resolve("rclone.conf").toString()));
        cmd.addAll(List.of(args));
        return run(
                cmd,
                Map.of(
                        "RCLONE_CONFIG_CAIRN_TYPE", "s3",
                        "RCLONE_CONFIG_CAIRN_PROVIDER", "Other",
                        "RCLONE_CONFIG_CAIRN_ENDPOINT", endpoint,
                        "RCLONE_CONFIG_CAIRN_ACCESS_KEY_ID", accessKey,
                        "RCLONE_CONFIG_CAIRN_SECRET_ACCESS_KEY", secretKey,
                        "RCLONE_CONFIG_CAIRN_FORCE_PATH_STYLE", "true",
                        "RCLONE_CONFIG_CAIRN_REGION", "us-east-1"));
    }

    /**
     * A boto3 script through {@link #python3}: the script sees {@code s3} (a client for the endpoint,
     * path style) and {@code sys.argv[1:]} = {@code args}.
     */
    SwiftCli.Result boto3(String script, String... args) throws IOException, InterruptedException {
        Path file = Files.writeString(
                work.resolve("boto3-script.py"),
                "import sys, boto3, botocore\n"
                        + "from botocore.config import Config\n"
                        + "s3 = boto3.client('s3', endpoint_url='" + endpoint + "', aws_access_key_id='" + accessKey
                        + "', aws_secret_access_key='" + secretKey + "', region_name='us-east-1',"
                        + " config=Config(s3={'addressing_style': 'path'}, retries={'max_attempts': 1}))\n" + script);
        List<String> cmd = new ArrayList<>(List.of(python3(), file.toString()));
        cmd.addAll(List.of(args));
        return run(cmd, Map.of());
    }

    private static volatile @org.jspecify.annotations.Nullable String python3;

    /**
     * Debian's {@code /usr/bin/python3} when it has boto3 (as {@code .ci/run} installs it), else the first {@code
     * python3} on the PATH that has it (a machine whose boto3 lives in another Python).
     */
    static String python3() throws IOException, InterruptedException {
        String known = python3;
        if (known != null) {
            return known;
        }
        List<String> candidates = new ArrayList<>(List.of("/usr/bin/python3"));
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(":")) {
            candidates.add(Path.of(dir, "python3").toString());
        }
        for (String c : candidates) {
            if (!Files.isExecutable(Path.of(c))) {
                continue;
            }
            Process p = new ProcessBuilder(c, "-c", "import boto3, requests")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                python3 = c;
                return c;
            }
            p.destroyForcibly();
        }
        python3 = "/usr/bin/python3";
        return python3;
    }

    /** {@code python3 script args…} (the Python {@link #python3} picks). */
    SwiftCli.Result python(Path script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python3(), script.toString()));
        cmd.addAll(List.of(args));
        return run(cmd, Map.of());
    }

    private static String executable(String name) {
        for (String dir : List.of("/usr/bin", "/usr/local/bin")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(":")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new AssertionError(name + " is missing: install it (.ci/run does)");
    }

    private SwiftCli.Result run(List<String> command, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("RCLONE_"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(work, "s3-out", ".txt");
        Path err = Files.createTempFile(work, "s3-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " ran over " + TIMEOUT_SECONDS + " s");
            }
            return new SwiftCli.Result(
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
