package io.cairn.cli;

import io.cairn.common.http.AccessLogSink;
import io.cairn.common.http.LoopbackPorts;
import io.cairn.compute.ComputeServices;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * {@code cairn cloud [--data DIR] [--port P] [--api-port A] [--database-url URL] [--compute-driver D]}: {@code
 * cairn saio}'s storage cluster (proxy on {@code P}) plus the compute add-on's identity (Keystone v3 subset), image
 * (Glance v2) and compute (Nova v2.1 subset: API, scheduler and one agent, driver {@code qemu} when QEMU is
 * installed, else {@code fake}; {@code --compute-driver} picks) APIs on {@code A} (default {@code P + 1}), in one
 * JVM. Image bytes go to container {@code glance} of the admin
 * project's Swift account {@code AUTH_<admin project id>}; the image API writes there as the SAIO's reseller admin
 * ({@code admin:admin}). The proxy accepts the identity service's tokens too ({@code authtoken} + {@code
 * keystoneauth} before tempauth, same signing key): {@code openstack container/object ...} work on {@code
 * AUTH_<project id>}. Writes {@code DIR/etc/openrc} (admin) and {@code DIR/etc/openrc-demo} for the OpenStack
 * CLIs; secrets (passwords, token signing key) are made on first start and kept in {@code DIR/etc/cloud.secrets}.
 *
 * <p>Not thread-safe; one instance per invocation.
 */
final class CloudCommand {
    static final String USAGE = "usage: cairn cloud [--data DIR] [--port 8080] [--api-port PORT]"
            + " [--database-url jdbc:postgresql://...] [--database-user U] [--database-password P]"
            + " [--compute-driver auto|qemu|fake]";
    static final String SECRETS = "cloud.secrets";

    private final PrintStream out;
    private final PrintStream err;
    private final NodeDaemons daemons;

    CloudCommand(PrintStream out, PrintStream err, NodeDaemons daemons) {
        this.out = out;
        this.err = err;
        this.daemons = daemons;
    }

    int run(List<String> args, ServerLauncher launcher) {
        return launcher.launch("cloud", () -> start(args));
    }

    /** Parsed arguments. */
    record Options(
            Path data,
            int port,
            int apiPort,
            @Nullable String databaseUrl,
            @Nullable String databaseUser,
            @Nullable String databasePassword,
            String computeDriver) {
        Options withApiPort(int p) {
            return new Options(data, port, p, databaseUrl, databaseUser, databasePassword, computeDriver);
        }
    }

    static Options parse(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String key = args.get(i);
            if (!List.of(
                            "--data",
                            "--port",
                            "--api-port",
                            "--database-url",
                            "--database-user",
                            "--database-password",
                            "--compute-driver")
                    .contains(key)) {
                throw new ServerLauncher.UsageException("unexpected argument '" + key + "'\n" + USAGE);
            }
            if (i + 1 >= args.size()) {
                throw new ServerLauncher.UsageException("missing value for " + key + "\n" + USAGE);
            }
            values.put(key, args.get(i + 1));
        }
        int port = number(values.getOrDefault("--port", "8080"), "--port");
        int apiPort = values.containsKey("--api-port")
                ? number(values.get("--api-port"), "--api-port")
                : port == 0 ? 0 : port + 1;
        return new Options(
                Path.of(values.getOrDefault("--data", "cloud-data")).toAbsolutePath(),
                port,
                apiPort,
                values.get("--database-url"),
                values.get("--database-user"),
                values.get("--database-password"),
                computeDriver(values.getOrDefault("--compute-driver", "auto")));
    }

    private static String computeDriver(String value) {
        if (!List.of("auto", "qemu", "fake").contains(value)) {
            throw new ServerLauncher.UsageException("--compute-driver is auto, qemu or fake, got " + value);
        }
        return value;
    }

    private static int number(@Nullable String value, String flag) {
        try {
            int n = Integer.parseInt(String.valueOf(value));
            if (n < 0 || n > 65535) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ServerLauncher.UsageException(flag + " needs a port number, got " + value);
        }
    }

    ServerLauncher.Running start(List<String> args) throws IOException, InterruptedException {
        return start(args, Map.of());
    }

    /** As {@link #start(List)}, with compute settings added or overridden (tests: small DLO segments). */
    ServerLauncher.Running start(List<String> args, Map<String, String> extraComputeSettings)
            throws IOException, InterruptedException {
        Options parsed = parse(args);
        // the proxy polls the identity service's deny list, so it needs the API's port before either starts
        Options o = parsed.apiPort() != 0 ? parsed : parsed.withApiPort(LoopbackPorts.pickFree());
        Files.createDirectories(o.data().resolve("etc"));
        Properties secrets = secrets(o.data().resolve("etc").resolve(SECRETS));
        AccessLogSink accessLog = AccessLogSink.toLogger(ProxyCommand.ACCESS_LOGGER);
        SaioCluster cluster;
        try {
            cluster = SaioCluster.startCloud(
                    o.data(),
                    "127.0.0.1",
                    o.port(),
                    accessLog,
                    daemons,
                    new SaioCluster.KeystoneFilters(
                            secrets.getProperty("token_signing_key"),
                            "http://127.0.0.1:" + o.apiPort() + "/identity/v3",
                            "admin",
                            secrets.getProperty("admin_password"),
                            "admin"));
        } catch (IOException | InterruptedException | RuntimeException e) {
            accessLog.close();
            throw e;
        }
        ComputeServices compute;
        try {
            Map<String, String> settings = computeSettings(o, secrets, cluster.proxyPort());
            settings.putAll(extraComputeSettings);
            compute = ComputeServices.start(settings);
        } catch (RuntimeException e) {
            cluster.close();
            accessLog.close();
            throw e;
        }
        String authUrl = "http://127.0.0.1:" + compute.port() + "/identity/v3";
        writeOpenrc(o.data().resolve("etc/openrc"), authUrl, "admin", secrets.getProperty("admin_password"), "admin");
        writeOpenrc(o.data().resolve("etc/openrc-demo"), authUrl, "demo", secrets.getProperty("demo_password"), "demo");
        banner(o, cluster.proxyPort(), compute.port(), compute.computeDriver());
        return ServerLauncher.Running.of(cluster::proxyPort, () -> {
            compute.close();
            cluster.close();
            accessLog.close();
        });
    }

    /** The compute add-on's settings for this cloud (keys of its config records). */
    static Map<String, String> computeSettings(Options o, Properties secrets, int proxyPort) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("server.port", String.valueOf(o.apiPort()));
        s.put("server.address", "127.0.0.1");
        String url = o.databaseUrl();
        s.put(
                "cairn.database.url",
                url != null ? url : "jdbc:sqlite:" + o.data().resolve("compute.db"));
        if (o.databaseUser() != null) {
            s.put("cairn.database.username", o.databaseUser());
        }
        if (o.databasePassword() != null) {
            s.put("cairn.database.password", o.databasePassword());
        }
        s.put("cairn.identity.signing-key", secrets.getProperty("token_signing_key"));
        s.put("cairn.identity.admin-password", secrets.getProperty("admin_password"));
        s.put("cairn.identity.demo-password", secrets.getProperty("demo_password"));
        s.put("cairn.storage.url", "http://127.0.0.1:" + proxyPort);
        // the SAIO's reseller admin (SaioCluster.USERS) may write into AUTH_<admin project id>
        s.put("cairn.storage.auth-user", "admin:admin");
        s.put("cairn.storage.auth-key", "admin");
        s.put("cairn.compute.driver", o.computeDriver());
        s.put("cairn.compute.instances-path", o.data().resolve("instances").toString());
        return s;
    }

    /** Secrets made on first start and kept (mode 600), so openrc files and tokens survive restarts. */
    static Properties secrets(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
            return p;
        }
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[32];
        random.nextBytes(key);
        p.setProperty("token_signing_key", Base64.getEncoder().encodeToString(key));
        p.setProperty("admin_password", randomHex(random, 12));
        p.setProperty("demo_password", randomHex(random, 12));
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream os = Files.newOutputStream(file)) {
            p.store(os, "cairn cloud secrets: token signing key and bootstrap passwords");
        }
        return p;
    }

    private static String randomHex(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static void writeOpenrc(Path file, String authUrl, String user, String password, String project)
            throws IOException {
        String text = "# cairn cloud: source this file, then use the openstack / glance CLIs\n"
                + "export OS_AUTH_URL=" + authUrl + "\n"
                + "export OS_USERNAME=" + user + "\n"
                + "export OS_PASSWORD=" + password + "\n"
                + "export OS_PROJECT_NAME=" + project + "\n"
                + "export OS_USER_DOMAIN_NAME=Default\n"
                + "export OS_PROJECT_DOMAIN_NAME=Default\n"
                + "export OS_IDENTITY_API_VERSION=3\n"
                + "export OS_IMAGE_API_VERSION=2\n"
                + "export OS_REGION_NAME=RegionOne\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private void banner(Options o, int proxyPort, int apiPort, String driver) {
        out.println("cairn cloud: storage (1 proxy, " + SaioCluster.NODES + " storage nodes) + identity + image"
                + " + compute; data in " + o.data());
        out.println("  object store (Swift API): http://127.0.0.1:" + proxyPort
                + "/v1/AUTH_<project id>  (identity tokens;" + " tempauth users as cairn saio)");
        out.println("  identity (Keystone v3):   http://127.0.0.1:" + apiPort + "/identity/v3");
        out.println("  image (Glance v2):        http://127.0.0.1:" + apiPort + "/image");
        out.println("  compute (Nova v2.1):      http://127.0.0.1:" + apiPort + "/compute/v2.1  (driver " + driver
                + ", asked: " + o.computeDriver() + ")");
        out.println("  credentials: " + o.data().resolve("etc/openrc") + " (admin), "
                + o.data().resolve("etc/openrc-demo") + " (demo)");
        out.println(
                "  try:  . " + o.data().resolve("etc/openrc") + " && openstack image list && openstack container list");
        out.println("  Ctrl-C stops it; data stays in " + o.data());
        out.flush();
        err.flush();
    }
}
