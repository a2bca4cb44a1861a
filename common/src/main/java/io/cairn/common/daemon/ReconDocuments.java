package io.cairn.common.daemon;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The documents of Swift's recon middleware ({@code swift/common/middleware/recon.py}), shaped from a
 * {@link ReconRegistry} instead of Swift's recon cache files, plus Cairn's whole snapshot. {@code
 * /recon/<check>[/<type>]}:
 *
 * <table>
 *   <caption>Documents and where their data comes from</caption>
 *   <tr><th>path</th><th>document</th><th>from</th></tr>
 *   <tr><td>{@code daemons}</td><td>{@link ReconRegistry#snapshot()}</td><td>everything</td></tr>
 *   <tr><td>{@code async}</td><td>{@code {"async_pending": N, "async_pending_last": t}}</td>
 *       <td>gauge {@code async_pendings}; end of the last {@code object-updater} pass</td></tr>
 *   <tr><td>{@code replication}, {@code replication/object}</td><td>{@code replication_time} (minutes),
 *       {@code replication_stats}, {@code replication_last}, {@code object_replication_time}, {@code
 *       object_replication_last}</td><td>{@code object-replicator}</td></tr>
 *   <tr><td>{@code replication/container|account}</td><td>{@code replication_time} (seconds), {@code
 *       replication_stats}, {@code replication_last}</td><td>{@code container-replicator}, {@code
 *       account-replicator}</td></tr>
 *   <tr><td>{@code updater/object|container}</td><td>{@code {"<type>_updater_sweep": seconds}}</td>
 *       <td>{@code object-updater}, {@code container-updater}</td></tr>
 *   <tr><td>{@code auditor/object}</td><td>{@code object_auditor_stats_ALL}, {@code
 *       object_auditor_stats_ZBF}</td><td>{@code object-auditor}, {@code object-auditor-zbf}</td></tr>
 *   <tr><td>{@code auditor/container|account}</td><td>{@code <type>_audits_passed}, {@code
 *       <type>_auditor_pass_completed}, {@code <type>_audits_since}, {@code <type>_audits_failed}</td>
 *       <td>{@code <type>-auditor}, counters {@code passed} and {@code failed}</td></tr>
 *   <tr><td>{@code expirer/object}</td><td>{@code object_expiration_pass}, {@code expired_last_pass}</td>
 *       <td>{@code object-expirer}, counter {@code objects_expired}</td></tr>
 *   <tr><td>{@code quarantined}</td><td>{@code {"objects", "containers", "accounts", "policies"}}</td>
 *       <td>link counts of {@code <dev>/quarantined/*}, as Swift counts (only with a devices dir)</td></tr>
 * </table>
 *
 * <p>As in Swift, a key whose data does not exist yet (no pass finished) is present with {@code null}.
 * Stats dicts are the pass's counters plus {@code start} (replication) or {@code start_time} and {@code
 * audit_time} (auditor); times are seconds since the epoch as floats.
 *
 * <p>Thread-safety: thread-safe (reads the thread-safe registry). {@code quarantined} stats a few
 * directories: call {@link #document} off the event loop.
 */
public final class ReconDocuments {
    private final ReconRegistry registry;
    private final @Nullable Path devicesDir;

    /** @param devicesDir the node's {@code devices} dir for {@code quarantined}, or null to not serve it */
    public ReconDocuments(ReconRegistry registry, @Nullable Path devicesDir) {
        this.registry = registry;
        this.devicesDir = devicesDir;
    }

    /**
     * The document for a request path {@code /recon/<check>[/<type>]} (query string excluded), or null when
     * the path names no document (Swift answers 404 {@code Invalid path: <path>}).
     */
    public @Nullable Object document(String path) {
        if (!path.startsWith("/recon/")) {
            return null;
        }
        String[] parts = path.substring("/recon/".length()).split("/", -1);
        if (parts.length > 2 || parts[0].isEmpty()) {
            return null;
        }
        String type = parts.length == 2 && !parts[1].isEmpty() ? parts[1] : null;
        return document(parts[0], type);
    }

    private @Nullable Object document(String check, @Nullable String type) {
        if (type == null) {
            return switch (check) {
                case "daemons" -> registry.snapshot();
                case "async" -> asyncInfo();
                case "replication" -> replication("object"); // Swift's old-style object request
                case "quarantined" -> devicesDir == null ? null : quarantined(devicesDir);
                default -> null;
            };
        }
        boolean serverType = type.equals("object") || type.equals("container") || type.equals("account");
        return switch (check) {
            case "replication" -> serverType ? replication(type) : null;
            case "updater" -> type.equals("object") || type.equals("container") ? updater(type) : null;
            case "auditor" -> serverType ? auditor(type) : null;
            case "expirer" -> type.equals("object") ? expirer() : null;
            default -> null;
        };
    }

    private Map<String, Object> asyncInfo() {
        Map<String, Object> out = new LinkedHashMap<>();
        Object gauges = registry.snapshot().get("gauges");
        Object count = gauges instanceof Map<?, ?> g ? g.get("async_pendings") : null;
        PassReport updater = registry.lastPass("object-updater");
        out.put("async_pending", count);
        out.put(
                "async_pending_last",
                updater == null ? null : seconds(updater.end().toEpochMilli()));
        return out;
    }

    private Map<String, Object> replication(String type) {
        PassReport r = registry.lastPass(type + "-replicator");
        Map<String, Object> out = new LinkedHashMap<>();
        boolean object = type.equals("object");
        Object time = r == null ? null : object ? durationSeconds(r) / 60.0 : durationSeconds(r);
        Object last = r == null ? null : seconds(r.end().toEpochMilli());
        out.put("replication_time", time);
        out.put("replication_stats", r == null ? null : stats(r, "start"));
        out.put("replication_last", last);
        if (object) {
            out.put("object_replication_time", time);
            out.put("object_replication_last", last);
        }
        return out;
    }

    private Map<String, Object> updater(String type) {
        PassReport r = registry.lastPass(type + "-updater");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(type + "_updater_sweep", r == null ? null : durationSeconds(r));
        return out;
    }

    private Map<String, Object> auditor(String type) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (type.equals("object")) {
            out.put("object_auditor_stats_ALL", auditStats(registry.lastPass("object-auditor")));
            out.put("object_auditor_stats_ZBF", auditStats(registry.lastPass("object-auditor-zbf")));
            return out;
        }
        PassReport r = registry.lastPass(type + "-auditor");
        out.put(type + "_audits_passed", r == null ? null : r.counter("passed"));
        out.put(type + "_auditor_pass_completed", r == null ? null : durationSeconds(r));
        out.put(type + "_audits_since", r == null ? null : seconds(r.start().toEpochMilli()));
        out.put(type + "_audits_failed", r == null ? null : r.counter("failed"));
        return out;
    }

    private Map<String, Object> expirer() {
        PassReport r = registry.lastPass("object-expirer");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object_expiration_pass", r == null ? null : durationSeconds(r));
        out.put("expired_last_pass", r == null ? null : r.counter("objects_expired"));
        return out;
    }

    private static @Nullable Map<String, Object> auditStats(@Nullable PassReport r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> out = stats(r, "start_time");
        out.put("audit_time", durationSeconds(r));
        return out;
    }

    private static Map<String, Object> stats(PassReport r, String startKey) {
        Map<String, Object> out = new TreeMap<>(r.counters());
        out.put(startKey, seconds(r.start().toEpochMilli()));
        return out;
    }

    /**
     * Swift's {@code get_quarantine_count}: for each {@code <dev>/quarantined/<type>} directory, its link
     * count minus 2 (one per quarantined entry); {@code objects[-N]} also counted per policy.
     */
    static Map<String, Object> quarantined(Path devicesDir) {
        long objects = 0;
        long containers = 0;
        long accounts = 0;
        Map<String, Long> perPolicy = new TreeMap<>();
        try (DirectoryStream<Path> devices = Files.newDirectoryStream(devicesDir)) {
            for (Path device : devices) {
                Path qdir = device.resolve("quarantined");
                if (!Files.isDirectory(qdir)) {
                    continue;
                }
                try (DirectoryStream<Path> types = Files.newDirectoryStream(qdir)) {
                    for (Path typeDir : types) {
                        long entries = linkCount(typeDir) - 2;
                        if (entries <= 0) {
                            continue;
                        }
                        String type = typeDir.getFileName().toString();
                        if (type.startsWith("objects")) {
                            int dash = type.indexOf('-');
                            String policy = dash < 0 ? "0" : type.substring(dash + 1);
                            perPolicy.merge(policy, entries, Long::sum);
                            objects += entries;
                        } else if (type.equals("containers")) {
                            containers += entries;
                        } else if (type.equals("accounts")) {
                            accounts += entries;
                        }
                    }
                }
            }
        } catch (IOException e) {
            // a device vanishing mid-count: report what was counted, as a best-effort gauge
        }
        Map<String, Object> policies = new TreeMap<>();
        perPolicy.forEach((policy, count) -> policies.put(policy, Map.of("objects", count)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("objects", objects);
        out.put("containers", containers);
        out.put("accounts", accounts);
        out.put("policies", policies);
        return out;
    }

    private static long linkCount(Path dir) throws IOException {
        Object n = Files.getAttribute(dir, "unix:nlink");
        return n instanceof Number num ? num.longValue() : 2;
    }

    private static double durationSeconds(PassReport r) {
        return r.duration().toNanos() / 1e9;
    }

    private static double seconds(long epochMillis) {
        return epochMillis / 1000.0;
    }
}
