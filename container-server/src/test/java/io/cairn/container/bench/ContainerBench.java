package io.cairn.container.bench;

import io.cairn.common.config.IniFile;
import io.cairn.common.db.SwiftDbServerProcess;
import io.cairn.common.http.Transport;
import io.cairn.container.db.ContainerBroker;
import io.cairn.container.db.ObjectRecord;
import io.cairn.container.server.ContainerServer;
import io.cairn.container.server.ContainerServerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measurements for issue 3's closing note, all on 127.0.0.1 in a temp dir on the working filesystem:
 *
 * <ul>
 *   <li>{@code updates N C}: N object-row PUTs into ONE container from C concurrent clients (JDK
 *       HttpClient, keep-alive), against Cairn with batched {@code .pending} appends, Cairn with one append and
 *       one fold transaction per update ({@code group_commit_max_batch = 1}, {@code pending_fold_delay = 0})
 *       and Debian's {@code swift-container-server}; ops/s each.
 *   <li>{@code listing ROWS}: a container of ROWS rows filled by direct broker merges (10,000 per
 *       transaction), then 1,000-entry JSON listing pages (first page, a middle marker, a prefix) timed on
 *       Cairn and on Swift's server over a copy of the same DB (median and min of 20 after 3 warm-ups).
 * </ul>
 *
 * Not a test; run by {@code container-server/bench/run.sh}. Single-threaded driver apart from the clients.
 */
public final class ContainerBench {
    private static final String SWIFT_CONF = "[swift-hash]\nswift_hash_path_suffix = changeme\n"
            + "swift_hash_path_prefix = changeme\n[storage-policy:0]\nname = Policy-0\ndefault = yes\n";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final Path work;
    private final PrintStream out;

    private ContainerBench(Path work, PrintStream out) {
        this.work = work;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ContainerBench WORKDIR updates N C | WORKDIR listing ROWS");
        }
        ContainerBench bench = new ContainerBench(Path.of(args[0]), System.out);
        switch (args[1]) {
            case "updates" ->
                bench.updates(
                        Integer.parseInt(args.length > 2 ? args[2] : "20000"),
                        Integer.parseInt(args.length > 3 ? args[3] : "32"));
            case "listing" -> bench.listing(Integer.parseInt(args.length > 2 ? args[2] : "1000000"));
            default -> throw new IllegalArgumentException("unknown mode " + Arrays.toString(args));
        }
    }

    private ContainerServer cairn(Path devices, String extra) throws Exception {
        Path swiftDir = Files.createDirectories(work.resolve("etc-swift"));
        Files.writeString(swiftDir.resolve("swift.conf"), SWIFT_CONF);
        Files.createDirectories(devices.resolve("sda"));
        String conf = "[DEFAULT]\nbind_ip = 127.0.0.1\nbind_port = 0\nmount_check = false\ndevices = " + devices
                + "\nswift_dir = " + swiftDir + "\n" + extra + "\n[app:container-server]\nuse = egg:swift#container\n";
        ContainerServer s = new ContainerServer(
                ContainerServerConfig.from(IniFile.parse(conf, "bench.conf")), Transport.select(true));
        s.start();
        return s;
    }

    private static int send(int port, String method, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String ts(long i) {
        long t = 1_700_000_000_00000L + i;
        return (t / 100000) + "." + String.format(Locale.ROOT, "%05d", t % 100000);
    }

    // ---------------------------------------------------------------- updates

    private void updates(int n, int clients) throws Exception {
        out.printf(Locale.ROOT, "object-row PUTs into one container: %d updates, %d concurrent clients%n", n, clients);
        double grouped;
        double single;
        double swift;
        try (ContainerServer s = cairn(work.resolve("dev-grouped"), "")) {
            grouped = drive("cairn group commit", s.port(), n, clients);
            out.printf(
                    Locale.ROOT,
                    "  (cairn pending appends: %d append batches, %d folds for %d updates)%n",
                    s.committer().batchesAppended(),
                    s.committer().folds(),
                    n);
        }
        try (ContainerServer s =
                cairn(work.resolve("dev-single"), "group_commit_max_batch = 1\npending_fold_delay = 0")) {
            single = drive("cairn 1 txn/update", s.port(), n, clients);
        }
        Path swiftDevices = work.resolve("dev-swift");
        Files.createDirectories(swiftDevices.resolve("sda"));
        try (SwiftDbServerProcess s = SwiftDbServerProcess.start("container", swiftDevices, work)) {
            swift = drive("swift-container-server (workers=0)", s.port(), n, clients);
        }
        out.printf(
                Locale.ROOT,
                "ratios: group/single %.2fx, group/swift %.2fx, single/swift %.2fx%n",
                grouped / single,
                grouped / swift,
                single / swift);
    }

    private double drive(String label, int port, int n, int clients) throws Exception {
        if (send(port, "PUT", "/sda/1/bench/c", "X-Timestamp", ts(0), "X-Backend-Storage-Policy-Index", "0") != 201) {
            throw new IllegalStateException(label + ": container PUT failed");
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    int status = send(
                            port,
                            "PUT",
                            "/sda/1/bench/c/obj-" + i,
                            "X-Timestamp",
                            ts(i + 1),
                            "X-Size",
                            "100",
                            "X-Content-Type",
                            "application/octet-stream",
                            "X-Etag",
                            "d41d8cd98f00b204e9800998ecf8427e",
                            "X-Backend-Storage-Policy-Index",
                            "0");
                    if (status != 201) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        double rate = n / seconds;
        out.printf(
                Locale.ROOT,
                "  %-36s %8.0f ops/s  (%d in %.2f s, %d non-201)%n",
                label,
                rate,
                n,
                seconds,
                failures.get());
        return rate;
    }

    // ---------------------------------------------------------------- listing

    private void listing(int rows) throws Exception {
        Path devices = work.resolve("dev-listing");
        String hash;
        try (ContainerServer s = cairn(devices, "")) {
            if (send(s.port(), "PUT", "/sda/1/bench/big", "X-Timestamp", ts(0), "X-Backend-Storage-Policy-Index", "0")
                    != 201) {
                throw new IllegalStateException("container PUT failed");
            }
        }
        hash = io.cairn.common.path.HashPath.of("changeme", "changeme").hex("bench", "big", null);
        Path rel = Path.of("sda", "containers", "1", hash.substring(29), hash);
        Path db = devices.resolve(rel).resolve(hash + ".db");
        long fillStart = System.nanoTime();
        try (ContainerBroker broker = new ContainerBroker(db, "bench", "big", Clock.systemUTC())) {
            List<ObjectRecord> batch = new ArrayList<>(10_000);
            for (int i = 0; i < rows; i++) {
                String name = String.format(Locale.ROOT, "dir%03d/obj-%08d", i % 1000, i);
                batch.add(new ObjectRecord(
                        name, ts(i + 1), 100, "application/octet-stream", "d41d8cd98f00b204e9800998ecf8427e", 0, 0));
                if (batch.size() == 10_000) {
                    broker.mergeItems(batch, null, -1);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                broker.mergeItems(batch, null, -1);
            }
        }
        out.printf(
                Locale.ROOT,
                "filled %d rows by direct broker merges in %.1f s; DB %d MiB%n",
                rows,
                (System.nanoTime() - fillStart) / 1e9,
                Files.size(db) >> 20);
        List<String> queries = List.of(
                "?format=json&limit=1000",
                "?format=json&limit=1000&marker=dir500/",
                "?format=json&limit=1000&prefix=dir777/",
                "?format=json&limit=1000&delimiter=/");
        try (ContainerServer s = cairn(devices, "")) {
            time("cairn", s.port(), queries);
        }
        Path swiftDevices = work.resolve("dev-listing-swift");
        Path target = Files.createDirectories(swiftDevices.resolve(rel));
        Files.copy(db, target.resolve(hash + ".db"), StandardCopyOption.REPLACE_EXISTING);
        try (SwiftDbServerProcess s = SwiftDbServerProcess.start("container", swiftDevices, work)) {
            time("swift-container-server", s.port(), queries);
        }
    }

    private void time(String label, int port, List<String> queries) throws Exception {
        for (String q : queries) {
            String path = "/sda/1/bench/big" + q;
            long[] ms = new long[20];
            int bytes = 0;
            for (int i = -3; i < ms.length; i++) {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(Duration.ofMinutes(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                long micros = (System.nanoTime() - t0) / 1000;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(label + " " + q + ": " + r.statusCode());
                }
                bytes = r.body().length;
                if (i >= 0) {
                    ms[i] = micros;
                }
            }
            Arrays.sort(ms);
            out.printf(
                    Locale.ROOT,
                    "  %-24s %-44s median %7.2f ms  min %7.2f ms  (%d bytes)%n",
                    label,
                    q,
                    ms[ms.length / 2] / 1000.0,
                    ms[0] / 1000.0,
                    bytes);
        }
    }
}
