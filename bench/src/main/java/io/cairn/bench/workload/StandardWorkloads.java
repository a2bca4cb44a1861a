package io.cairn.bench.workload;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named workloads of issue 7 ({@code 4k-put}, {@code 4k-get}, {@code 1m-put}, {@code 1m-get}, {@code 64m-put},
 * {@code 64m-get}, {@code list}, {@code mixed}) and the object ones through S3 ({@code s3-4k-put} ... {@code
 * s3-64m-get}); command-line flags override any field. Stateless.
 */
public final class StandardWorkloads {
    /** Objects in the listing container by default (issue 7: "a container of 100,000 objects"). */
    public static final int LISTING_OBJECTS = 100_000;

    private StandardWorkloads() {}

    /** The names, in the order compare.sh runs them by default. */
    public static List<String> names() {
        return List.copyOf(all().keySet());
    }

    /**
     * The builder for {@code name}, ready for overrides.
     *
     * @throws IllegalArgumentException listing the known names when {@code name} is not one
     */
    public static WorkloadSpec.Builder named(String name) {
        WorkloadSpec.Builder b = all().get(name);
        if (b == null) {
            throw new IllegalArgumentException("unknown workload '" + name + "'; known: " + String.join(", ", names()));
        }
        return b;
    }

    private static Map<String, WorkloadSpec.Builder> all() {
        Map<String, WorkloadSpec.Builder> m = new LinkedHashMap<>();
        m.put("4k-put", put("4k-put", 4096, 16));
        m.put("4k-get", get("4k-get", 4096, 16, 1000));
        m.put("1m-put", put("1m-put", 1 << 20, 16));
        m.put("1m-get", get("1m-get", 1 << 20, 16, 200));
        // 64 MiB: fewer connections so the run is bandwidth- not queue-bound, and a small pool to limit disk use
        m.put("64m-put", put("64m-put", 64 << 20, 4));
        m.put("64m-get", get("64m-get", 64 << 20, 4, 8));
        m.put(
                "list",
                WorkloadSpec.builder("list")
                        .sizes(SizeDistribution.fixed(0))
                        .mix(OperationMix.only(Operation.LIST))
                        .containers(1)
                        .prefill(LISTING_OBJECTS)
                        .prefillTimeout(Duration.ofMinutes(5))
                        .listLimit(1000));
        m.put(
                "mixed",
                WorkloadSpec.builder("mixed")
                        .sizes(SizeDistribution.fixed(16 << 10))
                        .mix(OperationMix.parse("get=70,put=20,delete=10"))
                        .prefill(1000));
        // the object workloads again through S3 (path style, SigV4 header auth, a bucket per container)
        m.put("s3-4k-put", put("s3-4k-put", 4096, 16).api(Api.S3));
        m.put("s3-4k-get", get("s3-4k-get", 4096, 16, 1000).api(Api.S3));
        m.put("s3-1m-put", put("s3-1m-put", 1 << 20, 16).api(Api.S3));
        m.put("s3-1m-get", get("s3-1m-get", 1 << 20, 16, 200).api(Api.S3));
        m.put("s3-64m-put", put("s3-64m-put", 64 << 20, 4).api(Api.S3));
        m.put("s3-64m-get", get("s3-64m-get", 64 << 20, 4, 8).api(Api.S3));
        return m;
    }

    private static WorkloadSpec.Builder put(String name, long size, int concurrency) {
        return WorkloadSpec.builder(name)
                .sizes(SizeDistribution.fixed(size))
                .mix(OperationMix.only(Operation.PUT))
                .concurrency(concurrency);
    }

    private static WorkloadSpec.Builder get(String name, long size, int concurrency, int pool) {
        return WorkloadSpec.builder(name)
                .sizes(SizeDistribution.fixed(size))
                .mix(OperationMix.only(Operation.GET))
                .concurrency(concurrency)
                .prefill(pool);
    }
}
