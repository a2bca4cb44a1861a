package io.cairn.bench.workload;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One benchmark workload: sizes, operation mix, concurrency (connections), bounds (measured duration and/or operation
 * count), warm-up, how many containers the names spread over, how many objects to create before measuring (the pool
 * GET/HEAD/DELETE/LIST work on) and the listing page size — or, instead of a prefill, an existing container to list that
 * already holds a known number of objects — and, for an open-loop run, the offered rate. Immutable and thread-safe;
 * build with {@link #builder}.
 */
public final class WorkloadSpec {
    private final String name;
    private final SizeDistribution sizes;
    private final OperationMix mix;
    private final int concurrency;
    private final Duration duration;
    private final long operations;
    private final Duration warmup;
    private final int containers;
    private final int prefill;
    private final Duration prefillTimeout;
    private final int listLimit;
    private final @Nullable String listContainer;
    private final long listObjects;
    private final double rate;
    private final Api api;
    private final boolean signedPayload;

    private WorkloadSpec(Builder b) {
        this.name = b.name;
        this.sizes = b.sizes;
        this.mix = b.mix;
        this.concurrency = b.concurrency;
        this.duration = b.duration;
        this.operations = b.operations;
        this.warmup = b.warmup;
        this.containers = b.containers;
        this.prefill = b.prefill;
        this.prefillTimeout = b.prefillTimeout;
        this.listLimit = b.listLimit;
        this.listContainer = b.listContainer;
        this.listObjects = b.listObjects;
        this.rate = b.rate;
        this.api = b.api;
        this.signedPayload = b.signedPayload;
    }

    /** A builder with the defaults: 4KiB PUT, 16 connections, 20 s, 3 s warm-up, 4 containers. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder starting from this spec. */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.sizes = sizes;
        b.mix = mix;
        b.concurrency = concurrency;
        b.duration = duration;
        b.operations = operations;
        b.warmup = warmup;
        b.containers = containers;
        b.prefill = prefill;
        b.prefillTimeout = prefillTimeout;
        b.listLimit = listLimit;
        b.listContainer = listContainer;
        b.listObjects = listObjects;
        b.rate = rate;
        b.api = api;
        b.signedPayload = signedPayload;
        return b;
    }

    public String name() {
        return name;
    }

    public SizeDistribution sizes() {
        return sizes;
    }

    public OperationMix mix() {
        return mix;
    }

    /**
     * Number of keep-alive connections, each running one request at a time: in a closed loop each issues its next
     * request when the previous one ended; at a {@link #rate} they bound the requests in flight.
     */
    public int concurrency() {
        return concurrency;
    }

    /** Measured time; {@link Duration#ZERO} when only {@link #operations} bounds the run. */
    public Duration duration() {
        return duration;
    }

    /** Measured operations; 0 when only {@link #duration} bounds the run. */
    public long operations() {
        return operations;
    }

    public Duration warmup() {
        return warmup;
    }

    public int containers() {
        return containers;
    }

    /** Objects created (with sizes from {@link #sizes}) before warm-up; not measured. */
    public int prefill() {
        return prefill;
    }

    /** Bound on the prefill phase; when it passes the run continues with the objects made so far, and says so. */
    public Duration prefillTimeout() {
        return prefillTimeout;
    }

    public int listLimit() {
        return listLimit;
    }

    /**
     * The existing container LIST pages through instead of the run's own (null: the run creates its containers), or
     * null. It holds objects {@code o000000000000 … } with ids 0 to {@link #listObjects} - 1, put there by someone else
     * (compare.sh: {@code bench/fill-container.py}); the run creates nothing and only lists.
     */
    public @Nullable String listContainer() {
        return listContainer;
    }

    /** The objects {@link #listContainer} holds (ids 0 to n - 1); 0 without one. */
    public long listObjects() {
        return listObjects;
    }

    /**
     * The offered rate in operations per second over all connections (an open loop: requests start on a fixed
     * schedule and latency counts from each one's intended start), or 0 for a closed loop.
     */
    public double rate() {
        return rate;
    }

    /** The API the requests use (Swift by default). */
    public Api api() {
        return api;
    }

    /**
     * S3 only: whether PUTs carry their body's SHA-256 in {@code x-amz-content-sha256} (the server hashes the body and
     * compares) rather than {@code UNSIGNED-PAYLOAD}. The generator hashes each body length once and reuses it: every
     * body of one length has the same bytes.
     */
    public boolean signedPayload() {
        return signedPayload;
    }

    /** Whether requests follow a fixed schedule ({@link #rate} &gt; 0) rather than a closed loop. */
    public boolean openLoop() {
        return rate > 0;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private final String name;
        private SizeDistribution sizes = SizeDistribution.fixed(4096);
        private OperationMix mix = OperationMix.only(Operation.PUT);
        private int concurrency = 16;
        private Duration duration = Duration.ofSeconds(20);
        private long operations;
        private Duration warmup = Duration.ofSeconds(3);
        private int containers = 4;
        private int prefill;
        private Duration prefillTimeout = Duration.ofMinutes(2);
        private int listLimit = 1000;
        private @Nullable String listContainer;
        private long listObjects;
        private double rate;
        private Api api = Api.SWIFT;
        private boolean signedPayload;

        private Builder(String name) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("workload name is blank");
            }
            this.name = name;
        }

        public Builder sizes(SizeDistribution value) {
            this.sizes = value;
            return this;
        }

        public Builder api(Api value) {
            this.api = value;
            return this;
        }

        public Builder signedPayload(boolean value) {
            this.signedPayload = value;
            return this;
        }

        public Builder mix(OperationMix value) {
            this.mix = value;
            return this;
        }

        public Builder concurrency(int value) {
            this.concurrency = value;
            return this;
        }

        public Builder duration(Duration value) {
            this.duration = value;
            return this;
        }

        public Builder operations(long value) {
            this.operations = value;
            return this;
        }

        public Builder warmup(Duration value) {
            this.warmup = value;
            return this;
        }

        public Builder containers(int value) {
            this.containers = value;
            return this;
        }

        public Builder prefill(int value) {
            this.prefill = value;
            return this;
        }

        public Builder prefillTimeout(Duration value) {
            this.prefillTimeout = value;
            return this;
        }

        public Builder listLimit(int value) {
            this.listLimit = value;
            return this;
        }

        /**
         * Lists the existing {@code container}, which holds {@code objects} objects named by ids 0 to {@code objects}
         * - 1, instead of a container of the run's own; null clears it.
         */
        public Builder listContainer(@Nullable String container, long objects) {
            this.listContainer = container;
            this.listObjects = container == null ? 0 : objects;
            return this;
        }

        /** Offers {@code opsPerSecond} operations per second on a fixed schedule; 0 for a closed loop. */
        public Builder rate(double opsPerSecond) {
            this.rate = opsPerSecond;
            return this;
        }

        /**
         * Checks the ranges and builds.
         *
         * @throws IllegalArgumentException naming the bad value
         */
        public WorkloadSpec build() {
            require(concurrency >= 1 && concurrency <= 4096, "concurrency must be 1..4096, got " + concurrency);
            require(!duration.isNegative() && operations >= 0, "duration and operation count must be >= 0");
            require(
                    !duration.isZero() || operations > 0,
                    "a run needs a bound: a duration > 0 or an operation count > 0");
            require(containers >= 1 && containers <= 10_000, "containers must be 1..10000, got " + containers);
            require(prefill >= 0, "prefill must be >= 0, got " + prefill);
            require(listLimit >= 1 && listLimit <= 10_000, "list limit must be 1..10000, got " + listLimit);
            require(sizes.max() <= (1L << 40), "object sizes above 1 TiB are not supported");
            if (listContainer != null) {
                checkListContainer(listContainer);
            }
            checkRate();
            checkApi();
            require(
                    !mix.needsExistingObjects()
                            || prefill > 0
                            || mix.weight(Operation.PUT) > 0
                            || listContainer != null,
                    "mix " + mix + " reads existing objects: give --prefill N (or add put to the mix)");
            return new WorkloadSpec(this);
        }

        private void checkRate() {
            require(
                    Double.isFinite(rate) && rate >= 0 && rate <= 10_000_000,
                    "rate must be 0 (closed loop) or up to 10000000 ops/s, got " + rate);
            require(
                    rate == 0 || (!duration.isZero() && operations == 0),
                    "a rate runs for a duration: give --duration and no --ops (the schedule's window is the duration)");
        }

        private void checkApi() {
            if (api == Api.S3) {
                require(
                        mix.weight(Operation.LIST) == 0 && listContainer == null,
                        "S3 workloads PUT, GET, HEAD and DELETE objects; listing is Swift-only here, got mix " + mix);
            } else {
                require(!signedPayload, "a signed payload is an S3 option (S3 workloads only)");
            }
        }

        private void checkListContainer(String container) {
            require(
                    container.matches("[A-Za-z0-9._-]+"),
                    "list container must be [A-Za-z0-9._-]+ (no URL encoding is done), got '" + container + "'");
            require(listObjects >= 1, "a list container needs its object count (>= 1), got " + listObjects);
            require(
                    mix.weight(Operation.LIST) > 0
                            && mix.weight(Operation.PUT)
                                            + mix.weight(Operation.GET)
                                            + mix.weight(Operation.HEAD)
                                            + mix.weight(Operation.DELETE)
                                    == 0,
                    "a list container is only listed: the mix must be list alone, got " + mix);
            require(prefill == 0, "a list container is filled beforehand: prefill must be 0, got " + prefill);
            require(containers == 1, "a list container is the one container: containers must be 1, got " + containers);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    /** One line: name, sizes, mix, concurrency, bounds and the offered rate, if any. */
    @Override
    public String toString() {
        return name + ": size " + sizes + ", mix " + mix + ", " + concurrency + " connections, "
                + (operations > 0 ? operations + " ops" : "") + (operations > 0 && !duration.isZero() ? " or " : "")
                + (duration.isZero() ? "" : Durations.seconds(duration) + " s") + ", warm-up "
                + Durations.seconds(warmup) + " s, "
                + (listContainer == null
                        ? containers + " containers, prefill " + prefill
                        : "existing container " + listContainer + " of " + listObjects + " objects")
                + (rate > 0 ? ", offered " + rateText(rate) + " ops/s (open loop)" : "")
                + (api == Api.S3 ? ", S3 API (SigV4, " + (signedPayload ? "signed" : "unsigned") + " payload)" : "");
    }

    /** A rate for reports: whole numbers without a fraction ({@code 60}), others as given ({@code 2.5}). */
    public static String rateText(double opsPerSecond) {
        return opsPerSecond == Math.rint(opsPerSecond) && opsPerSecond < 1e15
                ? Long.toString((long) opsPerSecond)
                : Double.toString(opsPerSecond);
    }
}
