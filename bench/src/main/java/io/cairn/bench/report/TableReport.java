package io.cairn.bench.report;

import io.cairn.bench.workload.Operation;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link RunResult} as a fixed-width table, one row per operation plus a total, followed by the server CPU
 * (with the proxy's share, MB/s per proxy core and the CPU by group when a proxy was named), an open loop's offered and
 * achieved rates, and — loudly — any errors, a short prefill or a server that could not keep up with the offered
 * rate. Stateless.
 */
public final class TableReport {
    private TableReport() {}

    /** The table text of {@code result}. */
    public static String render(RunResult result) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("== ")
                .append(result.label())
                .append(" / ")
                .append(result.spec())
                .append('\n');
        sb.append(String.format(
                Locale.ROOT,
                "measured %.2f s from %s%n",
                result.elapsedSeconds(),
                result.started().toString()));
        sb.append(String.format(
                Locale.ROOT,
                "%-7s %9s %10s %9s %9s %9s %9s %9s %9s %7s%n",
                "op",
                "ops",
                "ops/s",
                "MB/s",
                "mean ms",
                "p50 ms",
                "p90 ms",
                "p99 ms",
                "p99.9 ms",
                "errors"));
        for (Map.Entry<Operation, OperationStats> e : result.byOperation().entrySet()) {
            row(sb, result, e.getKey().name(), e.getValue());
        }
        if (result.byOperation().size() > 1) {
            row(sb, result, "total", result.total());
        }
        ServerCpu cpu = result.serverCpu();
        if (cpu != null) {
            sb.append(String.format(
                    Locale.ROOT,
                    "server CPU: %.2f s over %d processes%s = %.3f ms per op%n",
                    cpu.cpuSeconds(),
                    cpu.processes(),
                    cpu.threads() > 0 ? " (" + cpu.threads() + " threads)" : "",
                    result.serverCpuMillisPerOp()));
            if (cpu.splitsProxy()) {
                proxyLines(sb, result, cpu);
            }
        }
        if (!Double.isNaN(result.clientCpuSeconds())) {
            sb.append(String.format(
                    Locale.ROOT,
                    "generator CPU: %.2f s = %.3f ms per op%n",
                    result.clientCpuSeconds(),
                    result.clientCpuMillisPerOp()));
        }
        RateStats rate = result.rate();
        if (rate != null) {
            rateLines(sb, rate);
        }
        if (result.prefillShort()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "NOTE: prefill made %d of %d objects (time bound); reads worked on those%n",
                    result.prefillDone(),
                    result.spec().prefill()));
        }
        if (result.errors() > 0) {
            sb.append("!!!!! ")
                    .append(result.errors())
                    .append(" ERRORS in this run: ")
                    .append(result.errorsByStatus())
                    .append(" !!!!!\n");
        }
        return sb.toString();
    }

    private static void rateLines(StringBuilder sb, RateStats rate) {
        sb.append(String.format(
                Locale.ROOT,
                "open loop: offered %.1f ops/s, achieved %.1f ops/s (%.1f %%) in the %.2f s window; %d scheduled,"
                        + " %d started late (connection busy), max start delay %.2f ms; latency from the intended"
                        + " start%n",
                rate.offeredOpsPerSecond(),
                rate.achievedOpsPerSecond(),
                rate.achievedFraction() * 100,
                rate.windowSeconds(),
                rate.scheduled(),
                rate.lateStarts(),
                rate.maxStartDelayMillis()));
        String warning = rate.warning();
        if (warning != null) {
            sb.append("!!!!! ").append(warning.toUpperCase(Locale.ROOT)).append(" !!!!!\n");
        }
    }

    private static void proxyLines(StringBuilder sb, RunResult result, ServerCpu cpu) {
        sb.append(String.format(
                Locale.ROOT,
                "proxy CPU: %.2f s = %.3f ms per op; %.1f MB/s per proxy core%n",
                cpu.proxyCpuSeconds(),
                result.proxyCpuMillisPerOp(),
                result.proxyMegabytesPerSecondPerCore()));
        sb.append("CPU by group:");
        for (Map.Entry<CpuGroup, Double> e : cpu.groupSeconds().entrySet()) {
            sb.append(String.format(
                    Locale.ROOT,
                    " %s %.2f s (%.0f%%)",
                    e.getKey().jsonName(),
                    e.getValue(),
                    cpu.cpuSeconds() > 0 ? e.getValue() * 100 / cpu.cpuSeconds() : 0.0));
        }
        sb.append('\n');
    }

    private static void row(StringBuilder sb, RunResult result, String name, OperationStats s) {
        sb.append(String.format(
                Locale.ROOT,
                "%-7s %9d %10.1f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %7d%n",
                name,
                s.successes(),
                result.opsPerSecond(s),
                result.megabytesPerSecond(s),
                s.meanMillis(),
                s.latencyMillis(50),
                s.latencyMillis(90),
                s.latencyMillis(99),
                s.latencyMillis(99.9),
                s.errors()));
    }
}
