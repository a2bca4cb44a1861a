package io.cairn.bench.run;

import io.cairn.bench.client.AuthSession;
import io.cairn.bench.client.AuthStrategy;
import io.cairn.bench.client.PayloadBuffer;
import io.cairn.bench.client.RequestFactory;
import io.cairn.bench.client.S3RequestFactory;
import io.cairn.bench.client.SwiftRequestFactory;
import io.cairn.bench.report.OperationStats;
import io.cairn.bench.report.RateStats;
import io.cairn.bench.report.RunResult;
import io.cairn.bench.report.ServerCpu;
import io.cairn.bench.workload.Api;
import io.cairn.bench.workload.Operation;
import io.cairn.bench.workload.WorkloadSpec;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs one workload against one endpoint: logs in, creates the containers (or, for an existing list container, checks
 * that its object count is the one the spec names), opens {@code concurrency} keep-alive
 * connections on a small event loop group, then prefill → warm-up → measure → drain, printing a progress line every
 * interval and sampling server CPU at the edges of the measured window. In a closed loop (the default) a connection
 * issues its next request when the previous response ended, so latencies are service times at the offered concurrency,
 * not corrected for coordinated omission. With a rate ({@link WorkloadSpec#openLoop}) the warm-up and the measured
 * window follow a fixed {@link RateSchedule} that starts with the warm-up, and latencies count from each request's
 * intended start, so time queued behind a slow server is measured too. Not thread-safe: one {@link #run} per
 * instance.
 */
public final class LoadRunner {
    private final WorkloadSpec spec;
    private final String label;
    private final AuthStrategy auth;
    private final @Nullable ProcessCpuSampler cpu;
    private final PrintStream progress;
    private final Duration progressInterval;
    private final int clientThreads;

    /**
     * @param spec the workload
     * @param label names the target in reports and container names ({@code cairn}, {@code swift})
     * @param auth how to log in
     * @param cpu the server processes to account CPU for, or null
     * @param progress where progress lines go (stderr)
     * @param progressInterval how often; zero for none
     * @param clientThreads event loop threads of the generator
     */
    public LoadRunner(
            WorkloadSpec spec,
            String label,
            AuthStrategy auth,
            @Nullable ProcessCpuSampler cpu,
            PrintStream progress,
            Duration progressInterval,
            int clientThreads) {
        if (!label.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("label must be [A-Za-z0-9._-]+: " + label);
        }
        if (clientThreads < 1) {
            throw new IllegalArgumentException("client threads must be >= 1");
        }
        this.spec = spec;
        this.label = label;
        this.auth = auth;
        this.cpu = cpu;
        this.progress = progress;
        this.progressInterval = progressInterval;
        this.clientThreads = clientThreads;
    }

    /**
     * Runs the workload and returns what it measured.
     *
     * @throws IOException when login or container creation fails, an existing list container is missing or holds
     *     another number of objects, the servers' PIDs vanish, or connections do not stop within the request timeout
     */
    public RunResult run() throws IOException, InterruptedException {
        AuthSession session = auth.authenticate();
        String listContainer = spec.listContainer();
        PayloadBuffer payload = new PayloadBuffer(spec.sizes().max(), 42);
        RequestFactory requests;
        try {
            String prefix = "bench-" + label + "-" + System.currentTimeMillis();
            if (spec.api() == Api.S3) {
                requests = new S3RequestFactory(
                        session, prefix.toLowerCase(Locale.ROOT), spec.signedPayload() ? payload : null);
                createContainers(session, requests);
            } else if (listContainer != null) {
                requests = SwiftRequestFactory.forContainer(session, listContainer);
                checkListContainer(session, requests);
            } else {
                requests = new SwiftRequestFactory(session, prefix);
                createContainers(session, requests);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            payload.close();
            throw e;
        }
        RunControl control = new RunControl(spec.concurrency(), spec.prefill(), spec.operations());
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(
                clientThreads, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-progress");
            t.setDaemon(true);
            return t;
        });
        List<LoadConnection> connections = new ArrayList<>();
        try (payload) {
            Bootstrap bootstrap = new Bootstrap()
                    .group(group)
                    .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                    .remoteAddress(new InetSocketAddress(session.storageUrl().getHost(), session.port()));
            for (int i = 0; i < spec.concurrency(); i++) {
                connections.add(new LoadConnection(spec, control, requests, payload, bootstrap, group.next(), i));
            }
            if (!progressInterval.isZero()) {
                long ms = progressInterval.toMillis();
                ticker.scheduleAtFixedRate(new ProgressLine(control), ms, ms, TimeUnit.MILLISECONDS);
            }
            return drive(control, connections);
        } finally {
            ticker.shutdownNow();
            for (LoadConnection c : connections) {
                c.close();
            }
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private RunResult drive(RunControl control, List<LoadConnection> connections)
            throws IOException, InterruptedException {
        if (spec.prefill() > 0) {
            connections.forEach(LoadConnection::kick);
            if (!control.prefillIdle.await(spec.prefillTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                control.cutPrefill();
                await(control.prefillIdle, "prefill", 0);
            }
        }
        // an open loop's schedule starts with the warm-up, so the server is at the offered rate when the window opens
        RateSchedule schedule = spec.openLoop()
                ? new RateSchedule(spec.rate(), spec.concurrency(), System.nanoTime(), spec.warmup(), spec.duration())
                : null;
        long measureAt = schedule != null
                ? schedule.measureStartNanos()
                : System.nanoTime() + spec.warmup().toNanos();
        if (schedule != null) {
            control.rateSchedule(schedule);
        }
        control.phase(Phase.WARMUP);
        connections.forEach(LoadConnection::kick);
        awaitUntil(control.stopped, measureAt);
        ProcessCpuSampler.Snapshot cpuStart = cpu == null ? null : cpu.sample();
        long clientCpuStart = ownCpuNanos();
        Instant started = Instant.now();
        control.measureFrom(schedule != null ? measureAt : System.nanoTime());
        long start = control.measureStartNanos();
        if (spec.duration().isZero()) {
            control.stopped.await();
        } else {
            awaitUntil(control.stopped, start + spec.duration().toNanos());
        }
        control.phase(Phase.STOP);
        // an open loop's connections stop by themselves: after their last slot, or at the schedule's drain bound
        await(control.stopped, "drain", schedule == null ? 0 : schedule.abandonAfterNanos() - System.nanoTime());
        long clientCpuEnd = ownCpuNanos();
        double clientCpuSeconds =
                clientCpuStart < 0 || clientCpuEnd < 0 ? Double.NaN : (clientCpuEnd - clientCpuStart) / 1e9;
        ServerCpu serverCpu = null;
        if (cpu != null && cpuStart != null) {
            serverCpu = cpu.between(cpuStart, cpu.sample());
        }
        RateStats rate = schedule == null ? null : rateStats(schedule, connections);
        return collect(connections, started, start, serverCpu, clientCpuSeconds, control, rate);
    }

    /**
     * This process's CPU time so far (user + system, all threads: the event loops, the progress ticker, JIT and GC), or
     * -1 where the platform does not say.
     */
    private static long ownCpuNanos() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(-1L);
    }

    private static void awaitUntil(CountDownLatch latch, long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left > 0) {
            latch.await(left, TimeUnit.NANOSECONDS);
        }
    }

    private static RateStats rateStats(RateSchedule schedule, List<LoadConnection> connections) {
        long completed = 0;
        long issued = 0;
        long notStarted = 0;
        long late = 0;
        long maxDelay = 0;
        for (LoadConnection c : connections) {
            RatePacer p = c.pacer();
            if (p != null) {
                completed += p.completedInWindow();
                issued += p.measuredSlots();
                notStarted += p.notStarted();
                late += p.lateStarts();
                maxDelay = Math.max(maxDelay, p.maxStartDelayNanos());
            }
        }
        return new RateStats(
                schedule.opsPerSecond(),
                schedule.windowSeconds(),
                completed,
                issued + notStarted,
                notStarted,
                late,
                maxDelay);
    }

    private void await(CountDownLatch latch, String what, long extraNanos) throws IOException, InterruptedException {
        long seconds = Math.max(30, spec.sizes().max() >> 20) + 30 + Math.max(0, extraNanos) / 1_000_000_000L;
        if (!latch.await(seconds, TimeUnit.SECONDS)) {
            throw new IOException(label + ": connections did not stop within " + seconds + " s after " + what);
        }
    }

    /** The result; the window runs from {@code startNanos} until the last measured operation ended (or now). */
    private RunResult collect(
            List<LoadConnection> connections,
            Instant started,
            long startNanos,
            @Nullable ServerCpu serverCpu,
            double clientCpuSeconds,
            RunControl control,
            @Nullable RateStats rate) {
        long lastEnd = 0;
        for (LoadConnection c : connections) {
            lastEnd = Math.max(lastEnd, c.lastMeasuredEndNanos());
        }
        long elapsedNanos = (lastEnd > startNanos ? lastEnd : System.nanoTime()) - startNanos;
        Map<Operation, OperationStats> byOp = new EnumMap<>(Operation.class);
        Map<String, Long> errors = new TreeMap<>();
        for (LoadConnection c : connections) {
            for (Map.Entry<Operation, OperationStats> e : c.stats().entrySet()) {
                byOp.computeIfAbsent(e.getKey(), OperationStats::new).add(e.getValue());
            }
            c.errorsByStatus().forEach((k, v) -> errors.merge(k, v, Long::sum));
        }
        return new RunResult(
                label,
                spec,
                started,
                elapsedNanos,
                byOp,
                errors,
                serverCpu,
                clientCpuSeconds,
                control.prefillDone.sum(),
                control.prefillErrors.sum(),
                rate);
    }

    private void createContainers(AuthSession session, RequestFactory requests)
            throws IOException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < spec.containers(); i++) {
            io.netty.handler.codec.http.HttpRequest put = requests.createContainer(i);
            HttpResponse<String> r = send(client, session, put, "PUT");
            // Swift: 201 (or 202 when it exists); S3 CreateBucket: 200
            if (r.statusCode() != 201 && r.statusCode() != 202 && r.statusCode() != 200) {
                throw new IOException(label + ": creating container " + put.uri() + " answered " + r.statusCode() + ": "
                        + r.body().strip());
            }
        }
    }

    /** Fails unless the existing list container answers HEAD with the object count the spec names. */
    private void checkListContainer(AuthSession session, RequestFactory requests)
            throws IOException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        io.netty.handler.codec.http.HttpRequest head = requests.headContainer(0);
        HttpResponse<String> r = send(client, session, head, "HEAD");
        if (r.statusCode() != 204 && r.statusCode() != 200) {
            throw new IOException(label + ": list container " + head.uri() + " answered HEAD with " + r.statusCode());
        }
        String count = r.headers().firstValue("X-Container-Object-Count").orElse("(none)");
        if (!count.equals(Long.toString(spec.listObjects()))) {
            throw new IOException(label + ": list container " + head.uri() + " holds " + count
                    + " objects (X-Container-Object-Count), the run expects " + spec.listObjects());
        }
    }

    private static HttpResponse<String> send(
            HttpClient client, AuthSession session, io.netty.handler.codec.http.HttpRequest request, String method)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create("http://" + session.storageUrl().getHost() + ":" + session.port() + request.uri()))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (Map.Entry<String, String> h : request.headers()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            // the JDK client sets these itself and refuses them from callers
            if (!name.equals(HttpHeaderNames.HOST.toString())
                    && !name.equals(HttpHeaderNames.CONNECTION.toString())
                    && !name.equals(HttpHeaderNames.CONTENT_LENGTH.toString())) {
                b.header(h.getKey(), h.getValue());
            }
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Prints one progress line: phase, operations, rates and errors since the last line. */
    private final class ProgressLine implements Runnable {
        private final RunControl control;
        private long lastOps;
        private long lastBytes;
        private long lastPrefill;
        private long lastNanos = System.nanoTime();

        ProgressLine(RunControl control) {
            this.control = control;
        }

        @Override
        public void run() {
            long now = System.nanoTime();
            double dt = Math.max(1e-3, (now - lastNanos) / 1e9);
            lastNanos = now;
            Phase phase = control.phase();
            long errors = control.errors.sum();
            String errorText = errors == 0 ? "" : "  ERRORS " + errors;
            if (phase == Phase.PREFILL) {
                long done = control.prefillDone.sum();
                progress.printf(
                        Locale.ROOT,
                        "[%s %s] prefill %d/%d (%.0f/s)%s%n",
                        label,
                        spec.name(),
                        done,
                        spec.prefill(),
                        (done - lastPrefill) / dt,
                        errorText);
                lastPrefill = done;
                return;
            }
            long ops = control.measuredOps.sum();
            long bytes = control.measuredBytes.sum();
            double at = phase == Phase.MEASURE ? (now - control.measureStartNanos()) / 1e9 : 0;
            progress.printf(
                    Locale.ROOT,
                    "[%s %s] %s %.0fs  ops %d  %.1f ops/s  %.1f MB/s%s%n",
                    label,
                    spec.name(),
                    phase.name().toLowerCase(Locale.ROOT),
                    at,
                    ops,
                    (ops - lastOps) / dt,
                    (bytes - lastBytes) / 1e6 / dt,
                    errorText);
            lastOps = ops;
            lastBytes = bytes;
        }
    }
}
