package io.cairn.replicator.object;

import io.cairn.common.config.IniFile;
import io.cairn.common.config.SwiftConf;
import io.cairn.common.http.BackendClient;
import io.cairn.common.http.LoopbackPorts;
import io.cairn.common.http.Transport;
import io.cairn.common.io.DeviceRoot;
import io.cairn.common.path.HashPath;
import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.DiskFile;
import io.cairn.object.diskfile.DiskFileConfig;
import io.cairn.object.diskfile.DiskFileWriter;
import io.cairn.object.diskfile.LocalDiskFileManager;
import io.cairn.object.metadata.ObjectMetadata;
import io.cairn.object.server.ObjectServer;
import io.cairn.object.server.ObjectServerConfig;
import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import io.cairn.ring.builder.DeviceSpec;
import io.cairn.ring.builder.RingBuilder;
import io.cairn.ring.policy.StoragePolicies;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A local cluster for replicator tests: node {@code A} (the replicating node: a disk file manager, no
 * server) and peer nodes, each a real {@link ObjectServer} on a loopback port 0 over its own devices dir
 * with device {@code sda}, or a dead port, or a socket that accepts but never answers. One ring over all of
 * them (replicated policy 0, 8 partitions).
 */
final class ReplicationCluster implements AutoCloseable {
    static final String SWIFT_CONF =
            "[swift-hash]\nswift_hash_path_prefix = cairnpre\nswift_hash_path_suffix = cairnsuf\n"
                    + "[storage-policy:0]\nname = gold\ndefault = yes\n";
    static final String LOCAL = "A";
    static final long RECLAIM_AGE_SECONDS = 1_000;

    enum Kind {
        SERVER,
        DEAD,
        SILENT
    }

    final Path root;
    final SwiftConf swiftConf;
    final HashPath hashPath;
    final StoragePolicies policies;
    /** Real time plus an offset tests can move forward (cleanup and reclaim read this clock). */
    final AdjustableClock clock = new AdjustableClock();

    private final Map<String, Path> devices = new LinkedHashMap<>();
    private final Map<String, LocalDiskFileManager> managers = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    final Ring ring;
    private final List<ObjectServer> servers = new ArrayList<>();
    private final List<ServerSocket> silent = new ArrayList<>();
    private final EventLoopGroup clientGroup;
    final BackendClient client;

    /** @param peers peer names and kinds, in ring order after A */
    ReplicationCluster(Path root, double replicas, Map<String, Kind> peers) throws Exception {
        this.root = root;
        Path etc = Files.createDirectories(root.resolve("etc"));
        Files.writeString(etc.resolve("swift.conf"), SWIFT_CONF);
        swiftConf = SwiftConf.load(etc);
        hashPath = swiftConf.hashPath();
        policies = StoragePolicies.fromSwiftConf(swiftConf.ini());
        Transport transport = Transport.select(true);
        addStorage(LOCAL);
        ports.put(LOCAL, LoopbackPorts.pickFree());
        for (Map.Entry<String, Kind> peer : peers.entrySet()) {
            String name = peer.getKey();
            switch (peer.getValue()) {
                case SERVER -> startServer(name, transport);
                case DEAD -> ports.put(name, LoopbackPorts.pickFree());
                case SILENT -> {
                    ServerSocket s = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                    silent.add(s);
                    ports.put(name, s.getLocalPort());
                }
            }
        }
        RingBuilder builder = RingBuilder.create(3, replicas, 0);
        int zone = 1;
        for (Map.Entry<String, Integer> e : ports.entrySet()) {
            builder.addDevice(new DeviceSpec(
                    1, zone++, "127.0.0.1", e.getValue(), "127.0.0.1", e.getValue(), "sda", 100, e.getKey()));
        }
        builder.rebalance(Instant.now());
        ring = new Ring(builder.toRingData());
        clientGroup = transport.newEventLoopGroup(1, "replicator-test-client");
        client = new BackendClient(transport, clientGroup, 1 << 20, Duration.ofMillis(500));
    }

    private void addStorage(String name) throws IOException {
        Path devs = Files.createDirectories(root.resolve(name).resolve("node"));
        Files.createDirectories(devs.resolve("sda"));
        devices.put(name, devs);
        LocalDiskFileManager manager = new LocalDiskFileManager(
                new DeviceRoot(devs, false), hashPath, new DiskFileConfig(RECLAIM_AGE_SECONDS, false, 1024), clock);
        managers.put(name, manager);
        // creating a store's map file is slow the first time: not inside a timed REPLICATE
        manager.openSuffixHashStores();
    }

    private void startServer(String name, Transport transport) throws Exception {
        addStorage(name);
        String conf = "[DEFAULT]\ndevices = " + devices.get(name) + "\nmount_check = false\nswift_dir = "
                + root.resolve("etc") + "\nbind_ip = 127.0.0.1\nbind_port = 0\n[app:object-server]\n"
                + "log_requests = false\n";
        ObjectServer server = new ObjectServer(
                ObjectServerConfig.from(IniFile.parse(conf, name)),
                manager(name),
                transport,
                policies,
                swiftConf.constraints(),
                clock);
        server.start();
        servers.add(server);
        ports.put(name, server.port());
    }

    LocalDiskFileManager manager(String node) {
        return Objects.requireNonNull(managers.get(node), node);
    }

    Path devicesDir(String node) {
        return Objects.requireNonNull(devices.get(node), node);
    }

    LocalNode localNode() {
        return new LocalNode(Set.of("127.0.0.1"), Objects.requireNonNull(ports.get(LOCAL)));
    }

    Device device(String name) {
        for (Device d : ring.devices()) {
            if (d != null && d.meta().equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no device " + name);
    }

    String nodeOf(Device d) {
        return d.meta();
    }

    List<String> primaries(int partition) {
        List<String> out = new ArrayList<>();
        for (Device d : ring.primaries(partition)) {
            out.add(d.meta());
        }
        return out;
    }

    int partition(String object) {
        return ring.partition(hashPath, "a", "c", object);
    }

    /** An object name whose partition has A as primary ({@code primary}) or not. */
    String objectWhere(boolean localIsPrimary, int skip) {
        int found = 0;
        for (int i = 0; i < 10_000; i++) {
            String name = "o" + i;
            if (primaries(partition(name)).contains(LOCAL) == localIsPrimary && found++ == skip) {
                return name;
            }
        }
        throw new IllegalStateException("no object found");
    }

    Timestamp secondsAgo(long seconds) {
        return Timestamp.ofEpochMillis(clock.millis() - seconds * 1000);
    }

    /** The system clock shifted by an offset that only grows. Thread-safe. */
    static final class AdjustableClock extends Clock {
        private final java.util.concurrent.atomic.AtomicLong offsetMillis =
                new java.util.concurrent.atomic.AtomicLong();

        void advance(Duration d) {
            offsetMillis.addAndGet(d.toMillis());
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public long millis() {
            return System.currentTimeMillis() + offsetMillis.get();
        }
    }

    DiskFile diskFile(String node, String object) throws IOException {
        return manager(node).diskFile("sda", partition(object), "a", "c", object, 0);
    }

    void put(String node, String object, String body, Timestamp ts) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (DiskFileWriter w = diskFile(node, object).writer(bytes.length)) {
            w.write(ByteBuffer.wrap(bytes));
            w.put(ObjectMetadata.of(Map.of("X-Timestamp", ts.internal(), "Content-Type", "text/plain")));
        }
    }

    void delete(String node, String object, Timestamp ts) throws IOException {
        diskFile(node, object).delete(ts);
    }

    Path partitionDir(String node, int partition) {
        return devicesDir(node).resolve("sda").resolve("objects").resolve(Integer.toString(partition));
    }

    /** File names ({@code <ts>.data}, {@code <ts>.ts}) of an object on a node. */
    List<String> files(String node, String object) throws IOException {
        String hash = hashPath.hex("a", "c", object);
        Path dir = partitionDir(node, partition(object))
                .resolve(hash.substring(29))
                .resolve(hash);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    ObjectReplicator replicator(SuffixSyncer syncer, ObjectReplicatorConfig config) {
        return ObjectReplicator.builder()
                .localNode(localNode())
                .deviceRoot(new DeviceRoot(devicesDir(LOCAL), false))
                .policies(policies)
                .rings(() -> Map.of(0, ring))
                .diskFiles(manager(LOCAL))
                .replicateClient(new ReplicateClient(client, config.httpTimeout()))
                .syncer(syncer)
                .config(config)
                .clock(clock)
                .build();
    }

    /** Timeouts generous enough for a loaded test machine (2 cores shared by parallel builds). */
    static ObjectReplicatorConfig fastConfig() {
        return withHttpTimeout(Duration.ofSeconds(15));
    }

    static ObjectReplicatorConfig withHttpTimeout(Duration httpTimeout) {
        return new ObjectReplicatorConfig(
                Duration.ofSeconds(30),
                1,
                0,
                0,
                httpTimeout,
                Duration.ofSeconds(1),
                Duration.ofMillis(500),
                Duration.ofSeconds(RECLAIM_AGE_SECONDS),
                false,
                0);
    }

    @Nullable
    Path devicesOf(Device d) {
        return devices.get(d.meta());
    }

    @Override
    public void close() throws IOException {
        for (ObjectServer s : servers) {
            s.close();
        }
        for (ServerSocket s : silent) {
            s.close();
        }
        client.close();
        clientGroup
                .shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS)
                .syncUninterruptibly();
        for (LocalDiskFileManager m : managers.values()) {
            m.close();
        }
    }
}
