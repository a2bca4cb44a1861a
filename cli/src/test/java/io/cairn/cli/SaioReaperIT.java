package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.SwiftConf;
import io.cairn.common.path.HashPath;
import io.cairn.common.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's reaper check: a reseller admin deletes an account holding containers and objects (written with the
 * real {@code swift} client); {@code cairn reaper --once --saio DIR} leaves it alone while {@code delay_reaping}
 * lasts, then deletes every object (a tombstone on each primary) and every container.
 */
@Timeout(300)
class SaioReaperIT {
    private static final long DELAY_SECONDS = 3;

    @TempDir
    Path data;

    @TempDir
    Path work;

    private String once(int expectedExit) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        int exit = new OnceCommand(NodeDaemons.Kind.REAPER, out, out, NodeDaemons.standard(), Clock.systemUTC())
                .run(List.of("--once", "--saio", data.toString()));
        String text = buffer.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("cairn reaper --once: %s", text).isEqualTo(expectedExit);
        return text;
    }

    @Test
    void shouldEmptyAnAccountDeletedByAResellerAdminOnceDelayReapingHasPassed() throws Exception {
        try (SaioHarness saio = SaioHarness.startWithDaemons(
                data,
                Map.of(),
                NodeDaemons.none(),
                Map.of("account-reaper", Map.of("delay_reaping", Long.toString(DELAY_SECONDS))))) {
            SwiftCli tester2 = saio.cli("test2:tester2", "testing2", work);
            Files.writeString(work.resolve("a.txt"), "doomed", StandardCharsets.UTF_8);
            List<String[]> objects = new ArrayList<>();
            for (String container : List.of("c1", "c2")) {
                for (String name : List.of("x", "y/z")) {
                    tester2.run("upload", container, "a.txt", "--object-name", name)
                            .requireSuccess("upload");
                    objects.add(new String[] {container, name});
                }
            }
            SaioHarness.Login admin = saio.login("admin:admin", "admin");
            String account = "http://127.0.0.1:" + saio.port() + "/v1/AUTH_test2";
            int deleted = saio.send(HttpRequest.newBuilder(URI.create(account))
                            .header("X-Auth-Token", admin.token())
                            .DELETE())
                    .statusCode();
            assertThat(deleted).isEqualTo(204);
            long deletedAt = System.currentTimeMillis() / 1000;

            String early = once(0);
            assertThat(sum(early, "accounts_delayed")).as(early).isPositive();
            assertThat(sum(early, "objects_deleted")).isZero();
            assertThat(objectFiles(saio, "AUTH_test2", "c1", "x"))
                    .allSatisfy(f -> assertThat(f).endsWith(".data"));

            Await.until(
                    "delay_reaping passes",
                    Duration.ofSeconds(30),
                    () -> System.currentTimeMillis() / 1000 > deletedAt + DELAY_SECONDS);
            String report = once(0);
            assertThat(sum(report, "objects_deleted")).as(report).isEqualTo(4);
            assertThat(sum(report, "containers_deleted")).isEqualTo(2);
            assertThat(sum(report, "accounts_reaped")).isPositive();
            for (String[] o : objects) {
                assertThat(objectFiles(saio, "AUTH_test2", o[0], o[1]))
                        .as("replicas of %s/%s", o[0], o[1])
                        .hasSize(3)
                        .allSatisfy(f -> assertThat(f).endsWith(".ts"));
            }
            for (String container : List.of("c1", "c2")) {
                int status = saio.send(HttpRequest.newBuilder(URI.create(account + "/" + container))
                                .header("X-Auth-Token", admin.token()))
                        .statusCode();
                assertThat(status).as("GET %s", container).isEqualTo(404);
            }
            // nothing left: the next pass has no container to reap
            assertThat(sum(once(0), "containers_deleted")).isZero();
        }
    }

    /** The newest file of each primary replica of the object (empty string when the hash dir is gone). */
    private List<String> objectFiles(SaioHarness saio, String account, String container, String object)
            throws IOException {
        HashPath hash = SwiftConf.load(data.resolve("etc")).hashPath();
        String hex = hash.hex(account, container, object);
        int part = saio.objectPartition(account, container, object);
        List<String> out = new ArrayList<>();
        for (int n : saio.objectNodes(account, container, object).subList(0, 3)) {
            Path dir = data.resolve(
                    "srv/node" + n + "/sdb" + n + "/objects/" + part + "/" + hex.substring(29) + "/" + hex);
            String newest = "";
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    newest = files.map(f -> f.getFileName().toString()).sorted().reduce("", (a, b) -> b);
                }
            }
            out.add(newest);
        }
        return out;
    }

    /** The sum over the nodes of a counter in the {@code --once} report lines ({@code name=value}). */
    private static long sum(String report, String counter) {
        long total = 0;
        int at = report.indexOf(" " + counter + "=");
        if (at < 0) {
            at = report.indexOf("{" + counter + "=");
        }
        while (at >= 0) {
            int start = at + counter.length() + 2;
            int end = start;
            while (end < report.length() && Character.isDigit(report.charAt(end))) {
                end++;
            }
            total += Long.parseLong(report.substring(start, end));
            int next = report.indexOf(" " + counter + "=", end);
            at = next >= 0 ? next : report.indexOf("{" + counter + "=", end);
        }
        return total;
    }
}
