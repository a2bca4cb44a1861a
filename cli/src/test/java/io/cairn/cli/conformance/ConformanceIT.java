package io.cairn.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.cairn.cli.InProcessCairn;
import io.cairn.common.http.LoopbackPorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The differential conformance harness (see {@code cli/README.md} § Conformance harness): every scenario of
 * {@link Catalog} runs against Debian's Swift 2.30.1 SAIO (the reference), Cairn's SAIO, a Swift proxy on Cairn's
 * storage nodes and a Cairn proxy on Swift's; each non-reference shape's answers must equal Swift's after {@link
 * Normalized} — except the differences {@code known-differences.txt} lists, each of which must still occur.
 *
 * <p>One dynamic test per scenario and shape, then one that the list of known differences is current. The report
 * of every difference (known or not) goes to {@code target/conformance/differences.txt}.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ConformanceIT {
    /** The storage policies of both clusters: what {@code cairn saio} writes into its swift.conf (Swift SAIO's). */
    static final List<SwiftSaio.Policy> POLICIES =
            List.of(new SwiftSaio.Policy(0, "gold", true), new SwiftSaio.Policy(1, "silver", false));

    static final String SWIFT = "swift";
    static final String CAIRN = "cairn";
    static final String SWIFT_PROXY_CAIRN_STORAGE = "swift-proxy+cairn-storage";
    static final String CAIRN_PROXY_SWIFT_STORAGE = "cairn-proxy+swift-storage";

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Path REPORT_DIR = Path.of("target", "conformance").toAbsolutePath();

    /** Both clusters' data, configs and logs; on a filesystem that takes Swift's largest xattrs. */
    @TempDir(factory = XattrTempDirs.class)
    static Path dir;

    private static final List<AutoCloseable> started = new ArrayList<>();
    /** Swift first (the reference), then the shapes compared with it, in run order. */
    private static final List<Target> targets = new ArrayList<>();
    /** The proxy that sees the same storage as a target: it double-checks the target's cleanup. */
    private static final Map<String, Target> sameStorage = new LinkedHashMap<>();

    /**
     * The storage servers' access loggers, quiet during the run (thousands of lines nobody reads; the report has
     * what matters); held here so the JUL loggers and their levels are not collected.
     */
    private static final List<Logger> accessLoggers = List.of(
            Logger.getLogger("io.cairn.object.access"),
            Logger.getLogger("io.cairn.container.access"),
            Logger.getLogger("io.cairn.account.access"));

    private static final List<@Nullable Level> accessLevels = new ArrayList<>();

    private static final Report report = new Report();
    private static KnownDifferences known;
    private static long startNanos;

    @BeforeAll
    static void startClusters() throws Exception {
        startNanos = System.nanoTime();
        known = KnownDifferences.load();
        for (Logger l : accessLoggers) {
            accessLevels.add(l.getLevel());
            l.setLevel(Level.WARNING);
        }
        for (List<String> u : InProcessCairn.SAIO_USERS) {
            // the harness's users must be cairn saio's (and so Swift's, whose proxy conf is written from the list)
            assertThat(u).hasSize(4);
        }
        SwiftSaio swift = SwiftSaio.startCluster(dir.resolve("swift"), POLICIES);
        started.add(swift);
        // fallocate_reserve = 0 as for Swift's servers (see SwiftSaio.storageConf)
        Map<String, String> noReserve = Map.of("fallocate_reserve", "0");
        Map<String, Map<String, String>> saioSettings = new java.util.HashMap<>(ProxyConfs.saioSettings());
        saioSettings.putAll(Map.of(
                "app:object-server", noReserve, "app:container-server", noReserve, "app:account-server", noReserve));
        InProcessCairn cairn = InProcessCairn.saio(dir.resolve("cairn"), saioSettings);
        started.add(cairn);
        SwiftSaio swiftOnCairn = SwiftSaio.startProxyOnly(dir.resolve("swift-proxy-on-cairn"), cairn.swiftDir());
        started.add(swiftOnCairn);
        Path cairnProxyConf =
                Files.createDirectories(dir.resolve("cairn-proxy-on-swift")).resolve("proxy-server.conf");
        Files.writeString(
                cairnProxyConf, ProxyConfs.cairn(LoopbackPorts.pickFree(), swift.swiftDir()), StandardCharsets.UTF_8);
        InProcessCairn cairnOnSwift = InProcessCairn.proxy(cairnProxyConf);
        started.add(cairnOnSwift);
        swift.awaitReady(STARTUP);
        swiftOnCairn.awaitReady(STARTUP);

        Target swiftTarget = new Target(SWIFT, swift.proxyPort());
        Target cairnTarget = new Target(CAIRN, cairn.port());
        Target swiftOnCairnTarget = new Target(SWIFT_PROXY_CAIRN_STORAGE, swiftOnCairn.proxyPort());
        Target cairnOnSwiftTarget = new Target(CAIRN_PROXY_SWIFT_STORAGE, cairnOnSwift.port());
        targets.addAll(List.of(swiftTarget, cairnTarget, swiftOnCairnTarget, cairnOnSwiftTarget));
        sameStorage.put(SWIFT, cairnOnSwiftTarget);
        sameStorage.put(CAIRN_PROXY_SWIFT_STORAGE, swiftTarget);
        sameStorage.put(CAIRN, swiftOnCairnTarget);
        sameStorage.put(SWIFT_PROXY_CAIRN_STORAGE, cairnTarget);
        for (Target t : targets) {
            t.login();
        }
        report.note("data on " + dir + (XattrTempDirs.takesLargeXattrs(dir) ? "" : " (large xattrs fail here)"));
        System.out.printf(
                "conformance: clusters up in %d ms (swift :%d, cairn :%d, %s :%d, %s :%d)%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos),
                swift.proxyPort(),
                cairn.port(),
                SWIFT_PROXY_CAIRN_STORAGE,
                swiftOnCairn.proxyPort(),
                CAIRN_PROXY_SWIFT_STORAGE,
                cairnOnSwift.port());
    }

    @AfterAll
    static void stopClusters() throws IOException {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("conformance: stopping " + started.get(i) + ": " + e);
            }
        }
        started.clear();
        for (int i = 0; i < accessLevels.size(); i++) {
            accessLoggers.get(i).setLevel(accessLevels.get(i));
        }
        accessLevels.clear();
        copySwiftLogs();
    }

    /** Swift's logs outlive the temp dir in {@code target/conformance/logs}, for reading what Swift did. */
    private static void copySwiftLogs() throws IOException {
        Path logs = Files.createDirectories(REPORT_DIR.resolve("logs"));
        for (String cluster : List.of("swift", "swift-proxy-on-cairn")) {
            Path run = dir.resolve(cluster).resolve("run");
            if (!Files.isDirectory(run)) {
                continue;
            }
            try (Stream<Path> files = Files.list(run)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, logs.resolve(cluster + "-" + f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * The groups to run, from {@code -Dconformance.groups=a,b} (a developer's quick loop); empty: all of them, and
     * only then is known-differences.txt checked for stale lines.
     */
    private static final Set<String> ONLY_GROUPS =
            Set.of(System.getProperty("conformance.groups", "").split(",")).stream()
                    .filter(g -> !g.isBlank())
                    .collect(java.util.stream.Collectors.toSet());

    @TestFactory
    Stream<DynamicNode> shouldAnswerAsSwiftDoesWhereNotKnownToDiffer() {
        List<String> badShapes = known.unknownShapes(shapes());
        assertThat(badShapes)
                .as("known-differences.txt names shapes the harness does not run")
                .isEmpty();
        Stream<DynamicNode> groups = Catalog.groups().stream()
                .filter(g -> ONLY_GROUPS.isEmpty() || ONLY_GROUPS.contains(g.id()))
                .map(g -> dynamicContainer(g.id(), Stream.of(g).flatMap(ConformanceIT::runGroup)));
        return Stream.concat(groups, Stream.of(dynamicTest("known-differences.txt is current", ConformanceIT::finish)));
    }

    /**
     * Large objects written through one proxy are served alike by the other on the same storage, both ways, on
     * both clusters' storage ({@link CrossProxy}).
     */
    @Test
    void shouldServeLargeObjectsWrittenThroughTheOtherProxyWhenTheStorageIsShared() {
        List<String> problems = new ArrayList<>();
        for (Target writer : targets) {
            Target reader = Objects.requireNonNull(sameStorage.get(writer.shape()));
            problems.addAll(CrossProxy.check(writer, reader));
            for (String p : writer.cleanUp(Set.of("AUTH_test"))) {
                problems.add("cleanup after " + writer.shape() + ": " + p);
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Objects written through one proxy's S3 API are read alike through the other's on the same storage, both
     * ways, on both clusters' storage ({@link S3CrossProxy}: Cairn's s3api and Swift 2.30.1's share a data layout).
     */
    @Test
    void shouldServeS3ObjectsWrittenThroughTheOtherProxysS3ApiWhenTheStorageIsShared() {
        List<String> problems = new ArrayList<>();
        for (Target writer : targets) {
            Target reader = Objects.requireNonNull(sameStorage.get(writer.shape()));
            problems.addAll(S3CrossProxy.check(writer, reader));
            for (String p : writer.cleanUp(Set.of("AUTH_test"))) {
                problems.add("cleanup after " + writer.shape() + ": " + p);
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Set<String> shapes() {
        return Set.of(CAIRN, SWIFT_PROXY_CAIRN_STORAGE, CAIRN_PROXY_SWIFT_STORAGE);
    }

    /** Runs {@code group} on every shape (cleaning up after each), then yields one test per scenario and shape. */
    private static Stream<DynamicNode> runGroup(Group group) {
        Set<String> accounts = accountsOf(group);
        Map<String, List<List<Outcome>>> outcomes = new LinkedHashMap<>();
        for (Target t : targets) {
            List<List<Outcome>> perScenario = new ArrayList<>();
            for (Scenario s : group.scenarios()) {
                List<Outcome> steps = new ArrayList<>();
                for (Req r : s.steps()) {
                    steps.add(t.send(r));
                }
                perScenario.add(steps);
            }
            outcomes.put(t.shape(), perScenario);
            cleanUp(t, group, accounts);
        }
        List<DynamicNode> tests = new ArrayList<>();
        for (int i = 0; i < group.scenarios().size(); i++) {
            Scenario s = group.scenarios().get(i);
            for (Target t : targets.subList(1, targets.size())) {
                Report.ScenarioResult result = compare(
                        t.shape(),
                        s,
                        Objects.requireNonNull(outcomes.get(SWIFT)).get(i),
                        Objects.requireNonNull(outcomes.get(t.shape())).get(i));
                report.add(result);
                tests.add(dynamicTest("[" + t.shape() + "] " + s.id(), () -> {
                    if (!result.unexpected().isEmpty()) {
                        throw new AssertionError(Report.failure(result));
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static Report.ScenarioResult compare(String shape, Scenario s, List<Outcome> swift, List<Outcome> other) {
        List<Report.StepResult> steps = new ArrayList<>();
        Map<Comparison.Atom, KnownDifferences.Entry> knownAtoms = new LinkedHashMap<>();
        for (int i = 0; i < s.steps().size(); i++) {
            Req req = s.steps().get(i);
            List<Comparison.Atom> atoms = Comparison.compare(req, swift.get(i), other.get(i));
            for (Comparison.Atom a : atoms) {
                KnownDifferences.Entry e = known.match(shape, s.id(), a.aspect());
                if (e != null) {
                    knownAtoms.put(a, e);
                }
            }
            steps.add(new Report.StepResult(i, req, swift.get(i), other.get(i), atoms));
        }
        return new Report.ScenarioResult(shape, s, steps, knownAtoms);
    }

    /** Cleans {@code target}'s accounts, then checks them through the other proxy on the same storage. */
    private static void cleanUp(Target target, Group group, Set<String> accounts) {
        for (String problem : target.cleanUp(accounts)) {
            report.note("after " + group.id() + ": " + problem);
        }
        Target other = sameStorage.get(target.shape());
        if (other != null) {
            List<String> residue = other.residue(accounts);
            if (!residue.isEmpty()) {
                report.note("after " + group.id() + " on " + target.shape() + ", " + other.shape() + " still sees "
                        + residue + "; cleaning through it");
                other.cleanUp(accounts).forEach(p -> report.note("after " + group.id() + ": " + p));
            }
        }
    }

    /** The accounts a group's requests name ({@code /v1/<account>/...}), those the harness cleans afterwards. */
    static Set<String> accountsOf(Group group) {
        Set<String> accounts = new TreeSet<>(List.of("AUTH_test", "AUTH_test2"));
        for (Scenario s : group.scenarios()) {
            for (Req r : s.steps()) {
                String[] parts = r.target().split("[/?]");
                if (parts.length > 2
                        && parts[0].isEmpty()
                        && parts[1].startsWith("v1")
                        && parts[2].matches("(AUTH|SERVICE)_test[0-9]?")) {
                    accounts.add(parts[2]);
                }
            }
        }
        return accounts;
    }

    private static void finish() throws IOException {
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        Map<String, Long> requests = new LinkedHashMap<>();
        targets.forEach(t -> requests.put(t.shape(), t.requests()));
        Path out = REPORT_DIR;
        report.write(out, requests, elapsed);
        long differing = report.results().stream().filter(r -> !r.matches()).count();
        System.out.printf(
                "conformance: %d scenario runs (%d scenarios x %d shapes), %d differ from Swift; %d s; requests %s;"
                        + " report in %s%n",
                report.results().size(),
                report.results().size() / shapes().size(),
                shapes().size(),
                differing,
                elapsed / 1000,
                requests,
                out);
        if (!ONLY_GROUPS.isEmpty()) {
            // a partial run (-Dconformance.groups=...) cannot tell which known differences went stale
            return;
        }
        List<String> stale = known.stale(shapes());
        Set<String> lines = new LinkedHashSet<>(stale);
        assertThat(lines)
                .as("known differences that no longer occur: remove them from known-differences.txt (report: %s)", out)
                .isEmpty();
    }
}
