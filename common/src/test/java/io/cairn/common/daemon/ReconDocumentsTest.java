package io.cairn.common.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.codec.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconDocumentsTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path devices;

    private final ReconRegistry registry = new ReconRegistry();
    private final ReconDocuments documents = new ReconDocuments(registry, null);

    private void pass(String daemon, long seconds, Map<String, Long> counters) {
        PassReport.Builder b = new PassReport.Builder(daemon, START);
        counters.forEach(b::add);
        registry.passFinished(b.build(START.plusSeconds(seconds)));
    }

    private Map<String, Object> json(ReconDocuments docs, String path) throws Exception {
        Object document = docs.document(path);
        assertThat(document).as(path).isNotNull();
        return map(Json.parse(Json.write(document)));
    }

    @Test
    void shouldAnswerSwiftShapedNullsWhenNoPassFinishedYet() throws Exception {
        Map<String, Object> async = json(documents, "/recon/async");
        assertThat(async.keySet()).containsExactly("async_pending", "async_pending_last");
        assertThat(async.values()).containsOnlyNulls();
        assertThat(json(documents, "/recon/updater/object")).containsEntry("object_updater_sweep", null);
        assertThat(json(documents, "/recon/replication").values()).containsOnlyNulls();
        assertThat(json(documents, "/recon/auditor/object").keySet())
                .containsExactly("object_auditor_stats_ALL", "object_auditor_stats_ZBF");
    }

    @Test
    void shouldShapeObjectReplicationAsSwiftWhenTheReplicatorReported() throws Exception {
        pass("object-replicator", 120, Map.of("success", 7L, "failure", 1L));
        Map<String, Object> doc = json(documents, "/recon/replication/object");
        assertThat(doc.get("replication_time")).isEqualTo(2.0); // minutes, as Swift's object replicator
        assertThat(doc.get("object_replication_time")).isEqualTo(2.0);
        assertThat(doc.get("replication_last")).isEqualTo(START.plusSeconds(120).getEpochSecond() + 0.0);
        assertThat(map(doc.get("replication_stats")))
                .containsEntry("success", 7L)
                .containsEntry("failure", 1L)
                .containsEntry("start", START.getEpochSecond() + 0.0);
        assertThat(json(documents, "/recon/replication")).isEqualTo(doc);
    }

    @Test
    void shouldShapeDbReplicationInSecondsWhenTheContainerReplicatorReported() throws Exception {
        pass("container-replicator", 90, Map.of("no_change", 3L));
        Map<String, Object> doc = json(documents, "/recon/replication/container");
        assertThat(doc.keySet()).containsExactly("replication_time", "replication_stats", "replication_last");
        assertThat(doc.get("replication_time")).isEqualTo(90.0);
        assertThat(map(doc.get("replication_stats"))).containsEntry("no_change", 3L);
    }

    @Test
    void shouldShapeAuditorsAndUpdaterWhenTheyReported() throws Exception {
        pass("object-auditor", 30, Map.of("passes", 10L, "quarantined", 1L));
        pass("object-auditor-zbf", 5, Map.of("passes", 4L));
        pass("object-updater", 3, Map.of("successes", 2L));
        pass("container-auditor", 8, Map.of("passed", 5L, "failed", 1L));
        Map<String, Object> objectAudit = json(documents, "/recon/auditor/object");
        assertThat(map(objectAudit.get("object_auditor_stats_ALL")))
                .containsEntry("passes", 10L)
                .containsEntry("quarantined", 1L)
                .containsEntry("audit_time", 30.0)
                .containsEntry("start_time", START.getEpochSecond() + 0.0);
        assertThat(map(objectAudit.get("object_auditor_stats_ZBF"))).containsEntry("passes", 4L);
        assertThat(json(documents, "/recon/updater/object")).containsEntry("object_updater_sweep", 3.0);
        assertThat(json(documents, "/recon/auditor/container"))
                .containsEntry("container_audits_passed", 5L)
                .containsEntry("container_audits_failed", 1L)
                .containsEntry("container_auditor_pass_completed", 8.0);
    }

    @Test
    void shouldReportTheAsyncPendingGaugeWhenPublished() throws Exception {
        registry.gauge("async_pendings", () -> 4);
        pass("object-updater", 1, Map.of());
        Map<String, Object> async = json(documents, "/recon/async");
        assertThat(async.get("async_pending")).isEqualTo(4L);
        assertThat(async.get("async_pending_last"))
                .isEqualTo(START.plusSeconds(1).getEpochSecond() + 0.0);
        Map<String, Object> all = json(documents, "/recon/daemons");
        assertThat(map(all.get("gauges"))).containsEntry("async_pendings", 4L);
        assertThat(map(all.get("daemons"))).containsKey("object-updater");
    }

    @Test
    void shouldAnswerNullForUnknownPathsWhenNoDocumentMatches() {
        for (String path : List.of(
                "/recon/",
                "/recon/nonsense",
                "/recon/updater/account",
                "/recon/auditor",
                "/recon/replication/object/extra",
                "/recon/quarantined",
                "/other")) {
            assertThat(documents.document(path)).as(path).isNull();
        }
    }

    @Test
    void shouldCountQuarantinedEntriesByLinkCountWhenDevicesHaveThem() throws Exception {
        Files.createDirectories(devices.resolve("sda/quarantined/objects/h1"));
        Files.createDirectories(devices.resolve("sda/quarantined/objects/h2"));
        Files.createDirectories(devices.resolve("sdb/quarantined/objects-1/h3"));
        Files.createDirectories(devices.resolve("sdb/quarantined/containers/db1"));
        Files.createDirectories(devices.resolve("sdc"));
        Map<String, Object> doc = json(new ReconDocuments(registry, devices), "/recon/quarantined");
        assertThat(doc)
                .containsEntry("objects", 3L)
                .containsEntry("containers", 1L)
                .containsEntry("accounts", 0L)
                .containsEntry("policies", Map.of("0", Map.of("objects", 2L), "1", Map.of("objects", 1L)));
    }

    @Test
    void shouldMatchSwiftsQuarantineCountWhenSwiftCountsTheSameTree() throws IOException {
        Files.createDirectories(devices.resolve("sda/quarantined/objects/h1"));
        Files.createDirectories(devices.resolve("sda/quarantined/objects-2/h2"));
        String swift = io.cairn.common.testing.Python.runText(
                String.join(
                        "\n",
                        "import json, sys",
                        "from swift.common.middleware.recon import ReconMiddleware",
                        "m = ReconMiddleware(None, {'devices': sys.argv[1]})",
                        "print(json.dumps(m.get_quarantine_count(), sort_keys=True))"),
                devices.toString());
        assertThat(Json.writeSortedKeys(ReconDocuments.quarantined(devices))).isEqualTo(swift.strip());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(@org.jspecify.annotations.Nullable Object o) {
        return (Map<String, Object>) java.util.Objects.requireNonNull(o);
    }
}
