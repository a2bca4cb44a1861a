package io.cairn.object.expirer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.codec.Json;
import io.cairn.common.config.IniFile;
import io.cairn.common.config.SwiftConf;
import io.cairn.common.db.SwiftDbServerProcess;
import io.cairn.common.direct.DirectClient;
import io.cairn.common.http.BackendClient;
import io.cairn.common.http.Transport;
import io.cairn.common.path.ExpiringObjects;
import io.cairn.common.path.HashPath;
import io.cairn.common.path.PercentCoding;
import io.cairn.common.time.Timestamp;
import io.cairn.container.server.ContainerServer;
import io.cairn.container.server.ContainerServerConfig;
import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import io.cairn.ring.RingData;
import io.netty.channel.EventLoopGroup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The expirer's batched removal of ended tasks' rows ({@link DirectExpirerBackend#deleteTasks}, one {@code
 * merge_items} RPC per replica) against the two kinds of container server it meets: a task container with one
 * replica on Debian's Swift 2.30.1 container server, one on Cairn's, and a third replica on a Swift device that has
 * no database yet (the RPC answers 404 there, and the rows go as Swift's per-row DELETEs, which create it).
 */
class TaskRowRemovalInteropIT {
    /** Swift's servers read their hash prefix and suffix from here; Cairn's and the expirer get the same. */
    private static final Path SWIFT_CONF = Path.of("/etc/swift/swift.conf");

    private static final String ACCOUNT = ".expiring_objects";
    private static final String TASK_CONTAINER = "1700000000";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path root;

    private @Nullable SwiftDbServerProcess swift;
    private @Nullable ContainerServer cairn;
    private @Nullable EventLoopGroup group;
    private @Nullable BackendClient client;

    @BeforeEach
    void setUp() throws Exception {
        Path etc = Files.createDirectories(root.resolve("etc"));
        Files.copy(SWIFT_CONF, etc.resolve("swift.conf"));
        Path swiftDevices = root.resolve("swift-devices");
        Files.createDirectories(swiftDevices.resolve("sda"));
        Files.createDirectories(swiftDevices.resolve("sdb"));
        swift = SwiftDbServerProcess.start("container", swiftDevices, root);
        Path cairnDevices = root.resolve("cairn-devices");
        Files.createDirectories(cairnDevices.resolve("sda"));
        String conf = "[DEFAULT]\nbind_ip = 127.0.0.1\nbind_port = 0\nmount_check = false\ndevices = " + cairnDevices
                + "\nswift_dir = " + etc + "\n[app:container-server]\nuse = egg:swift#container\n";
        cairn = new ContainerServer(
                ContainerServerConfig.from(IniFile.parse(conf, "container.conf")), Transport.select(true));
        cairn.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (client != null) {
            client.close();
        }
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
        if (cairn != null) {
            cairn.close();
        }
        if (swift != null) {
            swift.close();
        }
    }

    @Test
    void shouldRemoveTheRowsFromSwiftAndCairnReplicasAndCreateAMissingOneWhenTasksEnd() throws Exception {
        int swiftPort = Objects.requireNonNull(swift).port();
        int cairnPort = Objects.requireNonNull(cairn).port();
        HashPath hashPath = SwiftConf.load(root.resolve("etc")).hashPath();
        String kept = ExpiringObjects.taskObject(1_700_000_300L, "AUTH_t", "c", "kept");
        List<String> ended = List.of(
                ExpiringObjects.taskObject(1_700_000_100L, "AUTH_t", "c", "dö ☃"),
                ExpiringObjects.taskObject(1_700_000_200L, "AUTH_t", "c/d", "o"));
        for (int port : new int[] {swiftPort, cairnPort}) {
            assertThat(send(port, "PUT", "/sda/0/" + ACCOUNT + "/" + TASK_CONTAINER, "1700000000.00000"))
                    .isIn(201, 202);
            for (String task : concat(ended, kept)) {
                assertThat(send(
                                port,
                                "PUT",
                                "/sda/0/" + ACCOUNT + "/" + TASK_CONTAINER + "/" + task,
                                "1700000001.00000"))
                        .isEqualTo(201);
            }
        }
        List<@Nullable Device> devices = List.of(
                new Device(0, 1, 1, "127.0.0.1", swiftPort, "127.0.0.1", swiftPort, "sda", 1.0, ""),
                new Device(1, 1, 2, "127.0.0.1", cairnPort, "127.0.0.1", cairnPort, "sda", 1.0, ""),
                new Device(2, 1, 3, "127.0.0.1", swiftPort, "127.0.0.1", swiftPort, "sdb", 1.0, ""));
        Ring ring = new Ring(new RingData(devices, new int[][] {{0}, {1}, {2}}, 32, 1L, null));
        group = Transport.select(true).newEventLoopGroup(1, "expirer-test");
        client = new BackendClient(Transport.select(true), group, 1 << 20, Duration.ofSeconds(2));
        DirectExpirerBackend backend = new DirectExpirerBackend(
                new DirectClient(client, Duration.ofSeconds(10), "object-expirer test"),
                new DirectExpirerBackend.Rings(() -> ring, () -> ring, i -> ring),
                hashPath);

        DirectClient direct = new DirectClient(client, Duration.ofSeconds(10), "object-expirer test");
        List<@Nullable Object> emptyMerge = new ArrayList<>();
        emptyMerge.add("merge_items");
        emptyMerge.add(List.of());
        emptyMerge.add(null);
        assertThat(direct.replicate(
                                DirectExpirerBackend.nodes(List.of(Objects.requireNonNull(devices.get(0))))
                                        .get(0),
                                0,
                                hashPath.hex(ACCOUNT, TASK_CONTAINER, null),
                                emptyMerge)
                        .get(30, TimeUnit.SECONDS)
                        .status())
                .as("Swift's container server takes the RPC as the expirer sends it")
                .isEqualTo(202);

        backend.deleteTasks(ACCOUNT, TASK_CONTAINER, ended, Timestamp.parse("1700000400.00000"))
                .get(30, TimeUnit.SECONDS);

        assertThat(names(swiftPort, "sda")).as("Swift's replica").containsExactly(kept);
        assertThat(names(cairnPort, "sda")).as("Cairn's replica").containsExactly(kept);
        assertThat(names(swiftPort, "sdb"))
                .as("the replica that had no database")
                .isEmpty();
        assertThat(send(swiftPort, "HEAD", "/sdb/0/" + ACCOUNT + "/" + TASK_CONTAINER, null))
                .as("the per-row DELETEs created it, as Swift's would")
                .isEqualTo(204);
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> all = new ArrayList<>(a);
        all.add(b);
        return all;
    }

    /** The row names of the task container's replica on {@code device}. */
    private static List<String> names(int port, String device) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + PercentCoding.quote("/" + device + "/0/" + ACCOUNT + "/" + TASK_CONTAINER)
                                + "?format=json"))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        List<String> names = new ArrayList<>();
        if (r.statusCode() == 404) {
            return names;
        }
        assertThat(r.statusCode()).isIn(200, 204);
        for (Object row : (List<?>) Objects.requireNonNull(Json.parse(r.body()))) {
            names.add(String.valueOf(((Map<?, ?>) Objects.requireNonNull(row)).get("name")));
        }
        return names;
    }

    /** A container or row request as an object server or proxy sends it; the status. */
    private static int send(int port, String method, String path, @Nullable String timestamp) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + PercentCoding.quote(path)))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("X-Backend-Storage-Policy-Index", "0");
        if (timestamp != null) {
            b.header("X-Timestamp", timestamp)
                    .header("X-Size", "0")
                    .header("X-Content-Type", "text/plain")
                    .header("X-Etag", "d41d8cd98f00b204e9800998ecf8427e");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
