package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.SwiftConf;
import io.cairn.common.path.ExpiringObjects;
import io.cairn.common.path.HashPath;
import io.cairn.common.testing.Await;
import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import io.cairn.ring.RingLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's expirer check, as the held-out check runs it: a SAIO, objects made to expire through the real
 * {@code swift} client ({@code X-Delete-After} on upload, {@code X-Delete-At} by {@code swift post}), then
 * {@code cairn expirer --once --saio DIR}: the objects are gone from the listing, answer 404, and each primary
 * holds a tombstone. And the async-pending path: an object written while a node holding both a replica of its
 * container and of its expirer task container was down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class SaioExpirerIT {
    private Path data;
    private Path work;
    private SaioHarness saio;

    @BeforeAll
    void startSaio(@TempDir Path dataDir, @TempDir Path workDir) throws Exception {
        this.data = dataDir;
        this.work = workDir;
        saio = SaioHarness.start(data, Map.of(), Map.of());
    }

    @AfterAll
    void stopSaio() {
        if (saio != null) {
            saio.close();
        }
    }

    private SwiftCli tester() {
        return saio.cli("test:tester", "testing", work);
    }

    /** {@code cairn <command> --once --saio DIR} in-process; its exit code and output. */
    private String once(NodeDaemons.Kind kind, int expectedExit) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        int exit = new OnceCommand(kind, out, out, NodeDaemons.standard(), Clock.systemUTC())
                .run(List.of("--once", "--saio", data.toString()));
        String text = buffer.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("cairn %s --once: %s", kind.command(), text).isEqualTo(expectedExit);
        return text;
    }

    /** The JSON listing of each replica of {@code AUTH_test/container}, asked of its container server directly. */
    private List<String> replicaListings(String container) throws Exception {
        Path etc = data.resolve("etc");
        HashPath hash = SwiftConf.load(etc).hashPath();
        Ring containers = RingLoader.open(etc.resolve("container.ring.gz")).ring();
        int part = containers.partition(hash, "AUTH_test", container, null);
        List<String> out = new ArrayList<>();
        for (int n : nodes(containers, part)) {
            String url = "http://127.0.0.1:" + saio.cluster().storagePort("container", n) + "/sdb" + n + "/" + part
                    + "/AUTH_test/" + container + "?format=json";
            out.add(new String(
                            saio.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)))
                                    .body(),
                            StandardCharsets.UTF_8)
                    .strip());
        }
        return out;
    }

    /** {@code swift list container}, stripped. */
    private String listing(String container) {
        try {
            return tester().run("list", container).out().strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTime(long epochSecond) {
        Await.until(
                "the clock passes " + epochSecond,
                Duration.ofSeconds(30),
                () -> System.currentTimeMillis() / 1000 > epochSecond);
    }

    @Test
    void shouldRemoveExpiredObjectsWhenTheExpirerRunsOnceOnTheSaio() throws Exception {
        Path file = Files.writeString(work.resolve("soon.txt"), "short-lived", StandardCharsets.UTF_8);
        tester().run("upload", "exp", "soon.txt", "--object-name", "keeper").requireSuccess("upload");
        tester().run("upload", "exp", "soon.txt", "--object-name", "posted").requireSuccess("upload");
        long postedAt = System.currentTimeMillis() / 1000 + 2;
        tester().run("post", "exp", "posted", "-H", "X-Delete-At: " + postedAt).requireSuccess("post");
        tester().run("upload", "exp", "soon.txt", "-H", "X-Delete-After: 1").requireSuccess("upload");
        // the proxy sets X-Delete-At = int(request time + 1), at most one second after the upload returned
        long soonAt = System.currentTimeMillis() / 1000 + 1;
        assertThat(file).exists();

        awaitTime(Math.max(soonAt, postedAt));
        String report = once(NodeDaemons.Kind.EXPIRER, 0);
        assertThat(report).contains("object-expirer: completed");
        assertThat(sumCounter(report, "objects_expired")).isEqualTo(2);

        Await.until(
                "listing without the expired objects",
                Duration.ofSeconds(10),
                () -> listing("exp").equals("keeper"));
        for (String name : List.of("soon.txt", "posted")) {
            SwiftCli.Result stat = tester().run("stat", "exp", name);
            assertThat(stat.exitCode()).as("stat %s", name).isNotZero();
            assertThat(stat.err()).contains("404");
            assertThat(primaryFiles("AUTH_test", "exp", name))
                    .as("replicas of %s", name)
                    .hasSize(3)
                    .allSatisfy(files ->
                            assertThat(files).singleElement().asString().endsWith(".ts"));
        }
        // nothing left to do: a second pass finds the queue empty
        assertThat(sumCounter(once(NodeDaemons.Kind.EXPIRER, 0), "objects_expired"))
                .isZero();
    }

    @Test
    void shouldExpireATaskWrittenIntoATaskContainerAnEarlierPassDeleted() throws Exception {
        Path file = Files.writeString(work.resolve("again.txt"), "twice", StandardCharsets.UTF_8);
        tester().run("post", "again").requireSuccess("create container");
        // the same name twice on one day: both tasks go to the same task container (day bucket minus the name's
        // shard). The first pass empties the task container and, the container being due, deletes it; the container
        // servers report it alive again as the second task's row lands, so the second pass lists it.
        for (int round = 1; round <= 2; round++) {
            long deleteAt = System.currentTimeMillis() / 1000 + 2;
            tester().run("upload", "again", file.toString(), "--object-name", "o", "-H", "X-Delete-At: " + deleteAt)
                    .requireSuccess("upload " + round);
            awaitTime(deleteAt);
            assertThat(sumCounter(once(NodeDaemons.Kind.EXPIRER, 0), "objects_expired"))
                    .as("pass %d", round)
                    .isEqualTo(1);
        }
        Await.until(
                "listing without the expired object",
                Duration.ofSeconds(10),
                () -> listing("again").isEmpty());
    }

    @Test
    void shouldExpireAnObjectWrittenWhileAReplicaOfItsContainerAndTaskWasDown() throws Exception {
        long deleteAt = System.currentTimeMillis() / 1000 + 4;
        String[] chosen = pickObjectWithDownNodeInBothContainers(deleteAt);
        String container = chosen[0];
        String object = chosen[1];
        int down = Integer.parseInt(chosen[2]);
        tester().run("post", container).requireSuccess("create container");
        saio.cluster().stopNode(down);
        try {
            Files.writeString(work.resolve(object), "while down", StandardCharsets.UTF_8);
            tester().run("upload", container, object, "-H", "X-Delete-At: " + deleteAt)
                    .requireSuccess("upload while node " + down + " is down");
            assertThat(asyncPendings())
                    .as("the listing update and the queue update meant for node %s", down)
                    .hasSizeGreaterThanOrEqualTo(2);
        } finally {
            saio.cluster().startNode(down);
        }
        awaitTime(deleteAt);
        once(NodeDaemons.Kind.EXPIRER, 0);
        Await.until(
                "listing without the expired object",
                Duration.ofSeconds(10),
                () -> listing(container).isEmpty());
        assertThat(tester().run("stat", container, object).err()).contains("404");

        // the updater now delivers the pendings written while the node was down: nothing comes back
        assertThat(replicaListings(container)).allSatisfy(l -> assertThat(l).isEqualTo("[]"));
        once(NodeDaemons.Kind.UPDATER, 0);
        assertThat(asyncPendings()).isEmpty();
        assertThat(replicaListings(container)).allSatisfy(l -> assertThat(l).isEqualTo("[]"));
        assertThat(sumCounter(once(NodeDaemons.Kind.EXPIRER, 0), "objects_expired"))
                .isZero();
        assertThat(primaryFiles("AUTH_test", container, object))
                .allSatisfy(
                        files -> assertThat(files).singleElement().asString().endsWith(".ts"));
    }

    /**
     * A container and object name whose non-primary object node (the one a PUT does not need) holds a replica
     * of the container and of the object's expirer task container: stopping it sends both updates to
     * async_pendings while the PUT itself succeeds on all three primaries.
     */
    private String[] pickObjectWithDownNodeInBothContainers(long deleteAt) throws IOException {
        Path etc = data.resolve("etc");
        HashPath hash = SwiftConf.load(etc).hashPath();
        Ring containers = RingLoader.open(etc.resolve("container.ring.gz")).ring();
        for (int c = 0; c < 50; c++) {
            String container = "pend" + c;
            List<Integer> listingNodes = nodes(containers, containers.partition(hash, "AUTH_test", container, null));
            for (int o = 0; o < 200; o++) {
                String object = "obj" + o;
                int spare = saio.objectNodes("AUTH_test", container, object).get(3);
                String taskContainer =
                        ExpiringObjects.taskContainer(deleteAt, 86_400, hash.raw("AUTH_test", container, object));
                List<Integer> queueNodes =
                        nodes(containers, containers.partition(hash, ".expiring_objects", taskContainer, null));
                if (listingNodes.contains(spare) && queueNodes.contains(spare)) {
                    return new String[] {container, object, Integer.toString(spare)};
                }
            }
        }
        throw new AssertionError("no name puts the spare node in both containers");
    }

    private static List<Integer> nodes(Ring ring, int partition) {
        List<Integer> out = new ArrayList<>();
        for (Device d : ring.primaries(partition)) {
            out.add(Integer.parseInt(d.device().substring("sdb".length())));
        }
        return out;
    }

    /** For each primary node of the object, the file names in its hash directory. */
    private List<List<String>> primaryFiles(String account, String container, String object) throws IOException {
        HashPath hash = SwiftConf.load(data.resolve("etc")).hashPath();
        String hex = hash.hex(account, container, object);
        int part = saio.objectPartition(account, container, object);
        List<List<String>> out = new ArrayList<>();
        for (int n : saio.objectNodes(account, container, object).subList(0, 3)) {
            Path dir = data.resolve(
                    "srv/node" + n + "/sdb" + n + "/objects/" + part + "/" + hex.substring(29) + "/" + hex);
            List<String> names = new ArrayList<>();
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.forEach(f -> names.add(f.getFileName().toString()));
                }
            }
            out.add(names);
        }
        return out;
    }

    private List<Path> asyncPendings() throws IOException {
        List<Path> out = new ArrayList<>();
        for (int n = 1; n <= SaioCluster.NODES; n++) {
            Path dev = data.resolve("srv/node" + n + "/sdb" + n);
            try (Stream<Path> dirs = Files.list(dev)) {
                for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("async_pending"))
                        .toList()) {
                    try (Stream<Path> walk = Files.walk(dir)) {
                        walk.filter(Files::isRegularFile).forEach(out::add);
                    }
                }
            }
        }
        return out;
    }

    /** The sum over the nodes of a counter in {@code OnceCommand}'s report lines ({@code name=value}). */
    private static long sumCounter(String report, String counter) {
        long sum = 0;
        int at = report.indexOf(counter + "=");
        while (at >= 0) {
            int start = at + counter.length() + 1;
            int end = start;
            while (end < report.length() && Character.isDigit(report.charAt(end))) {
                end++;
            }
            sum += Long.parseLong(report.substring(start, end));
            at = report.indexOf(counter + "=", end);
        }
        return sum;
    }
}
