package io.cairn.cli.conformance;

import io.cairn.cli.RawHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The harness's findings: every scenario's differences per shape, known or not, as failure messages and as the
 * report files ({@code differences.txt}: one line per difference atom; {@code known-differences.suggested.txt}:
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
        Set<String> suggestions = new LinkedHashSet<>();
        for (StepResult s : r.unexpected()) {
            describeStep(b, r, s, true);
            for (Comparison.Atom a : s.atoms()) {
                if (r.known().get(a) == null) {
                    suggestions.add(r.shape() + " " + r.scenario().id() + " " + a.aspect() + " <reason>");
                }
            }
        }
        b.append("  to accept it, add to known-differences.txt:\n");
        for (String s : suggestions) {
            b.append("    ").append(s).append('\n');
        }
        return b.toString();
    }

    private static void describeStep(StringBuilder b, ScenarioResult r, StepResult s, boolean onlyUnknown) {
        b.append("  step ")
                .append(s.index() + 1)
                .append('/')
                .append(r.scenario().steps().size())
                .append(": ")
                .append(s.req().label())
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

    private static String show(String value) {
        return "«" + Texts.escape(value) + "»";
    }

    /** Writes {@code differences.txt} and {@code known-differences.suggested.txt} into {@code dir}. */
    void write(Path dir, Map<String, Long> requestsByShape, long elapsedMillis) throws IOException {
        Files.createDirectories(dir);
        StringBuilder all = new StringBuilder("# Conformance harness: differences from Swift 2.30.1, ")
                .append(results.size())
                .append(" scenario runs, ")
                .append(elapsedMillis / 1000)
                .append(" s; ")
                .append("requests per shape ")
                .append(requestsByShape)
                .append('\n');
        Map<String, Set<String>> suggested = new LinkedHashMap<>();
        List<ScenarioResult> byShape = new ArrayList<>(results);
        byShape.sort(java.util.Comparator.comparing(ScenarioResult::shape)); // stable: scenario order kept
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
                    suggested
                            .computeIfAbsent(r.shape(), k -> new LinkedHashSet<>())
                            .add(r.shape() + " " + r.scenario().id() + " " + a.aspect());
                }
            }
        }
        if (!notes.isEmpty()) {
            all.append("\nNotes:\n");
            notes.forEach(n -> all.append("  ").append(n).append('\n'));
        }
        Files.writeString(dir.resolve("differences.txt"), all, StandardCharsets.UTF_8);
        StringBuilder lines = new StringBuilder();
        suggested.values().forEach(set -> set.forEach(l -> lines.append(l).append(" ?\n")));
        Files.writeString(dir.resolve("known-differences.suggested.txt"), lines, StandardCharsets.UTF_8);
    }
}
