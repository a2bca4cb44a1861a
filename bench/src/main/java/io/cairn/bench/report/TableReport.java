package io.cairn.bench.report;

import io.cairn.bench.workload.Operation;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link RunResult} as a fixed-width table, one row per operation plus a total, followed by the server CPU
 * and — loudly — any errors or a short prefill. Stateless.
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
                    "server CPU: %.2f s over %d processes = %.3f ms per op%n",
                    cpu.cpuSeconds(),
                    cpu.processes(),
                    result.serverCpuMillisPerOp()));
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
