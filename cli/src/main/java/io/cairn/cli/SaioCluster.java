package io.cairn.cli;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.IniFile;
import io.cairn.common.config.SwiftConf;
import io.cairn.common.http.LoopbackPorts;
import io.cairn.common.http.Transport;
import io.cairn.proxy.pipeline.AccessPolicy;
import io.cairn.proxy.routing.ProxyRings;
import io.cairn.proxy.server.ProxyAuth;
import io.cairn.proxy.server.ProxyConfig;
import io.cairn.proxy.server.ProxyPipeline;
import io.cairn.proxy.server.ProxyServer;
import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import io.cairn.ring.RingLoader;
import io.cairn.ring.builder.DeviceSpec;
import io.cairn.ring.builder.RingBuilder;
import io.cairn.ring.format.RingFileWriter;
import io.cairn.ring.policy.PolicyException;
import io.cairn.ring.policy.StoragePolicies;
import io.cairn.ring.policy.StoragePolicy;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Swift-All-In-One cluster in this JVM: one proxy and four storage nodes (object, container and account
 * server each) on loopback, Swift's SAIO layout under one data directory.
 *
 * <p>{@code DIR/etc} holds {@code swift.conf} (random hash prefix and suffix on first start; Swift's SAIO
 * storage policies {@code gold}, index 0 and default, and {@code silver}, index 1, unless others are asked for),
 * the rings ({@code account|container.ring.gz} and one {@code object[-N].ring.gz} per policy, part power 10, 3
 * replicas, 4 zones, one device per node, every object ring on the same object server ports; and their {@code
 * .builder} files) and the servers' configs; devices are {@code DIR/srv/nodeN/sdbN}. Storage
 * servers take free loopback ports on first start; the rings record them and later starts reuse them.
 * Everything written on first start is read back from disk, on every start, so what runs is what the files
 * say. A data directory made before policies existed here (one policy, {@code Policy-0}) keeps its {@code
 * swift.conf}; an object ring missing for a policy {@code swift.conf} names is built on start.
 *
 * <p>Thread-safety: {@link #start} and {@link #close} from one owner thread.
 */
final class SaioCluster implements AutoCloseable {
    static final int NODES = 4;
    static final int PART_POWER = 10;
    static final int REPLICAS = 3;
    /** Swift's SAIO policies ({@code doc/saio/swift/swift.conf}, without its EC policy): the first is default. */
    static final List<String> DEFAULT_POLICIES = List.of("gold", "silver");

    private static final String[] TYPES = {"object", "container", "account"};
    /**
     * Swift's SAIO and functional-test users ({@code etc/proxy-server.conf-sample}'s tempauth section, in its order;
     * {@code test:tester2} is the second S3 user of Swift's s3api functional tests): account, user, key, groups.
     */
    static final List<String[]> USERS = List.of(
            new String[] {"admin", "admin", "admin", ".admin .reseller_admin"},
            new String[] {"admin", "auditor", "admin_ro", ".reseller_reader"},
            new String[] {"test", "tester", "testing", ".admin"},
            new String[] {"test", "tester2", "testing2", ".admin"},
            new String[] {"test2", "tester2", "testing2", ".admin"},
            new String[] {"test", "tester3", "testing3", ""},
            new String[] {"test5", "tester5", "testing5", "service"});

    private final Path data;
    /** Node {@code n} at index {@code n - 1}; null while stopped. */
    private final List<@Nullable StorageNode> nodes = new ArrayList<>();

    private final NodeDaemons daemons;
    /** Extra settings by section name for server configs written on first start; see the 6-argument start. */
    private final Map<String, Map<String, String>> serverSettings;
    /** Policy names a new data directory gets (the first is default); null: {@link #DEFAULT_POLICIES}. */
    private final @Nullable List<String> requestedPolicies;

    private final @Nullable KeystoneFilters keystone;

    /**
     * {@code cairn cloud}'s {@code authtoken} settings: the signing key, and the service user whose token reads the
     * identity service's deny list ({@code auth_url}, polled every {@code revocation_cache_time}).
     */
    record KeystoneFilters(String signingKey, String authUrl, String username, String password, String project) {}
    /** The policies of {@code swift.conf}, read on start. */
    private StoragePolicies policies = StoragePolicies.legacy();

    private @Nullable EventLoopGroup proxyBoss;
    private @Nullable EventLoopGroup proxyWorkers;
    private @Nullable ProxyServer proxy;

    private SaioCluster(
            Path data,
            NodeDaemons daemons,
            Map<String, Map<String, String>> serverSettings,
            @Nullable List<String> requestedPolicies) {
        this(data, daemons, serverSettings, requestedPolicies, null);
    }

    private SaioCluster(
            Path data,
            NodeDaemons daemons,
            Map<String, Map<String, String>> serverSettings,
            @Nullable List<String> requestedPolicies,
            @Nullable KeystoneFilters keystone) {
        this.keystone = keystone;
        this.data = data;
        this.daemons = daemons;
        this.serverSettings = Map.copyOf(serverSettings);
        this.requestedPolicies = requestedPolicies == null ? null : List.copyOf(requestedPolicies);
    }

    /**
     * Prepares {@code data} on first start (or checks it on later ones) and starts all servers; the proxy
     * listens on {@code bind:port} (port 0 = any free port).
     */
    static SaioCluster start(Path data, String bind, int port, Consumer<String> accessLog)
            throws IOException, InterruptedException {
        return start(data, bind, port, accessLog, Map.of(), Map.of());
    }

    /**
     * As {@link #start(Path, String, int, Consumer)}, with extra settings written into a new {@code
     * proxy-server.conf}'s {@code [app:proxy-server]} and {@code [filter:tempauth]} sections (tests use
     * short timeouts and token lives); an existing file is used as it is.
     */
    static SaioCluster start(
            Path data,
            String bind,
            int port,
            Consumer<String> accessLog,
            Map<String, String> proxySettings,
            Map<String, String> tempAuthSettings)
            throws IOException, InterruptedException {
        return start(data, bind, port, accessLog, proxySettings, tempAuthSettings, NodeDaemons.none());
    }

    /**
     * As above, and each of the four nodes runs every daemon of {@code daemons} configured in its server
     * configs, as {@code cairn node} does.
     */
    static SaioCluster start(
            Path data,
            String bind,
            int port,
            Consumer<String> accessLog,
            Map<String, String> proxySettings,
            Map<String, String> tempAuthSettings,
            NodeDaemons daemons)
            throws IOException, InterruptedException {
        return launch(
                new SaioCluster(data, daemons, Map.of(), null), bind, port, accessLog, proxySettings, tempAuthSettings);
    }

    /**
     * As above on {@code 127.0.0.1}, any free proxy port, with extra settings for the storage servers'
     * configs by section name: {@code app:object-server} (or {@code app:container-server}, ...) goes into a
     * new server config's app section, {@code object-replicator} (any daemon section) into the daemon section
     * when it is added. Tests use it for huge daemon intervals (they run passes themselves) and a short
     * {@code reclaim_age}; sections already on disk are used as they are.
     */
    static SaioCluster start(
            Path data,
            Consumer<String> accessLog,
            Map<String, String> proxySettings,
            Map<String, String> tempAuthSettings,
            NodeDaemons daemons,
            Map<String, Map<String, String>> serverSettings)
            throws IOException, InterruptedException {
        return launch(
                new SaioCluster(data, daemons, serverSettings, null),
                "127.0.0.1",
                0,
                accessLog,
                proxySettings,
                tempAuthSettings);
    }

    private static SaioCluster launch(
            SaioCluster c,
            String bind,
            int port,
            Consumer<String> accessLog,
            Map<String, String> proxySettings,
            Map<String, String> tempAuthSettings)
            throws IOException, InterruptedException {
        try {
            c.prepare(bind, port, proxySettings, tempAuthSettings);
            c.startStorage();
            c.startProxy(bind, port, accessLog);
            return c;
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** {@link #start(Path, String, int, Consumer)} with every daemon of {@code daemons} on each node. */
    static SaioCluster start(Path data, String bind, int port, Consumer<String> accessLog, NodeDaemons daemons)
            throws IOException, InterruptedException {
        return start(data, bind, port, accessLog, Map.of(), Map.of(), daemons);
    }

    /**
     * As above, and a new data directory gets the storage policies {@code policies} (names, indexes 0, 1, ... in
     * this order, the first default; null: {@link #DEFAULT_POLICIES}). An existing directory keeps its own: asking it
     * for other ones is a {@link ServerLauncher.UsageException}.
     */
    static SaioCluster start(
            Path data,
            String bind,
            int port,
            Consumer<String> accessLog,
            NodeDaemons daemons,
            @Nullable List<String> policies)
            throws IOException, InterruptedException {
        return launch(new SaioCluster(data, daemons, Map.of(), policies), bind, port, accessLog, Map.of(), Map.of());
    }

    /**
     * {@code cairn cloud}'s storage: as {@link #start(Path, String, int, Consumer, NodeDaemons, List)}, and the proxy
     * pipeline also runs {@code authtoken} + {@code keystoneauth} before tempauth, checking the identity service's
     * tokens with {@code keystone}'s signing key (base64) and polling its deny list; an existing {@code
     * proxy-server.conf} without them gets them added.
     */
    static SaioCluster startCloud(
            Path data, String bind, int port, Consumer<String> accessLog, NodeDaemons daemons, KeystoneFilters keystone)
            throws IOException, InterruptedException {
        return launch(
                new SaioCluster(data, daemons, Map.of(), null, keystone), bind, port, accessLog, Map.of(), Map.of());
    }

    Path etc() {
        return data.resolve("etc");
    }

    /** The proxy's bound port. */
    int proxyPort() {
        ProxyServer p = proxy;
        return p == null ? -1 : p.port();
    }

    /** The storage policies this cluster serves (from {@code swift.conf}, read on start). */
    StoragePolicies policies() {
        return policies;
    }

    private void prepare(String bind, int port, Map<String, String> proxySettings, Map<String, String> tempAuthSettings)
            throws IOException {
        Files.createDirectories(etc());
        Path swiftConf = etc().resolve(SwiftConf.FILE_NAME);
        if (!Files.exists(swiftConf)) {
            String policySections = policySections(requestedPolicies == null ? DEFAULT_POLICIES : requestedPolicies);
            Files.writeString(
                    swiftConf,
                    "[swift-hash]\nswift_hash_path_prefix = " + randomHex(16) + "\nswift_hash_path_suffix = "
                            + randomHex(16) + "\n" + policySections,
                    StandardCharsets.UTF_8);
        }
        policies = StoragePolicies.fromSwiftConf(SwiftConf.load(etc()).ini());
        checkRequestedPolicies();
        if (!Files.exists(ringFile("object"))) {
            buildRings();
        }
        for (StoragePolicy p : policies.all()) {
            if (p.isSupported() && !Files.exists(etc().resolve(p.ringFileName()))) {
                buildObjectRing(p);
            }
        }
        for (int n = 1; n <= NODES; n++) {
            Files.createDirectories(data.resolve("srv/node" + n + "/sdb" + n));
            for (String type : TYPES) {
                Path conf = serverConf(type, n);
                if (!Files.exists(conf)) {
                    Files.writeString(conf, serverConfText(type, n), StandardCharsets.UTF_8);
                }
                addDaemonSections(conf, type, n);
            }
        }
        Path proxyConf = etc().resolve("proxy-server.conf");
        if (!Files.exists(proxyConf)) {
            Files.writeString(
                    proxyConf, proxyConfText(bind, port, proxySettings, tempAuthSettings), StandardCharsets.UTF_8);
        }
        if (keystone != null) {
            addKeystoneFilters(proxyConf, keystone);
        }
    }

    private static final String REVOCATION_COMMENT = "# the identity service's deny list, read as this user every"
            + " revocation_cache_time seconds:\n# a revoked token is refused here within that time (proxy/README.md,"
            + " \"Keystone tokens\")\n";

    /** The {@code [filter:authtoken]} keys the cloud owns: set anew on every start (ports and secrets may change). */
    private static final Pattern MANAGED_AUTHTOKEN_KEYS = Pattern.compile(
            "(?m)^(cairn_signing_key|auth_url|username|password|project_name|user_domain_name|project_domain_name"
                    + "|revocation_cache_time) = .*\\n");

    /**
     * Puts {@code authtoken keystoneauth} before tempauth in the pipeline of {@code conf} and adds their sections,
     * unless it has {@code [filter:authtoken]} already; either way the section's key, identity URL and service user
     * are set anew (the cloud's secrets and ports are the truth). {@code member} is an operator role too, as
     * OpenStack's default role for project users; {@code reader} reads.
     */
    static void addKeystoneFilters(Path conf, KeystoneFilters keystone) throws IOException {
        String text = Files.readString(conf, StandardCharsets.UTF_8);
        String managed = "cairn_signing_key = " + keystone.signingKey() + "\n" + REVOCATION_COMMENT
                + "auth_url = " + keystone.authUrl() + "\nusername = " + keystone.username() + "\npassword = "
                + keystone.password() + "\nproject_name = " + keystone.project() + "\nuser_domain_name = Default\n"
                + "project_domain_name = Default\nrevocation_cache_time = 10\n";
        String header = "[filter:authtoken]\nuse = egg:keystonemiddleware#authtoken\n";
        int start = text.indexOf(header);
        if (start >= 0) {
            int bodyStart = start + header.length();
            int end = text.indexOf("\n[", bodyStart);
            end = end < 0 ? text.length() : end + 1;
            String body = MANAGED_AUTHTOKEN_KEYS
                    .matcher(text.substring(bodyStart, end).replace(REVOCATION_COMMENT, ""))
                    .replaceAll("");
            String updated = text.substring(0, bodyStart) + managed + body + text.substring(end);
            if (!updated.equals(text)) {
                Files.writeString(conf, updated, StandardCharsets.UTF_8);
            }
            return;
        }
        String withPipeline =
                text.replaceFirst("(?m)^(pipeline = .*?) tempauth ", "$1 authtoken keystoneauth tempauth ");
        if (withPipeline.equals(text)) {
            throw new IOException(conf + ": no tempauth in [pipeline:main] to put authtoken keystoneauth before");
        }
        String sections = "\n" + header + managed
                + "# tempauth users, tempurl and public containers need requests without an identity token let on\n"
                + "delay_auth_decision = true\n\n"
                + "[filter:keystoneauth]\nuse = egg:swift#keystoneauth\nreseller_prefix = AUTH, SERVICE\n"
                + "operator_roles = admin, member, swiftoperator\nproject_reader_roles = reader\n"
                + "reseller_admin_role = ResellerAdmin\n";
        Files.writeString(conf, withPipeline + sections, StandardCharsets.UTF_8);
    }

    /** Three rings over the same four devices, each server type on its own free loopback ports. */
    private void buildRings() throws IOException {
        // each pick is free when made, and none is bound before all twelve are: the same number twice is possible
        java.util.Set<Integer> picked = new java.util.HashSet<>();
        for (String type : TYPES) {
            RingBuilder b = RingBuilder.create(PART_POWER, REPLICAS, 1);
            for (int n = 1; n <= NODES; n++) {
                int p = LoopbackPorts.pickFree();
                while (!picked.add(p)) {
                    p = LoopbackPorts.pickFree();
                }
                b.addDevice(new DeviceSpec(1, n, "127.0.0.1", p, "127.0.0.1", p, "sdb" + n, 1.0, ""));
            }
            b.rebalance(Instant.now());
            b.save(etc().resolve(type + ".builder"));
            RingFileWriter.writeV1(b.toRingData(), ringFile(type));
        }
    }

    /**
     * {@code [storage-policy:N]} sections for {@code names}, as Swift's SAIO {@code swift.conf} writes them; checked
     * by parsing them back, so a bad name is a usage error before anything is written.
     */
    static String policySections(List<String> names) {
        if (names.isEmpty()) {
            throw new ServerLauncher.UsageException("--policies needs at least one policy name");
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            b.append("\n[storage-policy:")
                    .append(i)
                    .append("]\nname = ")
                    .append(names.get(i))
                    .append("\npolicy_type = replication\n");
            if (i == 0) {
                b.append("default = yes\n");
            }
        }
        try {
            StoragePolicies.fromSwiftConf(IniFile.parse(b.toString(), "--policies"));
        } catch (PolicyException | ConfigException e) {
            throw new ServerLauncher.UsageException("--policies " + String.join(",", names) + ": " + e.getMessage());
        }
        return b.toString();
    }

    /** An existing data directory keeps its policies: asking for others is an error, not a silent no-op. */
    private void checkRequestedPolicies() {
        List<String> requested = requestedPolicies;
        if (requested == null) {
            return;
        }
        List<String> existing = new ArrayList<>();
        for (StoragePolicy p : policies.all()) {
            existing.add(p.name());
        }
        if (!existing.equals(requested)) {
            throw new ServerLauncher.UsageException("--policies " + String.join(",", requested) + ": " + data
                    + " already has the policies " + String.join(",", existing)
                    + " (in etc/swift.conf); --policies applies to a new data directory");
        }
    }

    /** The object ring of a policy other than 0: the same four devices and object server ports as policy 0's. */
    private void buildObjectRing(StoragePolicy policy) throws IOException {
        RingBuilder b = RingBuilder.create(PART_POWER, REPLICAS, 1);
        for (int n = 1; n <= NODES; n++) {
            int p = ringPort("object", n);
            b.addDevice(new DeviceSpec(1, n, "127.0.0.1", p, "127.0.0.1", p, "sdb" + n, 1.0, ""));
        }
        b.rebalance(Instant.now());
        b.save(etc().resolve(policy.ringName() + ".builder"));
        RingFileWriter.writeV1(b.toRingData(), etc().resolve(policy.ringFileName()));
    }

    private Path ringFile(String type) {
        return etc().resolve(type + ".ring.gz");
    }

    private Path serverConf(String type, int node) {
        return etc().resolve(type + "-server-" + node + ".conf");
    }

    /** The port the ring records for node {@code n}'s device of {@code type}. */
    private int ringPort(String type, int n) throws IOException {
        Ring ring = RingLoader.open(ringFile(type)).ring();
        for (Device d : ring.devices()) {
            if (d != null && d.device().equals("sdb" + n)) {
                return d.port();
            }
        }
        throw new IOException(ringFile(type) + " has no device sdb" + n);
    }

    private String serverConfText(String type, int n) throws IOException {
        // workers = 1: four hosts share this machine's cores, as in Swift's SAIO (and bench/compare.sh's Swift)
        return "[DEFAULT]\ndevices = " + data.resolve("srv/node" + n) + "\nmount_check = false\nbind_ip = 127.0.0.1\n"
                + "bind_port = " + ringPort(type, n) + "\nswift_dir = " + etc() + "\nworkers = 1\n\n[app:" + type
                + "-server]\n"
                + "use = egg:swift#" + type + "\n"
                + settingLines(serverSettings.getOrDefault("app:" + type + "-server", Map.of()));
    }

    private String proxyConfText(
            String bind, int port, Map<String, String> proxySettings, Map<String, String> tempAuthSettings) {
        StringBuilder users = new StringBuilder();
        for (String[] u : USERS) {
            users.append("user_")
                    .append(u[0])
                    .append('_')
                    .append(u[1])
                    .append(" = ")
                    .append(u[2]);
            if (!u[3].isEmpty()) {
                users.append(' ').append(u[3]);
            }
            users.append('\n');
        }
        return "[DEFAULT]\nswift_dir = " + etc() + "\n\n"
                + "[pipeline:main]\npipeline = "
                + serverSettings
                        .getOrDefault("pipeline:main", Map.of())
                        .getOrDefault("pipeline", ProxyPipeline.DEFAULT_PIPELINE)
                + "\n\n"
                + "[app:proxy-server]\nuse = egg:swift#proxy\nbind_ip = " + bind + "\nbind_port = " + port + "\n"
                + "account_autocreate = true\nallow_account_management = true\n" + settingLines(proxySettings)
                + "\n"
                + "[filter:copy]\nuse = egg:swift#copy\n\n[filter:slo]\nuse = egg:swift#slo\n\n"
                + "[filter:dlo]\nuse = egg:swift#dlo\n\n[filter:symlink]\nuse = egg:swift#symlink\n\n"
                + "[filter:versioned_writes]\nuse = egg:swift#versioned_writes\nallow_versioned_writes = true\n"
                + "allow_object_versioning = true\n\n"
                + "[filter:tempurl]\nuse = egg:swift#tempurl\n\n"
                + "[filter:formpost]\nuse = egg:swift#formpost\n\n"
                + "[filter:listing_formats]\nuse = egg:swift#listing_formats\n\n"
                + "[filter:s3api]\nuse = egg:swift#s3api\nstorage_domain = s3.example.net\n"
                + settingLines(serverSettings.getOrDefault("filter:s3api", Map.of())) + "\n"
                + "[filter:staticweb]\nuse = egg:swift#staticweb\n\n"
                + "[filter:container-quotas]\nuse = egg:swift#container_quotas\n\n"
                + "[filter:account-quotas]\nuse = egg:swift#account_quotas\n\n"
                + "[filter:bulk]\nuse = egg:swift#bulk\n\n"
                + "[filter:etag-quoter]\nuse = egg:swift#etag_quoter\n\n"
                + "[filter:ratelimit]\nuse = egg:swift#ratelimit\n\n"
                + "[filter:crossdomain]\nuse = egg:swift#crossdomain\n\n"
                + "[filter:domain_remap]\nuse = egg:swift#domain_remap\nstorage_domain = example.net\n"
                + "reseller_prefixes = AUTH, SERVICE\n\n"
                + extraFilterSections()
                + "[filter:tempauth]\nuse = egg:swift#tempauth\nreseller_prefix = AUTH, SERVICE\n"
                + "SERVICE_require_group = service\ntoken_secret = " + randomHex(32) + "\n"
                + settingLines(tempAuthSettings) + users;
    }

    /**
     * {@code [filter:NAME]} sections given in the server settings (for a {@code pipeline:main} that lists filters
     * the SAIO's does not, as the differential harness does).
     */
    private String extraFilterSections() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Map<String, String>> e : new java.util.TreeMap<>(serverSettings).entrySet()) {
            if (e.getKey().startsWith("filter:") && !e.getKey().equals("filter:s3api")) {
                out.append('[')
                        .append(e.getKey())
                        .append("]\n")
                        .append(settingLines(e.getValue()))
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static String settingLines(Map<String, String> settings) {
        StringBuilder b = new StringBuilder();
        settings.forEach((k, v) -> b.append(k).append(" = ").append(v).append('\n'));
        return b.toString();
    }

    private void startStorage() throws IOException, InterruptedException {
        for (int n = 1; n <= NODES; n++) {
            nodes.add(null);
            startNode(n);
        }
    }

    /** Starts node {@code n}'s (1-based) servers on their ring ports, and its daemons. */
    void startNode(int n) throws IOException, InterruptedException {
        if (nodes.get(n - 1) != null) {
            throw new IllegalStateException("node " + n + " is running");
        }
        NodeConfig config = NodeConfig.fromServerConfs(
                serverConf("object", n), serverConf("container", n), serverConf("account", n));
        String prefix = "node" + n + " ";
        nodes.set(
                n - 1,
                StorageNode.start(
                        config,
                        daemons,
                        Clock.systemUTC(),
                        line -> System.getLogger(SaioCluster.class.getName())
                                .log(System.Logger.Level.INFO, prefix + line)));
    }

    /** Stops node {@code n}'s (1-based) daemons and servers; a stopped node stays stopped. */
    void stopNode(int n) {
        StorageNode node = nodes.get(n - 1);
        if (node != null) {
            node.close();
            nodes.set(n - 1, null);
        }
    }

    boolean isNodeRunning(int n) {
        return nodes.get(n - 1) != null;
    }

    /** Node {@code n}'s running storage node (its recon registry, daemons, ports). */
    StorageNode node(int n) {
        StorageNode node = nodes.get(n - 1);
        if (node == null) {
            throw new IllegalStateException("node " + n + " is stopped");
        }
        return node;
    }

    /** The port node {@code n}'s {@code object}, {@code container} or {@code account} server listens on. */
    int storagePort(String type, int n) throws IOException {
        return ringPort(type, n);
    }

    private void startProxy(String bind, int port, Consumer<String> accessLog)
            throws IOException, InterruptedException {
        IniFile ini = IniFile.load(etc().resolve("proxy-server.conf"));
        ProxyConfig config = ProxyConfig.fromIni(ini, Map.of("bind_ip", bind, "bind_port", String.valueOf(port)));
        SwiftConf swiftConf = SwiftConf.load(config.swiftDir());
        StoragePolicies proxyPolicies = StoragePolicies.fromSwiftConf(swiftConf.ini());
        NodeRings nodeRings = new NodeRings(config.swiftDir(), proxyPolicies);
        nodeRings.loadAll();
        ProxyRings rings = new ProxyRings(nodeRings::account, nodeRings::container, nodeRings::object);
        AccessPolicy access = ProxyAuth.fromIni(ini, ProxyPipeline.fromIni(ini), Clock.systemUTC(), new ArrayList<>());
        Transport transport = Transport.select(true);
        EventLoopGroup boss = transport.newEventLoopGroup(1, "proxy-accept");
        EventLoopGroup workers = transport.newEventLoopGroup(config.workers(), "proxy-io");
        proxyBoss = boss;
        proxyWorkers = workers;
        ProxyServer p = new ProxyServer(
                config,
                new ProxyServer.Cluster(swiftConf, proxyPolicies, rings),
                new ProxyServer.Filters(access, ProxyPipeline.fromIni(ini).middlewares(ini, new ArrayList<>())),
                transport,
                boss,
                workers,
                accessLog);
        proxy = p;
        p.start();
    }

    // ---- daemons: kept apart from the server start-up above ----

    /**
     * Appends to {@code conf} the daemon sections of its server type it lacks ({@code [object-replicator]},
     * ...), empty so Swift's defaults apply (or with the settings given at start); SAIO data directories made before daemons existed get them too.
     */
    private void addDaemonSections(Path conf, String type, int node) throws IOException {
        IniFile ini = IniFile.load(conf);
        StringBuilder missing = new StringBuilder();
        for (NodeDaemons.Section s : NodeDaemons.Section.values()) {
            if (s.server().id().equals(type) && !ini.hasSection(s.sectionName())) {
                missing.append("\n[")
                        .append(s.sectionName())
                        .append("]\n")
                        .append(settingLines(daemonSettings(s, node)));
            }
        }
        if (!missing.isEmpty()) {
            Files.writeString(conf, missing.toString(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
    }

    /**
     * The settings a new daemon section of node {@code node} gets: those given at start, and for the expirer each
     * node's share of the queue ({@code processes = 4}, {@code process = node - 1}), as Swift's docs set up
     * expirers on several hosts.
     */
    private Map<String, String> daemonSettings(NodeDaemons.Section section, int node) {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        if (section == NodeDaemons.Section.OBJECT_EXPIRER) {
            settings.put("processes", Integer.toString(NODES));
            settings.put("process", Integer.toString(node - 1));
        }
        settings.putAll(serverSettings.getOrDefault(section.sectionName(), Map.of()));
        return settings;
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Stops the proxy first (no new requests), then the storage servers; safe to call more than once. */
    @Override
    public void close() {
        ProxyServer p = proxy;
        if (p != null) {
            p.close();
            proxy = null;
        }
        for (EventLoopGroup g : new EventLoopGroup[] {proxyWorkers, proxyBoss}) {
            if (g != null) {
                g.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        }
        proxyWorkers = null;
        proxyBoss = null;
        for (int n = nodes.size(); n >= 1; n--) {
            stopNode(n);
        }
        nodes.clear();
    }
}
