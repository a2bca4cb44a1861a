package io.cairn.cli.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code known-differences.txt}: the differences from Swift 2.30.1 that the harness expects today, one per line,
 *
 * <pre>
 * SHAPES  SCENARIO  ASPECT  reason, up to the end of the line
 * </pre>
 *
 * where {@code SHAPES} is a comma list of shape names ({@code cairn}, {@code swift-proxy+cairn-storage}, {@code
 * cairn-proxy+swift-storage}), {@code SCENARIO} a scenario id and {@code ASPECT} an atom's aspect ({@link
 * Comparison.Atom}); both may use {@code *} for any characters (e.g. {@code names.obj.*}, {@code header:date:*}).
 * {@code #} starts a comment line. A difference is known when an entry matches its shape, scenario and aspect;
 * every entry must still match at least one difference in each of its shapes, or it is stale and the harness fails,
 * so a fix forces its entry out of the file.
 *
 * <p>Not thread-safe: one test thread.
 */
final class KnownDifferences {
    /** The file, on the test class path beside this class. */
    static final String RESOURCE = "known-differences.txt";

    private static final Map<String, Pattern> GLOBS = new ConcurrentHashMap<>();

    /** One line of the file. */
    record Entry(int line, List<String> shapes, String scenario, String aspect, String reason, boolean mayNotOccur) {
        boolean matches(String shape, String scenarioId, String atomAspect) {
            return shapes.contains(shape)
                    && glob(scenario).matcher(scenarioId).matches()
                    && glob(aspect).matcher(atomAspect).matches();
        }

        String text() {
            return String.join(",", shapes) + " " + scenario + " " + aspect + " " + reason;
        }
    }

    private final List<Entry> entries;
    /** "line shape" pairs that matched at least one difference. */
    private final Set<String> used = new HashSet<>();

    private KnownDifferences(List<Entry> entries) {
        this.entries = entries;
    }

    static KnownDifferences load() throws IOException {
        try (InputStream in = Objects.requireNonNull(KnownDifferences.class.getResourceAsStream(RESOURCE), RESOURCE)) {
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        }
    }

    static KnownDifferences parse(BufferedReader reader) throws IOException {
        List<Entry> entries = new ArrayList<>();
        int n = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\\s+", 4);
            if (f.length < 4) {
                throw new IOException(RESOURCE + ":" + n + ": want SHAPES SCENARIO ASPECT REASON: " + line);
            }
            // a leading ~ marks a difference that depends on timing (two clusters writing in the same second):
            // it is expected when it occurs, and not reported stale when it does not
            boolean mayNotOccur = f[0].startsWith("~");
            String shapes = mayNotOccur ? f[0].substring(1) : f[0];
            entries.add(new Entry(n, List.of(shapes.split(",")), f[1], f[2], f[3], mayNotOccur));
        }
        return new KnownDifferences(entries);
    }

    /** The first entry matching this difference (and marks it used), or null when it is not known. */
    @Nullable
    Entry match(String shape, String scenarioId, String aspect) {
        for (Entry e : entries) {
            if (e.matches(shape, scenarioId, aspect)) {
                used.add(e.line() + " " + shape);
                return e;
            }
        }
        return null;
    }

    /** Entries (with the shape) that matched no difference of a shape in {@code shapesRun}. */
    List<String> stale(Set<String> shapesRun) {
        List<String> stale = new ArrayList<>();
        for (Entry e : entries) {
            if (e.mayNotOccur()) {
                continue;
            }
            for (String shape : e.shapes()) {
                if (shapesRun.contains(shape) && !used.contains(e.line() + " " + shape)) {
                    stale.add(RESOURCE + ":" + e.line() + " [" + shape + "] " + e.text());
                }
            }
        }
        return stale;
    }

    /** Entries naming a shape the harness does not have (a typo would hide nothing and match nothing). */
    List<String> unknownShapes(Set<String> shapes) {
        List<String> bad = new ArrayList<>();
        for (Entry e : entries) {
            for (String shape : e.shapes()) {
                if (!shapes.contains(shape)) {
                    bad.add(RESOURCE + ":" + e.line() + ": unknown shape " + shape);
                }
            }
        }
        return bad;
    }

    static Pattern glob(String glob) {
        return GLOBS.computeIfAbsent(glob, KnownDifferences::compileGlob);
    }

    private static Pattern compileGlob(String glob) {
        List<String> parts = new ArrayList<>();
        for (String part : glob.split("\\*", -1)) {
            parts.add(Pattern.quote(part));
        }
        return Pattern.compile(String.join(".*", parts));
    }
}
