package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage faults under a SAIO: stopped nodes (handoffs, quorum) and a node that accepts connections but
 * never answers (the proxy's conn_timeout/node_timeout move it on).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyFaultIT {
    private static final Duration CONN_TIMEOUT = Duration.ofMillis(500);
    private static final Duration NODE_TIMEOUT = Duration.ofSeconds(1);
    /** What a request may take when one backend hangs: the timeouts it can hit, plus slack for a loaded CI box. */
    private static final Duration HUNG_NODE_BUDGET =
            CONN_TIMEOUT.plus(NODE_TIMEOUT.multipliedBy(2)).plus(Duration.ofSeconds(4));

    private Path data;

    private SaioHarness saio;
    private SaioHarness.Login login;

    @BeforeAll
    void startSaio(@TempDir Path dataDir) throws Exception {
        this.data = dataDir;
        saio = SaioHarness.start(
                data,
                Map.of(
                        "conn_timeout", "0.5",
                        "node_timeout", "1",
                        "recoverable_node_timeout", "1",
                        // a stopped node's errors must not make later tests skip it
                        "error_suppression_limit", "1000"),
                Map.of());
        login = saio.login("test:tester", "testing");
        assertThat(saio.send(SaioHarness.request(login, "/faults").PUT(HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .isEqualTo(201);
    }

    @AfterEach
    void restartStoppedNodes() throws Exception {
        saio.restartStoppedNodes();
    }

    @AfterAll
    void stopSaio() {
        if (saio != null) {
            saio.close();
        }
    }

    private static byte[] randomBody(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private HttpResponse<byte[]> put(String object, byte[] body) throws Exception {
        return saio.send(
                SaioHarness.request(login, "/faults/" + object).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpResponse<byte[]> get(String object, boolean newest) throws Exception {
        HttpRequest.Builder r = SaioHarness.request(login, "/faults/" + object);
        if (newest) {
            r.header("X-Newest", "true");
        }
        return saio.send(r);
    }

    /** A HEAD straight to node {@code n}'s object server: does that node hold the object? */
    private int backendHead(int n, String object) throws Exception {
        int part = saio.objectPartition("AUTH_test", "faults", object);
        URI uri = URI.create("http://127.0.0.1:" + saio.cluster().storagePort("object", n) + "/sdb" + n + "/" + part
                + "/AUTH_test/faults/" + object);
        return saio.send(HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()))
                .statusCode();
    }

    @Test
    void shouldStoreOnAHandoffAndReadItBackWhenOnePrimaryIsDown() throws Exception {
        List<Integer> nodes = saio.objectNodes("AUTH_test", "faults", "one-down");
        int down = nodes.get(0);
        int handoff = nodes.get(3);
        saio.cluster().stopNode(down);
        byte[] body = randomBody(256 * 1024, 1);
        assertThat(put("one-down", body).statusCode()).isEqualTo(201);
        assertThat(backendHead(handoff, "one-down"))
                .as("the handoff node holds a copy")
                .isEqualTo(200);
        assertThat(backendHead(nodes.get(1), "one-down")).isEqualTo(200);
        assertThat(backendHead(nodes.get(2), "one-down")).isEqualTo(200);
        HttpResponse<byte[]> got = get("one-down", false);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(body);
        HttpResponse<byte[]> newest = get("one-down", true);
        assertThat(newest.statusCode()).isEqualTo(200);
        assertThat(newest.body()).isEqualTo(body);
    }

    @Test
    void shouldUseTheHandoffWhenTwoPrimariesAreDownAndAnswer503WhenItIsDownToo() throws Exception {
        List<Integer> nodes = saio.objectNodes("AUTH_test", "faults", "two-down");
        saio.cluster().stopNode(nodes.get(0));
        saio.cluster().stopNode(nodes.get(1));
        byte[] body = randomBody(4096, 2);
        // Swift too: one primary plus the one handoff this 4-node ring has make a quorum of 2
        assertThat(put("two-down", body).statusCode()).isEqualTo(201);
        assertThat(backendHead(nodes.get(3), "two-down")).isEqualTo(200);
        saio.cluster().stopNode(nodes.get(3));
        HttpResponse<byte[]> noQuorum = put("two-down-no-quorum", body);
        assertThat(noQuorum.statusCode()).isEqualTo(503);
        saio.cluster().startNode(nodes.get(0));
        saio.cluster().startNode(nodes.get(1));
        saio.cluster().startNode(nodes.get(3));
        assertThat(get("two-down-no-quorum", true).statusCode())
                .as("the failed PUT left nothing readable")
                .isEqualTo(404);
        HttpResponse<byte[]> earlier = get("two-down", false);
        assertThat(earlier.statusCode()).isEqualTo(200);
        assertThat(earlier.body()).isEqualTo(body);
    }

    @Test
    void shouldMoveOnWithinTheTimeoutsWhenAPrimaryAcceptsButNeverAnswers() throws Exception {
        List<Integer> nodes = saio.objectNodes("AUTH_test", "faults", "hung");
        int hung = nodes.get(0);
        int port = saio.cluster().storagePort("object", hung);
        saio.cluster().stopNode(hung);
        byte[] body = randomBody(64 * 1024, 3);
        try (BlackHole hole = new BlackHole(port)) {
            long start = System.nanoTime();
            HttpResponse<byte[]> put = put("hung", body);
            Duration putTook = Duration.ofNanos(System.nanoTime() - start);
            assertThat(put.statusCode()).isEqualTo(201);
            assertThat(putTook).isLessThan(HUNG_NODE_BUDGET);
            assertThat(hole.acceptedCount()).as("the proxy tried the hung node").isPositive();
            assertThat(backendHead(nodes.get(3), "hung"))
                    .as("the handoff took its place")
                    .isEqualTo(200);

            int before = hole.acceptedCount();
            start = System.nanoTime();
            // X-Newest asks every node, so the hung one is asked for sure
            HttpResponse<byte[]> newest = get("hung", true);
            Duration newestTook = Duration.ofNanos(System.nanoTime() - start);
            assertThat(newest.statusCode()).isEqualTo(200);
            assertThat(newest.body()).isEqualTo(body);
            assertThat(newestTook).isLessThan(HUNG_NODE_BUDGET);
            assertThat(hole.acceptedCount()).isGreaterThan(before);

            for (int i = 0; i < 3; i++) {
                start = System.nanoTime();
                HttpResponse<byte[]> got = get("hung", false);
                assertThat(got.statusCode()).isEqualTo(200);
                assertThat(got.body()).isEqualTo(body);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HUNG_NODE_BUDGET);
            }
        }
    }
}
