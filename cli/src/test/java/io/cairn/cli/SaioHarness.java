package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.SwiftConf;
import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import io.cairn.ring.RingLoader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An in-process {@link SaioCluster} on a test's directory plus what tests drive it with: an HTTP client,
 * tempauth logins, the collected access log, ring lookups of where an object lives, and restarts.
 *
 * <p>Thread-safety: one test thread; the access log is concurrent.
 */
final class SaioHarness implements AutoCloseable {
    final Path data;
    final Queue<String> accessLog = new ConcurrentLinkedQueue<>();
    private final Map<String, String> proxySettings;
    private final Map<String, String> tempAuthSettings;
    private final NodeDaemons daemons;
    private final Map<String, Map<String, String>> serverSettings;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final HttpClient http;
    private SaioCluster cluster;

    /** A storage URL and a token for it. */
    record Login(String storageUrl, String token) {}

    private SaioHarness(
            Path data,
            Map<String, String> proxySettings,
            Map<String, String> tempAuthSettings,
            NodeDaemons daemons,
            Map<String, Map<String, String>> serverSettings)
            throws IOException, InterruptedException {
        this.data = data;
        this.proxySettings = proxySettings;
        this.tempAuthSettings = tempAuthSettings;
        this.daemons = daemons;
        this.serverSettings = serverSettings;
        this.http = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.cluster = startCluster();
    }

    static SaioHarness start(Path data, Map<String, String> proxySettings, Map<String, String> tempAuthSettings)
            throws IOException, InterruptedException {
        return new SaioHarness(data, proxySettings, tempAuthSettings, NodeDaemons.none(), Map.of());
    }

    /**
     * A SAIO whose nodes host {@code daemons}, with extra server config settings by section name (see {@link
     * SaioCluster#start(Path, java.util.function.Consumer, Map, Map, NodeDaemons, Map)}).
     */
    static SaioHarness startWithDaemons(
            Path data,
            Map<String, String> proxySettings,
            NodeDaemons daemons,
            Map<String, Map<String, String>> serverSettings)
            throws IOException, InterruptedException {
        return new SaioHarness(data, proxySettings, Map.of(), daemons, serverSettings);
    }

    private SaioCluster startCluster() throws IOException, InterruptedException {
        return SaioCluster.start(data, accessLog::add, proxySettings, tempAuthSettings, daemons, serverSettings);
    }

    SaioCluster cluster() {
        return cluster;
    }

    /** Starts every storage node a test stopped, so the next test sees all four. */
    void restartStoppedNodes() throws IOException, InterruptedException {
        for (int n = 1; n <= SaioCluster.NODES; n++) {
            if (!cluster.isNodeRunning(n)) {
                cluster.startNode(n);
            }
        }
    }

    int port() {
        return cluster.proxyPort();
    }

    String authUrl() {
        return "http://127.0.0.1:" + port() + "/auth/v1.0";
    }

    /** Stops every server and starts them again on the same directory. */
    void restart() throws IOException, InterruptedException {
        cluster.close();
        cluster = startCluster();
    }

    Login login(String user, String key) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(authUrl()))
                .header("X-Auth-User", user)
                .header("X-Auth-Key", key));
        assertThat(r.statusCode()).as("login of %s", user).isEqualTo(200);
        return new Login(
                r.headers().firstValue("X-Storage-Url").orElseThrow(),
                r.headers().firstValue("X-Auth-Token").orElseThrow());
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A request for {@code url + path} carrying {@code login}'s token. */
    static HttpRequest.Builder request(Login login, String path) {
        return HttpRequest.newBuilder(URI.create(login.storageUrl() + path)).header("X-Auth-Token", login.token());
    }

    SwiftCli cli(String user, String key, Path workDir) {
        return SwiftCli.withPassword(authUrl(), user, key, workDir);
    }

    /** The nodes (1-based) holding {@code /account/container/object}'s primaries, then its handoffs. */
    List<Integer> objectNodes(String account, String container, String object) throws IOException {
        return objectNodes(0, account, container, object);
    }

    /** As {@link #objectNodes(String, String, String)} in the object ring of storage policy {@code policy}. */
    List<Integer> objectNodes(int policy, String account, String container, String object) throws IOException {
        Path etc = data.resolve("etc");
        Ring ring = RingLoader.open(etc.resolve(objectRingFile(policy))).ring();
        int part = ring.partition(SwiftConf.load(etc).hashPath(), account, container, object);
        List<Integer> nodes = new ArrayList<>();
        for (Device d : ring.primaries(part)) {
            nodes.add(nodeOf(d));
        }
        for (int n = 1; n <= SaioCluster.NODES; n++) {
            if (!nodes.contains(n)) {
                nodes.add(n);
            }
        }
        return nodes;
    }

    /** The partition of an object in the object ring. */
    int objectPartition(String account, String container, String object) throws IOException {
        return objectPartition(0, account, container, object);
    }

    /** The partition of an object in the object ring of storage policy {@code policy}. */
    int objectPartition(int policy, String account, String container, String object) throws IOException {
        Path etc = data.resolve("etc");
        Ring ring = RingLoader.open(etc.resolve(objectRingFile(policy))).ring();
        return ring.partition(SwiftConf.load(etc).hashPath(), account, container, object);
    }

    private static String objectRingFile(int policy) {
        return policy == 0 ? "object.ring.gz" : "object-" + policy + ".ring.gz";
    }

    private static int nodeOf(Device d) {
        return Integer.parseInt(d.device().substring("sdb".length()));
    }

    @Override
    public void close() {
        cluster.close();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
