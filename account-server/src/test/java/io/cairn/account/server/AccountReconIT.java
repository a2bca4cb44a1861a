package io.cairn.account.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.daemon.PassReport;
import io.cairn.common.daemon.ReconRegistry;
import io.cairn.common.http.Transport;
import io.cairn.common.path.Constraints;
import io.cairn.common.path.HashPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code /recon/*} mounted on a real account server from a {@link ReconRegistry}. */
@Timeout(60)
class AccountReconIT {
    @TempDir
    Path devices;

    @Test
    void shouldServeReconDocumentsWhenARegistryIsGiven() throws Exception {
        Files.createDirectories(devices.resolve("sda"));
        ReconRegistry recon = new ReconRegistry();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        recon.passFinished(new PassReport.Builder("account-auditor", start)
                .add("passed", 3)
                .build(start.plusSeconds(2)));
        try (AccountServer server = new AccountServer(
                AccountServerConfig.forTest(devices),
                HashPath.of("", "cairn-test"),
                Constraints.DEFAULTS,
                Map.of(0, "gold"),
                Transport.select(false),
                Clock.systemUTC(),
                recon)) {
            server.start();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> audit = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/recon/auditor/account"))
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(audit.statusCode()).isEqualTo(200);
            assertThat(audit.body())
                    .isEqualTo("{\"account_audits_passed\": 3, \"account_auditor_pass_completed\": 2.0,"
                            + " \"account_audits_since\": 1767225600.0, \"account_audits_failed\": 0}");
            HttpResponse<String> unknown = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/recon/y"))
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unknown.statusCode()).isEqualTo(404);
        }
    }
}
