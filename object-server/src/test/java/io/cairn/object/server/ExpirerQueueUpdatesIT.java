package io.cairn.object.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.codec.Json;
import io.cairn.common.http.Transport;
import io.cairn.common.path.ExpiringObjects;
import io.cairn.common.path.PercentCoding;
import io.cairn.common.testing.Await;
import io.cairn.common.testing.Python;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The object server's expirer-queue updates (Swift's {@code delete_at_update}) on PUT, POST and DELETE,
 * checked against what Swift 2.30.1's own {@code ObjectController.delete_at_update} produces for the same
 * request (run in Debian's Python with {@code async_update} captured): the task row sent to the queue's
 * container replicas, and the async_pendings (Swift's pickle, read back by Python's {@code pickle}) for a
 * removed task or an unreachable queue replica.
 */
@Timeout(120)
class ExpirerQueueUpdatesIT {
    private static final String TS1 = "1700000001.00000";
    private static final String TS2 = "1700000002.00000";
    private static final String TS3 = "1700000003.00000";
    private static final long AT1 = 1_700_010_000L;
    private static final long AT2 = 1_700_200_000L;

    @TempDir
    Path root;

    private DiskFixture disk;
    private ObjectServerNode node;

    @BeforeAll
    static void watchLeaks() {
        LeakCheck.install();
    }

    @BeforeEach
    void start() throws Exception {
        disk = new DiskFixture(root);
        node = ObjectServerNode.start(
                disk.objectServerConfig("container_update_timeout = 0.5\n"),
                disk.swiftConf(),
                Transport.select(true),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        node.close();
        LeakCheck.assertNoLeaks();
    }

    private RawHttp.Response send(String method, String path, String headers) throws IOException {
        return RawHttp.exchange(
                node.port(), method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers, new byte[0]);
    }

    private static String queueHeaders(String hostPort, long deleteAt, String container) {
        return "X-Delete-At: " + deleteAt + "\r\nX-Delete-At-Host: " + hostPort
                + "\r\nX-Delete-At-Device: sdq\r\nX-Delete-At-Partition: 7\r\nX-Delete-At-Container: " + container
                + "\r\n";
    }

    private List<String> pendings() {
        try {
            return disk.files("sda", "async_pending-1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldQueueMoveAndDropTasksAsSwiftWhenObjectIsPutPostedAndDeleted() throws Exception {
        try (StubContainerServer queue = new StubContainerServer()) {
            // PUT with X-Delete-At: the task row goes to the queue replica the proxy named
            RawHttp.Response put = send(
                    "PUT",
                    "/sda/1/AUTH_t/c/o%20x",
                    "X-Timestamp: " + TS1 + "\r\nContent-Length: 0\r\nContent-Type: text/plain\r\n"
                            + "X-Backend-Storage-Policy-Index: 1\r\nX-Trans-Id: tx1\r\n"
                            + queueHeaders(queue.hostPort(), AT1, "1699920000"));
            assertThat(put.status()).isEqualTo(201);
            assertThat(queue.received()).hasSize(1);
            StubContainerServer.Received row = queue.received().get(0);
            Map<String, Object> swiftPut = swiftUpdates(
                            "PUT", "/sda/1/AUTH_t/c/o x", TS1, AT1, queue.hostPort(), "1699920000", true)
                    .get(0);
            assertThat(row.method()).isEqualTo("PUT");
            assertThat(row.rawPath())
                    .isEqualTo("/sdq/7"
                            + PercentCoding.quote("/" + swiftPut.get("account") + "/" + swiftPut.get("container") + "/"
                                    + swiftPut.get("obj")));
            assertThat(row.rawPath()).isEqualTo("/sdq/7/.expiring_objects/1699920000/1700010000-AUTH_t/c/o%20x");
            assertSameHeaders(row.headers(), swiftPut);
            assertThat(pendings()).isEmpty();

            // POST moving X-Delete-At: the new task is sent, the old one removed through an async_pending
            RawHttp.Response post = send(
                    "POST",
                    "/sda/1/AUTH_t/c/o%20x",
                    "X-Timestamp: " + TS2 + "\r\nX-Backend-Storage-Policy-Index: 1\r\nX-Trans-Id: tx2\r\n"
                            + queueHeaders(queue.hostPort(), AT2, "1700179200"));
            assertThat(post.status()).isEqualTo(202);
            assertThat(queue.received()).hasSize(2);
            assertThat(queue.received().get(1).rawPath())
                    .isEqualTo("/sdq/7/.expiring_objects/1700179200/1700200000-AUTH_t/c/o%20x");
            List<Map<String, Object>> swiftPost = swiftUpdates("POST", "/sda/1/AUTH_t/c/o x", TS2, AT1, "-", "-", true);
            assertThat(pendings()).singleElement().asString().endsWith("-" + TS2);
            assertSamePending(pendings().get(0), swiftPost.get(0));

            // DELETE that must not clean the queue (the proxy's third request, or the expirer's own DELETE)
            send(
                    "DELETE",
                    "/sda/1/AUTH_t/c/o%20x",
                    "X-Timestamp: " + TS3 + "\r\nX-Backend-Storage-Policy-Index: 1\r\n"
                            + "X-Backend-Clean-Expiring-Object-Queue: f\r\n");
            assertThat(pendings()).hasSize(1);
        }
    }

    @Test
    void shouldDropTheTaskWhenTheObjectIsDeleted() throws Exception {
        send(
                "PUT",
                "/sda/1/AUTH_t/c/gone",
                "X-Timestamp: " + TS1 + "\r\nContent-Length: 0\r\nContent-Type: text/plain\r\n"
                        + "X-Backend-Storage-Policy-Index: 1\r\nX-Delete-At: " + AT1 + "\r\n");
        assertThat(pendings())
                .as("no X-Delete-At-Host: another object server queues it")
                .isEmpty();
        RawHttp.Response deleted = send(
                "DELETE", "/sda/1/AUTH_t/c/gone", "X-Timestamp: " + TS2 + "\r\nX-Backend-Storage-Policy-Index: 1\r\n");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(pendings()).singleElement().asString().endsWith("-" + TS2);
        assertSamePending(
                pendings().get(0),
                swiftUpdates("DELETE", "/sda/1/AUTH_t/c/gone", TS2, AT1, "-", "-", true)
                        .get(0));
    }

    @Test
    void shouldSaveTheTaskAsAsyncPendingWhenTheQueueReplicaIsDown() throws Exception {
        RawHttp.Response put = send(
                "PUT",
                "/sda/1/AUTH_t/c/later",
                "X-Timestamp: " + TS1 + "\r\nContent-Length: 0\r\nContent-Type: text/plain\r\n"
                        + "X-Backend-Storage-Policy-Index: 1\r\n" + queueHeaders("127.0.0.1:1", AT1, "1699920000"));
        assertThat(put.status()).isEqualTo(201);
        Await.until(
                "queue update saved", Duration.ofSeconds(10), () -> !pendings().isEmpty());
        assertSamePending(
                pendings().get(0),
                swiftUpdates("PUT", "/sda/1/AUTH_t/c/later", TS1, AT1, "127.0.0.1:1", "1699920000", true)
                        .get(0));
        assertThat(pendings().get(0))
                .endsWith(disk.swiftConf()
                                .hashPath()
                                .hex(
                                        ".expiring_objects",
                                        "1699920000",
                                        ExpiringObjects.taskObject(AT1, "AUTH_t", "c", "later"))
                        + "-" + TS1);
    }

    private static void assertSameHeaders(Map<String, String> sent, Map<String, Object> swift) {
        @SuppressWarnings("unchecked")
        Map<String, Object> expected = new LinkedHashMap<>((Map<String, Object>) swift.get("headers"));
        expected.remove("Referer");
        expected.forEach((k, v) -> assertThat(sent).as("header %s", k).containsEntry(k, (String) v));
        assertThat(sent.get("User-Agent")).startsWith("object-server ");
        assertThat(sent.get("Referer")).endsWith("/sda/1/AUTH_t/c/o%20x");
    }

    /** Loads the pickle with Python and compares it with Swift's own update (but the pid and the Referer's host). */
    private void assertSamePending(String relative, Map<String, Object> swift) throws Exception {
        Path file = disk.devices.resolve("sda/async_pending-1").resolve(relative);
        String script = """
                import json, pickle, sys
                with open(sys.argv[1], 'rb') as f:
                    d = pickle.load(f)
                d['headers'] = dict(d['headers'])
                print(json.dumps(d))
                """;
        @SuppressWarnings("unchecked")
        Map<String, Object> pickled =
                (Map<String, Object>) Objects.requireNonNull(Json.parse(Python.runText(script, file.toString())));
        assertThat(pickled.get("op")).isEqualTo(swift.get("op"));
        assertThat(pickled.get("account")).isEqualTo(swift.get("account"));
        assertThat(pickled.get("container")).isEqualTo(swift.get("container"));
        assertThat(pickled.get("obj")).isEqualTo(swift.get("obj"));
        @SuppressWarnings("unchecked")
        Map<String, Object> headers = new LinkedHashMap<>((Map<String, Object>) pickled.get("headers"));
        assertThat((String) headers.remove("User-Agent")).startsWith("object-server ");
        assertThat((String) headers.remove("Referer")).contains("/sda/1/AUTH_t/c/");
        headers.remove("X-Trans-Id");
        @SuppressWarnings("unchecked")
        Map<String, Object> expected = new LinkedHashMap<>((Map<String, Object>) swift.get("headers"));
        expected.remove("Referer");
        assertThat(headers).isEqualTo(expected);
    }

    /**
     * What Swift 2.30.1's {@code delete_at_update} does for an object request: each {@code async_update} call
     * (op, account, container, obj, headers), in order; for a POST or DELETE, the DELETE of {@code deleteAt}.
     */
    private List<Map<String, Object>> swiftUpdates(
            String method, String path, String ts, long deleteAt, String host, String container, boolean policyOne)
            throws Exception {
        String script = """
                import json, sys
                from swift.common import utils
                utils.HASH_PATH_PREFIX = b'cairnpre'
                utils.HASH_PATH_SUFFIX = b'cairnsuf'
                from swift.obj import server
                from swift.common.swob import Request
                from swift.common.storage_policy import POLICIES
                method, path, ts, at, host, cont, pol = sys.argv[1:8]
                c = server.ObjectController({'devices': '/nonexistent', 'mount_check': 'false'})
                calls = []
                def capture(op, account, container, obj, host, partition, contdevice, headers_out, objdevice,
                            policy, **kw):
                    calls.append(dict(op=op, account=account, container=container, obj=obj,
                                      headers=dict(headers_out)))
                c.async_update = capture
                headers = {'X-Timestamp': ts, 'X-Trans-Id': 'tx'}
                if host != '-':
                    headers.update({'X-Delete-At-Host': host, 'X-Delete-At-Device': 'sdq',
                                    'X-Delete-At-Partition': '7', 'X-Delete-At-Container': cont})
                req = Request.blank(path, environ={'REQUEST_METHOD': method}, headers=headers)
                op = 'PUT' if method == 'PUT' else 'DELETE'
                a, co, o = path.split('/', 5)[3:]
                c.delete_at_update(op, int(at), a, co, o, req, 'sda', POLICIES.legacy)
                print(json.dumps(calls))
                """;
        String out = Python.runText(
                script, method, path, ts, Long.toString(deleteAt), host, container, policyOne ? "1" : "0");
        @SuppressWarnings("unchecked")
        List<Object> calls = (List<Object>) Objects.requireNonNull(Json.parse(out.strip()));
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object call : calls) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) call;
            @SuppressWarnings("unchecked")
            Map<String, Object> headers = (Map<String, Object>) Objects.requireNonNull(m.get("headers"));
            // the trans id is the request's in both; the test sends tx1/tx2 to Cairn and "tx" to Swift
            headers.remove("X-Trans-Id");
            result.add(m);
        }
        assertThat(result).isNotEmpty();
        return result;
    }
}
