package io.cairn.bench;

import io.cairn.bench.client.AuthStrategy;
import io.cairn.bench.client.S3AuthStrategy;
import io.cairn.bench.client.TempAuthStrategy;
import io.cairn.bench.client.TokenAuthStrategy;
import io.cairn.bench.run.ProcessCpuSampler;
import io.cairn.bench.run.ThreadClassifier;
import io.cairn.bench.workload.Api;
import io.cairn.bench.workload.Durations;
import io.cairn.bench.workload.OperationMix;
import io.cairn.bench.workload.SizeDistribution;
import io.cairn.bench.workload.StandardWorkloads;
import io.cairn.bench.workload.WorkloadSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The command line of {@code cairn-bench.jar}, parsed and checked: a named workload with overrides, the target and its
 * credentials, the server PIDs (and the proxy's PIDs or thread names) for CPU accounting and the outputs. Immutable.
 */
final class BenchOptions {
    static final String USAGE = String.join(
            "\n",
            "usage: java -jar cairn-bench.jar [options]",
            "  workload:  --workload NAME (" + String.join(", ", StandardWorkloads.names()) + "; default 4k-put)",
            "             --size SIZE|MIN-MAX|SIZE:W,SIZE:W  --mix put=70,get=20,delete=10,head=0,list=0",
            "             --concurrency N  --duration 20s  --ops N  --warmup 3s  --containers N",
            "             --prefill N  --prefill-timeout 120s  --list-limit 1000",
            "             --rate OPS (open loop: OPS requests/s over all connections on a fixed schedule, latency",
            "             from each one's intended start; default: closed loop)",
            "             --list-container NAME --list-objects N (list an existing container holding objects",
            "             o000000000000 ... of ids 0..N-1 instead of prefilling one; compare.sh fills it on disk)",
            "  target:    --auth-url http://127.0.0.1:8080/auth/v1.0 [--user test:tester] [--key testing]",
            "             or --storage-url http://host:port/v1/AUTH_x --token TOKEN",
            "  S3 (s3-* workloads): --endpoint http://127.0.0.1:8080 (default: --auth-url's host and port)",
            "             --user/--key are the access key and secret (test:tester / testing), --region us-east-1,",
            "             --s3-payload unsigned|signed (x-amz-content-sha256: UNSIGNED-PAYLOAD, or each body's",
            "             SHA-256, hashed once per body size; default unsigned)",
            "  report:    --label NAME  --server-pids PID,PID  --clock-ticks 100  --json FILE|-",
            "             --proxy-pids PID,PID (proxy process trees)  --proxy-threads PREFIX,PREFIX (per-thread",
            "             accounting of one JVM)  --storage-threads object-,container-,account-",
            "             --progress 1s (0: none)  --client-threads 1  --fail-on-errors",
            "  other:     --list-workloads  --help");

    private static final List<String> FLAGS_WITHOUT_VALUE = List.of("--fail-on-errors", "--list-workloads", "--help");

    final WorkloadSpec spec;
    final AuthStrategy auth;
    final String label;
    final List<Long> serverPids;
    final List<Long> proxyPids;
    final List<String> proxyThreads;
    final List<String> storageThreads;
    final long clockTicks;
    final @Nullable Path json;
    final boolean jsonToStdout;
    final Duration progress;
    final int clientThreads;
    final boolean failOnErrors;

    private BenchOptions(Map<String, String> v) {
        this.spec = workload(v);
        this.auth = spec.api() == Api.S3 ? s3Auth(v) : auth(v);
        this.label = v.getOrDefault("--label", "target");
        this.serverPids = pids(v.getOrDefault("--server-pids", ""), "--server-pids");
        this.proxyPids = pids(v.getOrDefault("--proxy-pids", ""), "--proxy-pids");
        this.proxyThreads = prefixes(v.getOrDefault("--proxy-threads", ""));
        this.storageThreads = v.containsKey("--storage-threads")
                ? prefixes(v.getOrDefault("--storage-threads", ""))
                : ThreadClassifier.DEFAULT_STORAGE_PREFIXES;
        if (serverPids.isEmpty() && (!proxyPids.isEmpty() || !proxyThreads.isEmpty())) {
            throw new IllegalArgumentException("--proxy-pids and --proxy-threads need --server-pids");
        }
        if (proxyThreads.isEmpty() && v.containsKey("--storage-threads")) {
            throw new IllegalArgumentException("--storage-threads needs --proxy-threads");
        }
        this.clockTicks = positiveLong(v, "--clock-ticks", 100);
        String jsonArg = v.get("--json");
        this.jsonToStdout = "-".equals(jsonArg);
        this.json = jsonArg == null || jsonToStdout ? null : Path.of(jsonArg);
        this.progress = Durations.parse(v.getOrDefault("--progress", "1s"));
        this.clientThreads = (int) positiveLong(v, "--client-threads", 1);
        this.failOnErrors = v.containsKey("--fail-on-errors");
    }

    /** Whether the arguments only ask for help or the workload list (nothing to run). */
    static boolean isInformational(List<String> args) {
        return args.contains("--help") || args.contains("-h") || args.contains("--list-workloads");
    }

    /**
     * Parses {@code args}.
     *
     * @throws IllegalArgumentException with a message naming the bad flag or value
     */
    static BenchOptions parse(List<String> args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (!flag.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + flag + "'");
            }
            if (FLAGS_WITHOUT_VALUE.contains(flag)) {
                values.put(flag, "");
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            if (values.put(flag, args.get(++i)) != null) {
                throw new IllegalArgumentException(flag + " given twice");
            }
        }
        List<String> known = new ArrayList<>(List.of(
                "--workload",
                "--size",
                "--mix",
                "--concurrency",
                "--duration",
                "--ops",
                "--warmup",
                "--containers",
                "--prefill",
                "--prefill-timeout",
                "--list-limit",
                "--list-container",
                "--list-objects",
                "--rate",
                "--endpoint",
                "--region",
                "--s3-payload",
                "--auth-url",
                "--user",
                "--key",
                "--storage-url",
                "--token",
                "--label",
                "--server-pids",
                "--proxy-pids",
                "--proxy-threads",
                "--storage-threads",
                "--clock-ticks",
                "--json",
                "--progress",
                "--client-threads"));
        known.addAll(FLAGS_WITHOUT_VALUE);
        for (String flag : values.keySet()) {
            if (!known.contains(flag)) {
                throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return new BenchOptions(values);
    }

    private static WorkloadSpec workload(Map<String, String> v) {
        WorkloadSpec.Builder b = StandardWorkloads.named(v.getOrDefault("--workload", "4k-put"));
        if (v.containsKey("--size")) {
            b.sizes(SizeDistribution.parse(v.get("--size")));
        }
        if (v.containsKey("--mix")) {
            b.mix(OperationMix.parse(v.get("--mix")));
        }
        if (v.containsKey("--concurrency")) {
            b.concurrency((int) positiveLong(v, "--concurrency", 16));
        }
        if (v.containsKey("--duration")) {
            b.duration(Durations.parse(v.get("--duration")));
        }
        if (v.containsKey("--ops")) {
            b.operations(positiveLong(v, "--ops", 0));
            if (!v.containsKey("--duration")) {
                b.duration(Duration.ZERO); // an operation count alone bounds the run
            }
        }
        if (v.containsKey("--warmup")) {
            b.warmup(Durations.parse(v.get("--warmup")));
        }
        if (v.containsKey("--containers")) {
            b.containers((int) positiveLong(v, "--containers", 4));
        }
        if (v.containsKey("--prefill")) {
            b.prefill((int) nonNegativeLong(v.get("--prefill"), "--prefill"));
        }
        if (v.containsKey("--prefill-timeout")) {
            b.prefillTimeout(Durations.parse(v.get("--prefill-timeout")));
        }
        if (v.containsKey("--list-limit")) {
            b.listLimit((int) positiveLong(v, "--list-limit", 1000));
        }
        if (v.containsKey("--rate")) {
            b.rate(positiveRate(v.getOrDefault("--rate", "")));
        }
        listContainer(v, b);
        s3Payload(v, b);
        return s3Checked(v, b.build());
    }

    /** {@code spec}, unless S3-only options were given for a Swift workload. */
    private static WorkloadSpec s3Checked(Map<String, String> v, WorkloadSpec spec) {
        if (spec.api() != Api.S3 && (v.containsKey("--endpoint") || v.containsKey("--region"))) {
            throw new IllegalArgumentException("--endpoint and --region are for the S3 workloads (s3-*)");
        }
        return spec;
    }

    /** {@code --s3-payload signed|unsigned}. */
    private static void s3Payload(Map<String, String> v, WorkloadSpec.Builder b) {
        String payload = v.get("--s3-payload");
        if (payload != null) {
            switch (payload) {
                case "signed" -> b.signedPayload(true);
                case "unsigned" -> b.signedPayload(false);
                default ->
                    throw new IllegalArgumentException(
                            "--s3-payload must be signed or unsigned, got '" + payload + "'");
            }
        }
    }

    /** {@code --list-container NAME --list-objects N}: list an existing container instead of prefilling one. */
    private static void listContainer(Map<String, String> v, WorkloadSpec.Builder b) {
        String listContainer = v.get("--list-container");
        if (listContainer == null) {
            if (v.containsKey("--list-objects")) {
                throw new IllegalArgumentException("--list-objects needs --list-container");
            }
            return;
        }
        if (!v.containsKey("--list-objects")) {
            throw new IllegalArgumentException("--list-container needs --list-objects N (the objects it holds)");
        }
        b.listContainer(listContainer, positiveLong(v, "--list-objects", 1));
        if (!v.containsKey("--prefill")) {
            b.prefill(0); // the container is filled already: no prefill unless asked (which build() rejects)
        }
    }

    /** SigV4 with {@code --user}/{@code --key} as access key and secret, at {@code --endpoint} or the auth URL's. */
    private static AuthStrategy s3Auth(Map<String, String> v) {
        if (v.containsKey("--storage-url") || v.containsKey("--token")) {
            throw new IllegalArgumentException(
                    "S3 workloads sign with --user/--key; --storage-url/--token are Swift's");
        }
        String endpoint = v.getOrDefault("--endpoint", v.get("--auth-url"));
        if (endpoint == null) {
            throw new IllegalArgumentException("S3 workloads need --endpoint http://host:port (or --auth-url)");
        }
        return new S3AuthStrategy(
                URI.create(endpoint),
                v.getOrDefault("--user", "test:tester"),
                v.getOrDefault("--key", "testing"),
                v.getOrDefault("--region", "us-east-1"));
    }

    private static AuthStrategy auth(Map<String, String> v) {
        String authUrl = v.get("--auth-url");
        String storageUrl = v.get("--storage-url");
        if ((authUrl == null) == (storageUrl == null)) {
            throw new IllegalArgumentException(
                    "give exactly one of --auth-url (tempauth) or --storage-url with --token");
        }
        if (authUrl != null) {
            return new TempAuthStrategy(
                    URI.create(authUrl), v.getOrDefault("--user", "test:tester"), v.getOrDefault("--key", "testing"));
        }
        String token = v.get("--token");
        if (token == null) {
            throw new IllegalArgumentException("--storage-url needs --token");
        }
        return new TokenAuthStrategy(URI.create(storageUrl), token);
    }

    private static List<Long> pids(String text, String flag) {
        List<Long> pids = new ArrayList<>();
        for (String p : text.split("[,\\s]+")) {
            if (!p.isEmpty()) {
                pids.add(nonNegativeLong(p, flag));
            }
        }
        return pids;
    }

    private static List<String> prefixes(String text) {
        List<String> prefixes = new ArrayList<>();
        for (String p : text.split(",")) {
            if (!p.isBlank()) {
                prefixes.add(p.strip());
            }
        }
        return prefixes;
    }

    /** The CPU sampler these options ask for, or null without {@code --server-pids}. */
    @Nullable
    ProcessCpuSampler cpuSampler(Path procRoot) {
        if (serverPids.isEmpty()) {
            return null;
        }
        ThreadClassifier threads = proxyThreads.isEmpty() ? null : new ThreadClassifier(proxyThreads, storageThreads);
        return new ProcessCpuSampler(procRoot, serverPids, proxyPids, threads, clockTicks);
    }

    private static long positiveLong(Map<String, String> v, String flag, long fallback) {
        String text = v.get(flag);
        if (text == null) {
            return fallback;
        }
        long n = nonNegativeLong(text, flag);
        if (n == 0) {
            throw new IllegalArgumentException(flag + " must be > 0");
        }
        return n;
    }

    private static double positiveRate(String text) {
        double rate;
        try {
            rate = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate needs operations per second, got '" + text + "'", e);
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("--rate must be > 0 operations per second, got " + text);
        }
        return rate;
    }

    private static long nonNegativeLong(String text, String flag) {
        try {
            long n = Long.parseLong(text.trim());
            if (n < 0) {
                throw new IllegalArgumentException(flag + " must be >= 0, got " + text);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, got '" + text + "'", e);
        }
    }
}
