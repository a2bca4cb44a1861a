package io.cairn.replicator.db;

import io.cairn.common.config.IniFile;
import io.cairn.common.http.Transport;
import io.cairn.common.io.DeviceRoot;
import io.cairn.common.path.HashPath;
import io.cairn.container.db.ContainerBroker;
import io.cairn.container.server.ContainerServer;
import io.cairn.container.server.ContainerServerConfig;
import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import io.cairn.ring.RingData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Real container servers on loopback port 0 over temp device dirs, a ring over them, and HTTP helpers. */
final class TestCluster implements AutoCloseable {
    static final HashPath HASH_PATH = HashPath.of("changeme", "changeme");
    static final String SWIFT_CONF =
            "[swift-hash]\nswift_hash_path_suffix = changeme\nswift_hash_path_prefix = changeme\n"
                    + "[storage-policy:0]\nname = gold\ndefault = yes\n";
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    final Path root;
    final List<ContainerServer> servers = new ArrayList<>();
    final List<Path> devices = new ArrayList<>();
    private final List<DbReplicator> replicators = new ArrayList<>();

    TestCluster(Path root, int nodes) throws IOException, InterruptedException {
        this.root = root;
        Path swiftDir = root.resolve("etc-swift");
        Files.createDirectories(swiftDir);
        Files.writeString(swiftDir.resolve("swift.conf"), SWIFT_CONF);
        for (int i = 0; i < nodes; i++) {
            Path dev = root.resolve("node" + i);
            Files.createDirectories(dev.resolve("sda"));
            String conf = "[DEFAULT]\nbind_ip = 127.0.0.1\nbind_port = 0\nmount_check = false\ndevices = " + dev
                    + "\nswift_dir = " + swiftDir + "\n[app:container-server]\nuse = egg:swift#container\n"
                    + "node_timeout = 2\n";
            ContainerServer s = new ContainerServer(
                    ContainerServerConfig.from(IniFile.parse(conf, "test.conf")), Transport.select(true));
            s.start();
            servers.add(s);
            devices.add(dev);
        }
    }

    int port(int node) {
        return servers.get(node).port();
    }

    /**
     * A ring of partition power 2 whose every partition has the primaries {@code primaryPorts} (in
     * order), and the devices of {@code handoffPorts} as handoffs.
     */
    static Ring ring(List<Integer> primaryPorts, List<Integer> handoffPorts) {
        List<@Nullable Device> devs = new ArrayList<>();
        List<Integer> all = new ArrayList<>(primaryPorts);
        all.addAll(handoffPorts);
        for (int i = 0; i < all.size(); i++) {
            devs.add(new Device(i, 1, i, "127.0.0.1", all.get(i), "127.0.0.1", all.get(i), "sda", 1.0, ""));
        }
        int[][] rows = new int[primaryPorts.size()][4];
        for (int r = 0; r < rows.length; r++) {
            java.util.Arrays.fill(rows[r], r);
        }
        return new Ring(new RingData(devs, rows, 30, 1L, null));
    }

    /** The container replicator of {@code node} over {@code ring}. */
    DbReplicator replicator(int node, Ring ring, DbReplicatorConfig config) {
        DbReplicator r = new DbReplicator(
                DbKind.container(1),
                config,
                new DeviceRoot(devices.get(node), false),
                () -> ring,
                HASH_PATH,
                Set.of(new DbReplicator.Endpoint("127.0.0.1", port(node))),
                Clock.systemUTC());
        replicators.add(r);
        return r;
    }

    static DbReplicatorConfig fastConfig() {
        DbReplicatorConfig d = DbReplicatorConfig.defaults();
        return new DbReplicatorConfig(
                d.interval(), 3, 100, 2, Duration.ofSeconds(1), Duration.ofMillis(500), d.reclaimAge(), 0);
    }

    static int partition(Ring ring, String account, String container) {
        return ring.partition(HASH_PATH, account, container, null);
    }

    static HttpResponse<String> send(int port, String method, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private long clock = 1_700_000_000_00000L;

    synchronized String ts() {
        clock += 1000;
        return (clock / 100000) + "." + String.format(java.util.Locale.ROOT, "%05d", clock % 100000);
    }

    int createContainer(int node, int part, String account, String container) throws Exception {
        return send(
                        port(node),
                        "PUT",
                        "/sda/" + part + "/" + account + "/" + container,
                        Map.of("X-Timestamp", ts(), "X-Backend-Storage-Policy-Index", "0"))
                .statusCode();
    }

    int putObject(int node, int part, String account, String container, String object) throws Exception {
        return send(
                        port(node),
                        "PUT",
                        "/sda/" + part + "/" + account + "/" + container + "/" + object,
                        Map.of(
                                "X-Timestamp",
                                ts(),
                                "X-Size",
                                "7",
                                "X-Content-Type",
                                "text/plain",
                                "X-Etag",
                                "d41d8cd98f00b204e9800998ecf8427e",
                                "X-Backend-Storage-Policy-Index",
                                "0"))
                .statusCode();
    }

    /** The JSON listing, or null when the container is missing. */
    @Nullable
    String listing(int node, int part, String account, String container) throws Exception {
        HttpResponse<String> r =
                send(port(node), "GET", "/sda/" + part + "/" + account + "/" + container + "?format=json", Map.of());
        return r.statusCode() / 100 == 2 ? r.body() : null;
    }

    Path dbFile(int node, int part, String account, String container) {
        String hash = HASH_PATH.hex(account, container, null);
        return devices.get(node)
                .resolve("sda/containers/" + part + "/" + hash.substring(hash.length() - 3) + "/" + hash + "/" + hash
                        + ".db");
    }

    /** The chexor hash of the DB on {@code node}, read straight from the file. */
    String dbHash(int node, int part, String account, String container) throws Exception {
        try (ContainerBroker b =
                new ContainerBroker(dbFile(node, part, account, container), "", "", Clock.systemUTC())) {
            return String.valueOf(b.info().get("hash"));
        }
    }

    @Override
    public void close() {
        for (DbReplicator r : replicators) {
            r.close();
        }
        for (ContainerServer s : servers) {
            s.close();
        }
    }
}
