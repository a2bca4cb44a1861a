package io.cairn.bench;

import io.cairn.bench.report.JsonReport;
import io.cairn.bench.report.RunResult;
import io.cairn.bench.report.TableReport;
import io.cairn.bench.run.LoadRunner;
import io.cairn.bench.run.ProcessCpuSampler;
import io.cairn.bench.workload.StandardWorkloads;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -jar cairn-bench.jar [options]}: runs one workload against one Swift endpoint and prints the table (and
 * the JSON with {@code --json}). Usage errors print the usage and end with an exception (exit status 1); so does a run
 * with errors under {@code --fail-on-errors}, after the report. Not thread-safe; one instance per invocation.
 */
public final class BenchMain {
    private final PrintStream out;
    private final PrintStream err;

    BenchMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Entry point. */
    public static void main(String[] args) throws IOException, InterruptedException {
        RunResult result = new BenchMain(System.out, System.err).run(List.of(args));
        if (result != null && result.errors() > 0 && BenchOptions.parse(List.of(args)).failOnErrors) {
            throw new IllegalStateException(result.errors() + " operations failed: " + result.errorsByStatus());
        }
    }

    /** Runs per {@code args}; returns the result, or null when there was nothing to run (help, list). */
    @org.jspecify.annotations.Nullable
    RunResult run(List<String> args) throws IOException, InterruptedException {
        if (BenchOptions.isInformational(args)) {
            out.println(
                    args.contains("--list-workloads")
                            ? String.join("\n", StandardWorkloads.names())
                            : BenchOptions.USAGE);
            return null;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("cairn-bench: " + e.getMessage());
            err.println(BenchOptions.USAGE);
            throw e;
        }
        ProcessCpuSampler cpu = options.cpuSampler(Path.of("/proc"));
        err.println("cairn-bench: " + options.label + " / " + options.spec);
        RunResult result = new LoadRunner(
                        options.spec, options.label, options.auth, cpu, err, options.progress, options.clientThreads)
                .run();
        out.print(TableReport.render(result));
        String json = JsonReport.render(result);
        if (options.jsonToStdout) {
            out.println(json);
        } else if (options.json != null) {
            Path parent = options.json.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(options.json, json + "\n", StandardCharsets.UTF_8);
        }
        out.flush();
        return result;
    }
}
