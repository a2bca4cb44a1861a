package io.cairn.bench.report;

import io.cairn.bench.workload.Api;
import io.cairn.bench.workload.Durations;
import io.cairn.bench.workload.Operation;
import io.cairn.bench.workload.WorkloadSpec;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Renders a {@link RunResult} as one JSON object (the shape is documented in bench/README.md and read by compare.sh):
 * {@code label, workload, spec{...}, started, elapsedSeconds, ok, errors, errorsByStatus{}, total{...},
 * operations{PUT{...},...}, serverCpu{...}|null, clientCpu{cpuSeconds, cpuMillisPerOp} (the generator's own process;
 * null values when unknown), prefill{requested, done, errors}}; serverCpu holds {@code pids,
 * processes, cpuSeconds, cpuMillisPerOp, proxyPids, proxyThreads, threads, proxyCpuSeconds, proxyCpuMillisPerOp,
 * proxyMegabytesPerSecondPerCore, groups{proxy{cpuSeconds,cpuMillisPerOp},...}} (the proxy fields null without a
 * proxy split), rate{offeredOpsPerSecond, achievedOpsPerSecond, achievedFraction, windowSeconds, scheduled,
 * notStarted, lateStarts, maxStartDelayMs, latencyFrom, keptUp, warning}|null (null for a closed loop); each stats
 * object has {@code
 * operations, errors, opsPerSecond, bytes, megabytesPerSecond, latencyMs{mean,p50,p90,p99,p99.9,max}}. Stateless.
 */
public final class JsonReport {
    private JsonReport() {}

    /** The JSON text of {@code result}. */
    public static String render(RunResult result) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("label").value(result.label());
        w.name("workload").value(result.spec().name());
        spec(w, result.spec());
        w.name("started").value(result.started().toString());
        w.name("elapsedSeconds").value(result.elapsedSeconds());
        w.name("ok").value(result.errors() == 0 && !result.prefillShort());
        w.name("errors").value(result.errors());
        w.name("errorsByStatus").beginObject();
        for (Map.Entry<String, Long> e : result.errorsByStatus().entrySet()) {
            w.name(e.getKey()).value(e.getValue());
        }
        w.endObject();
        w.name("total");
        stats(w, result, result.total());
        w.name("operations").beginObject();
        for (Map.Entry<Operation, OperationStats> e : result.byOperation().entrySet()) {
            w.name(e.getKey().name());
            stats(w, result, e.getValue());
        }
        w.endObject();
        w.name("serverCpu");
        ServerCpu cpu = result.serverCpu();
        if (cpu == null) {
            w.nullValue();
        } else {
            w.beginObject().name("pids").beginArray();
            for (long pid : cpu.pids()) {
                w.value(pid);
            }
            w.endArray();
            w.name("processes").value(cpu.processes());
            w.name("cpuSeconds").value(cpu.cpuSeconds());
            w.name("cpuMillisPerOp").value(result.serverCpuMillisPerOp());
            proxySplit(w, result, cpu);
            w.endObject();
        }
        w.name("clientCpu").beginObject();
        w.name("cpuSeconds").value(result.clientCpuSeconds());
        w.name("cpuMillisPerOp").value(result.clientCpuMillisPerOp());
        w.endObject();
        rate(w, result.rate());
        w.name("prefill").beginObject();
        w.name("requested").value(result.spec().prefill());
        w.name("done").value(result.prefillDone());
        w.name("errors").value(result.prefillErrors());
        w.endObject();
        return w.endObject().toString();
    }

    private static void rate(JsonWriter w, @Nullable RateStats rate) {
        w.name("rate");
        if (rate == null) {
            w.nullValue();
            return;
        }
        w.beginObject();
        w.name("offeredOpsPerSecond").value(rate.offeredOpsPerSecond());
        w.name("achievedOpsPerSecond").value(rate.achievedOpsPerSecond());
        w.name("achievedFraction").value(rate.achievedFraction());
        w.name("windowSeconds").value(rate.windowSeconds());
        w.name("scheduled").value(rate.scheduled());
        w.name("notStarted").value(rate.notStarted());
        w.name("lateStarts").value(rate.lateStarts());
        w.name("maxStartDelayMs").value(rate.maxStartDelayMillis());
        w.name("latencyFrom").value("intended start");
        w.name("keptUp").value(rate.keptUp());
        w.name("warning");
        String warning = rate.warning();
        if (warning == null) {
            w.nullValue();
        } else {
            w.value(warning);
        }
        w.endObject();
    }

    private static void proxySplit(JsonWriter w, RunResult result, ServerCpu cpu) {
        w.name("proxyPids").beginArray();
        for (long pid : cpu.proxyPids()) {
            w.value(pid);
        }
        w.endArray();
        w.name("proxyThreads").beginArray();
        for (String prefix : cpu.proxyThreadPrefixes()) {
            w.value(prefix);
        }
        w.endArray();
        w.name("threads").value(cpu.threads());
        if (!cpu.splitsProxy()) {
            w.name("proxyCpuSeconds").nullValue();
            w.name("proxyCpuMillisPerOp").nullValue();
            w.name("proxyMegabytesPerSecondPerCore").nullValue();
            w.name("groups").nullValue();
            return;
        }
        w.name("proxyCpuSeconds").value(cpu.proxyCpuSeconds());
        w.name("proxyCpuMillisPerOp").value(result.proxyCpuMillisPerOp());
        w.name("proxyMegabytesPerSecondPerCore").value(result.proxyMegabytesPerSecondPerCore());
        w.name("groups").beginObject();
        for (Map.Entry<CpuGroup, Double> e : cpu.groupSeconds().entrySet()) {
            w.name(e.getKey().jsonName()).beginObject();
            w.name("cpuSeconds").value(e.getValue());
            w.name("cpuMillisPerOp").value(result.groupCpuMillisPerOp(e.getKey()));
            w.endObject();
        }
        w.endObject();
    }

    private static void spec(JsonWriter w, WorkloadSpec spec) {
        w.name("spec").beginObject();
        w.name("sizes").value(spec.sizes().toString());
        w.name("mix").value(spec.mix().toString());
        w.name("concurrency").value(spec.concurrency());
        w.name("durationSeconds").value(Durations.seconds(spec.duration()));
        w.name("operations").value(spec.operations());
        w.name("warmupSeconds").value(Durations.seconds(spec.warmup()));
        w.name("containers").value(spec.containers());
        w.name("prefill").value(spec.prefill());
        w.name("listLimit").value(spec.listLimit());
        if (spec.openLoop()) { // only with one, as listContainer
            w.name("rateOpsPerSecond").value(spec.rate());
        }
        String listContainer = spec.listContainer();
        if (listContainer != null) { // only with one: the other runs' JSON keeps its shape
            w.name("listContainer").value(listContainer);
            w.name("listObjects").value(spec.listObjects());
        }
        if (spec.api() == Api.S3) { // only for S3: the Swift runs' JSON keeps its shape
            w.name("api").value("s3");
            w.name("payload").value(spec.signedPayload() ? "signed" : "unsigned");
        }
        w.endObject();
    }

    private static void stats(JsonWriter w, RunResult result, OperationStats s) {
        w.beginObject();
        w.name("operations").value(s.successes());
        w.name("errors").value(s.errors());
        w.name("opsPerSecond").value(result.opsPerSecond(s));
        w.name("bytes").value(s.bytes());
        w.name("megabytesPerSecond").value(result.megabytesPerSecond(s));
        w.name("latencyMs").beginObject();
        w.name("mean").value(s.meanMillis());
        w.name("p50").value(s.latencyMillis(50));
        w.name("p90").value(s.latencyMillis(90));
        w.name("p99").value(s.latencyMillis(99));
        w.name("p99.9").value(s.latencyMillis(99.9));
        w.name("max").value(s.maxMillis());
        w.endObject();
        w.endObject();
    }
}
