package io.cairn.cli.conformance;

import io.cairn.cli.RawHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The harness's findings: every scenario's differences per shape, known or not, as failure messages and as the
 * report files ({@code differences.txt}, {@code atoms.txt}, {@code known-differences.suggested.txt}:
 * the current differences in {@code known-differences.txt}'s format, to update it from).
 *
 * <p>Not thread-safe: one test thread.
 */
final class Report {
    /** One step of one scenario on one shape, against Swift's outcome of the same step. */
    record StepResult(int index, Req req, Outcome swift, Outcome other, List<Comparison.Atom> atoms) {}

    /** One scenario on one shape: its steps and which of their atoms {@code known-differences.txt} expects. */
    record ScenarioResult(
            String shape,
            Scenario scenario,
            List<StepResult> steps,
            Map<Comparison.Atom, KnownDifferences.@Nullable Entry> known) {
        boolean matches() {
            return steps.stream().allMatch(s -> s.atoms().isEmpty());
        }

        List<StepResult> unexpected() {
            List<StepResult> out = new ArrayList<>();
            for (StepResult s : steps) {
                if (s.atoms().stream().anyMatch(a -> known.get(a) == null)) {
                    out.add(s);
                }
            }
            return out;
        }
    }

    private final List<ScenarioResult> results = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(ScenarioResult r) {
        results.add(r);
    }

    /** Something worth reading that is not a difference (e.g. a cleanup that left residue). */
    void note(String note) {
        notes.add(note);
    }

    List<ScenarioResult> results() {
        return results;
    }

    /** The failure message of a scenario with unexpected differences. */
    static String failure(ScenarioResult r) {
        StringBuilder b = new StringBuilder();
        b.append('[')
                .append(r.shape())
                .append("] ")
                .append(r.scenario().id())
                .append(" differs from Swift 2.30.1 where known-differences.txt expects no difference:\n");
        for (StepResult s : r.unexpected()) {
            describeStep(b, r, s, true);
        }
        b.append("  to accept it, add to known-differences.txt (a line per scenario, or per aspect):\n    ")
                .append(r.shape())
                .append(' ')
                .append(r.scenario().id())
                .append(" * ")
                .append(summary(r))
                .append('\n');
        return b.toString();
    }

    private static void describeStep(StringBuilder b, ScenarioResult r, StepResult s, boolean onlyUnknown) {
        b.append("  step ")
                .append(s.index() + 1)
                .append('/')
                .append(r.scenario().steps().size())
                .append(": ")
                .append(s.req().label())
                .append("  -> swift ")
                .append(statusOf(s.swift()))
                .append(", ")
                .append(r.shape())
                .append(' ')
                .append(statusOf(s.other()))
                .append('\n');
        for (String[] h : s.req().headers()) {
            b.append("      > ")
                    .append(h[0])
                    .append(": ")
                    .append(Texts.escape(h[1]))
                    .append('\n');
        }
        for (Comparison.Atom a : s.atoms()) {
            KnownDifferences.Entry known = r.known().get(a);
            if (onlyUnknown && known != null) {
                continue;
            }
            b.append("    ")
                    .append(a.aspect())
                    .append(known == null ? "" : "  (known: " + known.reason() + ")")
                    .append("\n      swift: ")
                    .append(show(a.swift()))
                    .append("\n      ")
                    .append(r.shape())
                    .append(": ")
                    .append(show(a.other()))
                    .append('\n');
            if (a.aspect().equals("status")) {
                describeResponses(b, s, r.shape());
            }
        }
    }

    /** Under a status difference: the other headers and bodies, which differ as a consequence. */
    private static void describeResponses(StringBuilder b, StepResult s, String shape) {
        RawHttp.Response sr = s.swift().response();
        RawHttp.Response or = s.other().response();
        if (sr == null || or == null) {
            return;
        }
        Normalized ns = Normalized.of(sr, s.req());
        Normalized no = Normalized.of(or, s.req());
        for (Comparison.Atom d : Comparison.details(ns, no)) {
            b.append("      (then ")
                    .append(d.aspect())
                    .append(": swift ")
                    .append(show(d.swift()))
                    .append(" / ")
                    .append(shape)
                    .append(' ')
                    .append(show(d.other()))
                    .append(")\n");
        }
    }

    private static String statusOf(Outcome o) {
        RawHttp.Response r = o.response();
        return r == null ? "(no response)" : String.valueOf(r.status());
    }

    private static String show(String value) {
        return "«" + Texts.escape(value) + "»";
    }

    /**
     * Writes into {@code dir}: {@code differences.txt} (every difference, known or not, step by step), {@code
     * atoms.txt} (one line per difference: shape, scenario, step, aspect, Swift's and the other value) and {@code
     * known-differences.suggested.txt} (a line in {@code known-differences.txt}'s format for every scenario with
     * differences no entry expects, its reason a summary of them).
     */
    void write(Path dir, Map<String, Long> requestsByShape, long elapsedMillis) throws IOException {
        Files.createDirectories(dir);
        StringBuilder all = new StringBuilder("# Conformance harness: differences from Swift 2.30.1, ")
                .append(results.size())
                .append(" scenario runs, ")
                .append(elapsedMillis / 1000)
                .append(" s; requests per shape ")
                .append(requestsByShape)
                .append('\n');
        StringBuilder atoms = new StringBuilder();
        List<ScenarioResult> byShape = new ArrayList<>(results);
        byShape.sort(Comparator.comparing(ScenarioResult::shape)); // stable: scenario order kept
        for (ScenarioResult r : byShape) {
            if (r.matches()) {
                continue;
            }
            all.append("\n[")
                    .append(r.shape())
                    .append("] ")
                    .append(r.scenario().id())
                    .append('\n');
            for (StepResult s : r.steps()) {
                if (!s.atoms().isEmpty()) {
                    describeStep(all, r, s, false);
                }
                for (Comparison.Atom a : s.atoms()) {
                    atoms.append(String.join(
                                    "\t",
                                    r.shape(),
                                    r.scenario().id(),
                                    String.valueOf(s.index() + 1),
                                    a.aspect(),
                                    Texts.escapeWhole(a.swift()).replace("\n", "\\n"),
                                    Texts.escapeWhole(a.other()).replace("\n", "\\n")))
                            .append('\n');
                }
            }
        }
        if (!notes.isEmpty()) {
            all.append("\nNotes:\n");
            notes.forEach(n -> all.append("  ").append(n).append('\n'));
        }
        Files.writeString(dir.resolve("differences.txt"), all, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("atoms.txt"), atoms, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("known-differences.suggested.txt"), suggestions(), StandardCharsets.UTF_8);
    }

    /** One line per scenario with unexpected differences; shapes with the same summary share a line. */
    private String suggestions() {
        Map<String, Map<String, List<String>>> byScenario = new LinkedHashMap<>();
        for (ScenarioResult r : results) {
            if (!r.unexpected().isEmpty()) {
                byScenario
                        .computeIfAbsent(r.scenario().id(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(summary(r), k -> new ArrayList<>())
                        .add(r.shape());
            }
        }
        StringBuilder lines = new StringBuilder();
        byScenario.forEach(
                (id, bySummary) -> bySummary.forEach((summary, shapes) -> lines.append(String.join(",", shapes))
                        .append(' ')
                        .append(id)
                        .append(" * ")
                        .append(summary)
                        .append('\n')));
        return lines.toString();
    }

    /** The unexpected differences of {@code r} in one line: per step, a status change or the aspects. */
    static String summary(ScenarioResult r) {
        List<String> parts = new ArrayList<>();
        for (StepResult s : r.unexpected()) {
            String step = s.req().method() + " " + shortTarget(s.req().target());
            List<String> aspects = new ArrayList<>();
            for (Comparison.Atom a : s.atoms()) {
                if (r.known().get(a) != null) {
                    continue;
                }
                if (a.aspect().equals("status") || a.aspect().equals("error")) {
                    aspects.add(brief(a.swift()) + " -> " + brief(a.other()));
                } else if (a.aspect().endsWith(":missing")) {
                    aspects.add("no " + headerName(a) + " (Swift: " + brief(a.swift()) + ")");
                } else if (a.aspect().endsWith(":extra")) {
                    aspects.add("extra " + headerName(a) + ": " + brief(a.other()));
                } else {
                    aspects.add((a.aspect().equals("body") ? "body" : headerName(a)) + " " + brief(a.swift()) + " -> "
                            + brief(a.other()));
                }
            }
            parts.add(step + ": " + String.join(", ", aspects));
        }
        String line = String.join("; ", parts);
        return line.length() > 400 ? line.substring(0, 397) + "..." : line;
    }

    private static String headerName(Comparison.Atom a) {
        String[] p = a.aspect().split(":");
        return p.length > 1 ? p[1] : a.aspect();
    }

    private static String brief(String value) {
        String v = Texts.escape(value).replace("\n", " ").replace("HTTP/1.1 ", "");
        return v.length() > 70 ? v.substring(0, 67) + "..." : v;
    }

    private static String shortTarget(String target) {
        String t = Texts.escape(target);
        return t.length() > 50 ? t.substring(0, 24) + "..." + t.substring(t.length() - 23) : t;
    }
}
