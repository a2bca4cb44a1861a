package io.cairn.account.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.path.Constraints;
import io.cairn.common.path.HashPath;
import io.cairn.common.testing.Python;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's {@code swift-account-info} reads an account DB Cairn wrote (containers in two policies): counts,
 * bytes, metadata and timestamps. (The tool prints no per-policy stats; {@code AccountBrokerSwiftInteropTest}
 * checks those through Swift's broker.)
 */
@Timeout(60)
class AccountInfoToolIT {
    /** Runs the tool with the test's swift.conf as its policies (Swift loads them at import from /etc/swift). */
    private static final String RUN_TOOL = "import runpy, sys\n"
            + "import swift.common.storage_policy as sp, swift.common.utils as utils\n"
            + "utils.SWIFT_CONF_FILE = sys.argv[1]\n"
            + "sp.reload_storage_policies()\n"
            + "sys.argv = ['swift-account-info'] + sys.argv[2:]\n"
            + "runpy.run_path('/usr/bin/swift-account-info', run_name='__main__')\n";

    private static final HashPath HASH_PATH = HashPath.of("pre", "suf");

    @TempDir
    Path root;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private int put(int port, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method("PUT", HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void shouldShowCairnsStatsMetadataAndPoliciesWhenSwiftAccountInfoReadsTheDb() throws Exception {
        Path devices = root.resolve("devices");
        Files.createDirectories(devices.resolve("sda"));
        Path swiftDir = Files.createDirectories(root.resolve("etc"));
        Files.writeString(
                swiftDir.resolve("swift.conf"),
                "[swift-hash]\nswift_hash_path_prefix = pre\nswift_hash_path_suffix = suf\n"
                        + "[storage-policy:0]\nname = gold\ndefault = yes\n[storage-policy:1]\nname = silver\n");
        try (AccountServer server = new AccountServer(
                AccountServerConfig.forTest(devices),
                HASH_PATH,
                Constraints.DEFAULTS,
                Map.of(0, "gold", 1, "silver"),
                Clock.systemUTC())) {
            server.start();
            assertThat(put(
                            server.port(),
                            "/sda/2/AUTH_t",
                            "X-Timestamp",
                            "1700000000.00000",
                            "X-Account-Meta-Owner",
                            "team-a"))
                    .isEqualTo(201);
            String[][] reports = {{"c0", "0", "2", "20"}, {"c1", "1", "5", "500"}, {"c2", "1", "1", "7"}};
            for (String[] r : reports) {
                assertThat(put(
                                server.port(),
                                "/sda/2/AUTH_t/" + r[0],
                                "X-Put-Timestamp",
                                "1700000001.00000",
                                "X-Delete-Timestamp",
                                "0",
                                "X-Object-Count",
                                r[2],
                                "X-Bytes-Used",
                                r[3],
                                "X-Backend-Storage-Policy-Index",
                                r[1],
                                "X-Timestamp",
                                "1700000001.00000"))
                        .isEqualTo(201);
            }
        }
        String hash = HASH_PATH.hex("AUTH_t", null, null);
        String db = devices.resolve("sda/accounts/2/" + hash.substring(29) + "/" + hash + "/" + hash + ".db")
                .toString();
        String out = Python.runText(
                RUN_TOOL, swiftDir.resolve("swift.conf").toString(), "--swift-dir", swiftDir.toString(), db);
        assertThat(out)
                .contains("Account: AUTH_t")
                .contains("Container Count: 3")
                .contains("Object Count: 8")
                .contains("Bytes Used: 527")
                .contains("User Metadata: {'X-Account-Meta-Owner': 'team-a'}")
                .contains("Put Timestamp: 2023-11-14T22:13:20.000000 (1700000000.00000)");
    }
}
