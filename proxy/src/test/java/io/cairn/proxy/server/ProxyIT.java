package io.cairn.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.SwiftConf;
import io.cairn.common.http.LoopbackPorts;
import io.cairn.common.http.Transport;
import io.cairn.common.testing.Await;
import io.cairn.proxy.pipeline.OpenAccess;
import io.cairn.proxy.routing.ProxyRings;
import io.cairn.proxy.routing.TestRings;
import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import io.cairn.ring.policy.StoragePolicies;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
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
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The proxy against six in-process stub storage nodes (3 replicas, handoffs available) on loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxyIT {
    private static final String ACCOUNT = "AUTH_test";

    @TempDir
    Path dir;

    private final Transport transport = Transport.select(true);
    private EventLoopGroup group;
    private final List<StubStorageNode> nodes = new ArrayList<>();
    private Ring ring;
    private SwiftConf swiftConf;
    private ProxyServer proxy;
    private HttpClient client;
    private java.util.concurrent.ExecutorService clientExecutor;

    @BeforeEach
    void start() throws Exception {
        group = transport.newEventLoopGroup(2, "proxy-it");
        int[] ports = new int[6];
        for (int i = 0; i < ports.length; i++) {
            // below the ephemeral range: a restarted node rebinds its port, and no outgoing connection may hold it
            StubStorageNode n = new StubStorageNode(transport, group, LoopbackPorts.pickFree());
            nodes.add(n);
            ports[i] = n.port();
        }
        ring = TestRings.ring(ports, "127.0.0.1");
        Files.writeString(
                dir.resolve("swift.conf"),
                "[swift-hash]\nswift_hash_path_suffix = proxy-it\nswift_hash_path_prefix = p\n");
        swiftConf = SwiftConf.load(dir);
        startProxy("0.5", "");
        clientExecutor = java.util.concurrent.Executors.newFixedThreadPool(2);
        client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(clientExecutor)
                .build();
    }

    private void startProxy(String nodeTimeout) throws InterruptedException {
        startProxy(nodeTimeout, "");
    }

    private void startProxy(String nodeTimeout, String extraSettings) throws InterruptedException {
        ProxyConfig config = ProxyConfig.fromIni(io.cairn.common.config.IniFile.parse(
                "[app:proxy-server]\nbind_ip = 127.0.0.1\nbind_port = 0\nnode_timeout = " + nodeTimeout + "\n"
                        + "conn_timeout = 0.5\npost_quorum_timeout = 0.05\n" + extraSettings,
                "it"));
        proxy = new ProxyServer(
                config,
                new ProxyServer.Cluster(
                        swiftConf, StoragePolicies.legacy(), new ProxyRings(() -> ring, () -> ring, i -> ring)),
                new OpenAccess(),
                transport,
                group,
                group,
                line -> {});
        proxy.start();
    }

    @AfterEach
    void stop() {
        proxy.close();
        for (StubStorageNode n : nodes) {
            n.release();
            n.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        clientExecutor.shutdownNow();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + proxy.port() + path);
    }

    private HttpResponse<byte[]> put(String object, byte[] body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(uri("/v1/" + ACCOUNT + "/c/" + object))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String object) throws Exception {
        return client.send(
                HttpRequest.newBuilder(uri("/v1/" + ACCOUNT + "/c/" + object))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private List<StubStorageNode> primaries(String object) {
        int part = ring.partition(swiftConf.hashPath(), ACCOUNT, "c", object);
        List<StubStorageNode> out = new ArrayList<>();
        for (Device d : ring.primaries(part)) {
            out.add(nodeOn(d.port()));
        }
        return out;
    }

    private StubStorageNode nodeOn(int port) {
        for (StubStorageNode n : nodes) {
            if (n.port() == port) {
                return n;
            }
        }
        throw new AssertionError("no node on " + port);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static String key(String object) {
        return ACCOUNT + "/c/" + object;
    }

    @Test
    void shouldStoreOnEveryPrimaryAndReadBackWhenAllNodesUp() throws Exception {
        byte[] body = randomBytes(300_000);
        HttpResponse<byte[]> r = put("o1", body);
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("ETag")).contains(StubStorageNode.md5(body));
        assertThat(r.headers().firstValue("X-Trans-Id"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("tx"));
        for (StubStorageNode n : primaries("o1")) {
            assertThat(n.stored(key("o1")).body()).isEqualTo(body);
            assertThat(n.stored(key("o1")).headers().get("X-Container-Host")).isNotNull();
        }
        HttpResponse<byte[]> g = get("o1");
        assertThat(g.statusCode()).isEqualTo(200);
        assertThat(g.body()).isEqualTo(body);
        assertThat(g.headers().firstValue("ETag")).contains(StubStorageNode.md5(body));
    }

    @Test
    void shouldSendChunkedToBackendsWhenBodyIsEmpty() throws Exception {
        assertThat(put("empty", new byte[0]).statusCode()).isEqualTo(201);
        for (StubStorageNode n : primaries("empty")) {
            assertThat(n.stored(key("empty")).headers().get("Transfer-Encoding"))
                    .isEqualTo("chunked");
        }
        assertThat(get("empty").body()).isEmpty();
    }

    @Test
    void shouldUseHandoffWhenOnePrimaryIsDown() throws Exception {
        primaries("o2").get(0).stop();
        byte[] body = randomBytes(100_000);
        assertThat(put("o2", body).statusCode()).isEqualTo(201);
        long copies =
                nodes.stream().filter(n -> n.objects.containsKey(key("o2"))).count();
        assertThat(copies).isEqualTo(3);
        HttpResponse<byte[]> g = get("o2");
        assertThat(g.statusCode()).isEqualTo(200);
        assertThat(g.body()).isEqualTo(body);
    }

    @Test
    void shouldAnswer503AndStoreNothingWhenOnlyOneReplicaIsReachable() throws Exception {
        StubStorageNode survivor = primaries("o3").get(2);
        for (StubStorageNode n : nodes) {
            if (n != survivor) {
                n.stop();
            }
        }
        HttpResponse<byte[]> r = put("o3", randomBytes(10_000));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(survivor.objects).doesNotContainKey(key("o3"));
    }

    @Test
    void shouldMoveOnWhenANodeAcceptsAndNeverAnswers() throws Exception {
        byte[] body = randomBytes(50_000);
        assertThat(put("o4", body).statusCode()).isEqualTo(201);
        List<StubStorageNode> p = primaries("o4");
        p.get(0).blackHole = true;
        p.get(1).blackHole = true;
        HttpResponse<byte[]> g = get("o4");
        assertThat(g.statusCode()).isEqualTo(200);
        assertThat(g.body()).isEqualTo(body);
        assertThat(put("o4b", body).statusCode()).isIn(201, 503);
        p.get(0).blackHole = false;
        p.get(1).blackHole = false;
    }

    @Test
    void shouldPutViaHandoffWhenAPrimaryNeverAnswers() throws Exception {
        primaries("o5").get(1).blackHole = true;
        byte[] body = randomBytes(20_000);
        assertThat(put("o5", body).statusCode()).isEqualTo(201);
        long copies =
                nodes.stream().filter(n -> n.objects.containsKey(key("o5"))).count();
        assertThat(copies).isEqualTo(3);
    }

    @Test
    void shouldResumeFromAnotherReplicaWhenGetBreaksMidBody() throws Exception {
        byte[] body = randomBytes(1_000_000);
        assertThat(put("o6", body).statusCode()).isEqualTo(201);
        List<StubStorageNode> p = primaries("o6");
        p.get(0).breakGetsAfter = 400_000;
        p.get(1).breakGetsAfter = 400_000;
        p.get(2).breakGetsAfter = 400_000;
        // Each source breaks after 400 kB of what it was asked for: the third source completes the body.
        HttpResponse<byte[]> g = get("o6");
        assertThat(g.statusCode()).isEqualTo(200);
        assertThat(g.body()).isEqualTo(body);
        assertThat(p.stream().mapToInt(n -> n.rangeRequests.get()).sum()).isEqualTo(2);
    }

    @Test
    void shouldResumeACopysSourceFromAnotherReplicaWhenItBreaksMidBody() throws Exception {
        byte[] body = randomBytes(1_000_000);
        assertThat(put("o9", body).statusCode()).isEqualTo(201);
        List<StubStorageNode> p = primaries("o9");
        for (StubStorageNode n : p) {
            n.breakGetsAfter = 400_000;
        }
        // the copy reads its source with X-Newest (every primary asked); the one relayed breaks after 400 kB,
        // and the rest comes from the replicas again with Ranges
        HttpResponse<byte[]> copy = client.send(
                HttpRequest.newBuilder(uri("/v1/" + ACCOUNT + "/c/o9-copy"))
                        .PUT(HttpRequest.BodyPublishers.noBody())
                        .header("X-Copy-From", "/c/o9")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(copy.statusCode()).isEqualTo(201);
        assertThat(p.stream().mapToInt(n -> n.rangeRequests.get()).sum()).isEqualTo(2);
        for (StubStorageNode n : nodes) {
            n.breakGetsAfter = Long.MAX_VALUE;
        }
        HttpResponse<byte[]> g = get("o9-copy");
        assertThat(g.statusCode()).isEqualTo(200);
        assertThat(g.body()).isEqualTo(body);
    }

    @Test
    void shouldAnswer413BeforeAnyBackendSeesAByteWhenContentLengthIsTenGiB() throws Exception {
        try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), proxy.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("PUT /v1/" + ACCOUNT + "/c/huge HTTP/1.1\r\nHost: x\r\nContent-Length: 10737418240\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = readHead(s.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 413");
        }
        assertThat(nodes.stream().mapToInt(n -> n.requests.get()).sum()).isZero();
    }

    @Test
    void shouldReadFromThePrimaryReadAffinityPrefersEveryTime() throws Exception {
        byte[] body = randomBytes(5000);
        assertThat(put("near", body).statusCode()).isEqualTo(201);
        int part = ring.partition(swiftConf.hashPath(), ACCOUNT, "c", "near");
        Device preferred = ring.primaries(part).get(2); // its zone is no other primary's (TestRings)
        // the preferred node's copy differs, so each answer tells which node served it
        byte[] nearBody = randomBytes(5001);
        StubStorageNode near = nodeOn(preferred.port());
        StubStorageNode.Stored stored = near.stored(key("near"));
        near.objects.put(
                key("near"),
                new StubStorageNode.Stored(
                        nearBody, StubStorageNode.md5(nearBody), stored.timestamp(), stored.headers()));

        proxy.close();
        startProxy(
                "0.5",
                "sorting_method = affinity\nread_affinity = r" + preferred.region() + "z" + preferred.zone() + "=1\n");
        for (int i = 0; i < 12; i++) {
            assertThat(get("near").body()).as("GET %d", i).isEqualTo(nearBody);
        }
        // with shuffle, the other two primaries answer about two GETs in three (all 24 from one: p = 3^-24)
        proxy.close();
        startProxy("0.5");
        int fromOthers = 0;
        for (int i = 0; i < 24; i++) {
            fromOthers += java.util.Arrays.equals(get("near").body(), body) ? 1 : 0;
        }
        assertThat(fromOthers).isPositive();
    }

    @Test
    void shouldStopReadingTheClientWhileOneReplicaIsSlow() throws Exception {
        proxy.close();
        startProxy("10");
        int total = 64 << 20;
        List<StubStorageNode> p = primaries("o7");
        StubStorageNode slow = p.get(0);
        slow.pauseReadsAfter = 1 << 20;
        AtomicLong written = new AtomicLong();
        CompletableFuture<String> response = CompletableFuture.supplyAsync(() -> upload("o7", total, written));
        long[] last = {-1};
        int[] same = {0};
        Await.until("the upload to stall", Duration.ofSeconds(20), () -> {
            long w = written.get();
            same[0] = w == last[0] && w > 0 ? same[0] + 1 : 0;
            last[0] = w;
            return same[0] >= 3;
        });
        long slowGot = slow.bodyBytesReceived.get();
        assertThat(written.get()).isLessThan(total);
        for (StubStorageNode fast : p.subList(1, 3)) {
            // Fast replicas get at most the slow one's bytes plus buffers (watermarks, socket buffers).
            assertThat(fast.bodyBytesReceived.get()).isLessThan(slowGot + (24 << 20));
        }
        slow.release();
        assertThat(response.get(30, TimeUnit.SECONDS)).startsWith("HTTP/1.1 201");
        for (StubStorageNode n : p) {
            assertThat(n.stored(key("o7")).body()).hasSize(total);
        }
    }

    @Test
    void shouldDropAReplicaThatStaysUnwritableForNodeTimeout() throws Exception {
        // A node_timeout that a cold, leak-checking test JVM on two shared threads always meets for the
        // healthy replicas; the stalled one is dropped after it.
        proxy.close();
        startProxy("2");
        int total = 8 << 20;
        List<StubStorageNode> p = primaries("o8");
        p.get(2).pauseReadsAfter = 1 << 20;
        String head = upload("o8", total, new AtomicLong());
        assertThat(head).startsWith("HTTP/1.1 201");
        assertThat(p.get(0).stored(key("o8")).body()).hasSize(total);
        assertThat(p.get(1).stored(key("o8")).body()).hasSize(total);
        assertThat(p.get(2).objects).doesNotContainKey(key("o8"));
    }

    private String upload(String object, int total, AtomicLong written) {
        try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), proxy.port())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("PUT /v1/" + ACCOUNT + "/c/" + object + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + total
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            for (int sent = 0; sent < total; sent += chunk.length) {
                out.write(chunk);
                written.addAndGet(chunk.length);
            }
            out.flush();
            return readHead(s.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            sb.append((char) c);
            if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return sb.toString();
    }

    @Test
    void shouldReuseBackendConnectionsWhenPutsAreSequential() throws Exception {
        int puts = 20;
        for (int i = 0; i < puts; i++) {
            assertThat(put("seq" + i, randomBytes(4096)).statusCode()).isEqualTo(201);
        }

        int putConnections = 0;
        for (StubStorageNode n : nodes) {
            // at most one connection per node and proxy event loop (2), instead of one per replica PUT
            assertThat(n.putConnections).hasSizeLessThanOrEqualTo(2);
            putConnections += n.putConnections.size();
        }
        assertThat(putConnections).isLessThanOrEqualTo(nodes.size() * 2).isLessThan(3 * puts);
        for (int i = 0; i < puts; i++) {
            for (StubStorageNode n : primaries("seq" + i)) {
                assertThat(n.stored(key("seq" + i)).body()).isEqualTo(randomBytes(4096));
            }
        }
    }

    @Test
    void shouldPutOnEveryPrimaryWhenNodesClosedOrRestartedBetweenPuts() throws Exception {
        assertThat(put("warm", randomBytes(4096)).statusCode()).isEqualTo(201);
        for (StubStorageNode n : nodes) {
            n.dropReusedPuts.set(1); // the node's idle timeout fires just as the proxy reuses the connection
        }
        byte[] first = randomBytes(4500);
        assertThat(put("after-drop", first).statusCode()).isEqualTo(201);
        for (StubStorageNode n : nodes) {
            n.closeConnections(); // idle timeout on every node: each idle proxy channel is dead or dying
        }
        byte[] second = randomBytes(5000);
        assertThat(put("after-close", second).statusCode()).isEqualTo(201);
        for (StubStorageNode n : nodes) {
            n.restart();
        }
        byte[] third = randomBytes(6000);
        assertThat(put("after-restart", third).statusCode()).isEqualTo(201);

        // no replica failed over to a handoff: a dead reused channel was replaced by a fresh connection
        for (StubStorageNode n : primaries("after-drop")) {
            assertThat(n.stored(key("after-drop")).body()).isEqualTo(first);
        }
        for (StubStorageNode n : primaries("after-close")) {
            assertThat(n.stored(key("after-close")).body()).isEqualTo(second);
        }
        for (StubStorageNode n : primaries("after-restart")) {
            assertThat(n.stored(key("after-restart")).body()).isEqualTo(third);
        }
    }

    @Test
    void shouldStoreTheNextPutIntactWhenANodeRefusedAPutBefore100Continue() throws Exception {
        assertThat(put("r", randomBytes(4000)).statusCode()).isEqualTo(201); // leaves idle channels
        StubStorageNode refusing = primaries("r").get(0);
        refusing.refuseObjectPuts.set(1); // 400 in place of 100 Continue, body unread, keep-alive
        assertThat(put("r", randomBytes(4001)).statusCode()).isEqualTo(201); // a handoff stands in

        byte[] third = randomBytes(4002);
        assertThat(put("r", third).statusCode()).isEqualTo(201);

        // Had the refused channel been reused, the node would have read this PUT's head as the refused body.
        assertThat(refusing.stored(key("r")).body()).isEqualTo(third);
        assertThat(refusing.refuseObjectPuts.get()).isZero();
        HttpResponse<byte[]> g = get("r");
        assertThat(g.statusCode()).isEqualTo(200);
        assertThat(g.body()).isEqualTo(third);
    }

    @Test
    void shouldAnswerHealthcheckAndInfoWithoutBackends() throws Exception {
        HttpResponse<String> h =
                client.send(HttpRequest.newBuilder(uri("/healthcheck")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(h.statusCode()).isEqualTo(200);
        assertThat(h.body()).isEqualTo("OK");
        HttpResponse<String> i =
                client.send(HttpRequest.newBuilder(uri("/info")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(i.statusCode()).isEqualTo(200);
        assertThat(i.body())
                .contains("\"max_file_size\": 5368709122")
                .doesNotContain("slo")
                .doesNotContain("tempurl");
        assertThat(nodes.stream().mapToInt(n -> n.requests.get()).sum()).isZero();
    }

    @Test
    void shouldFreePortWhenClosed() throws Exception {
        int port = proxy.port();
        proxy.close();
        try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(s.getLocalPort()).isEqualTo(port);
        }
    }
}
