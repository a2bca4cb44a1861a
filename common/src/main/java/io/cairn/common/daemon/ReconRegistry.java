package io.cairn.common.daemon;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The node's recon state: the last finished pass of every daemon, which daemons are mid-pass, and live
 * gauges other components publish (async pendings outstanding, quarantined files on disk).
 *
 * <p>Thread-safety: thread-safe; daemons report from their own threads, HTTP handlers read.
 */
public final class ReconRegistry {
    private final Map<String, PassReport> lastPasses = new ConcurrentHashMap<>();
    private final Map<String, Instant> running = new ConcurrentHashMap<>();
    private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();

    public void passStarted(String daemon, Instant start) {
        running.put(daemon, start);
    }

    public void passFinished(PassReport report) {
        running.remove(report.daemon());
        lastPasses.put(report.daemon(), report);
    }

    public @Nullable PassReport lastPass(String daemon) {
        return lastPasses.get(daemon);
    }

    /** Publishes a live value read on every recon request, e.g. {@code async_pendings}. */
    public void gauge(String name, LongSupplier value) {
        gauges.put(name, value);
    }

    /**
     * The recon document: {@code {"daemons": {name: last pass}, "running": {name: start}, "gauges": {…}}},
     * keys sorted so the output is stable.
     */
    public Map<String, Object> snapshot() {
        Map<String, Object> daemons = new TreeMap<>();
        lastPasses.forEach((name, report) -> daemons.put(name, report.toRecon()));
        Map<String, Object> inFlight = new TreeMap<>();
        running.forEach((name, start) -> inFlight.put(name, start.toEpochMilli() / 1000.0));
        Map<String, Object> gaugeValues = new TreeMap<>();
        gauges.forEach((name, supplier) -> gaugeValues.put(name, supplier.getAsLong()));
        Map<String, Object> out = new TreeMap<>();
        out.put("daemons", daemons);
        out.put("running", inFlight);
        out.put("gauges", gaugeValues);
        return out;
    }
}
