package io.cairn.container.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.path.HashPath;
import io.cairn.common.testing.Python;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Debian's {@code swift-container-info} reads a container DB Cairn wrote: counts, bytes, metadata, policy. */
@Timeout(60)
class ContainerInfoToolIT {
    /** Runs the tool with the test's swift.conf as its policies (Swift loads them at import from /etc/swift). */
    private static final String RUN_TOOL = "import runpy, sys\n"
            + "import swift.common.storage_policy as sp, swift.common.utils as utils\n"
            + "utils.SWIFT_CONF_FILE = sys.argv[1]\n"
            + "sp.reload_storage_policies()\n"
            + "sys.argv = ['swift-container-info'] + sys.argv[2:]\n"
            + "runpy.run_path('/usr/bin/swift-container-info', run_name='__main__')\n";

    @TempDir
    Path root;

    @Test
    void shouldShowCairnsStatsMetadataAndPolicyWhenSwiftContainerInfoReadsTheDb() throws Exception {
        Path devices = root.resolve("devices");
        String db;
        try (ContainerTestNode node = new ContainerTestNode(root, devices, "")) {
            assertThat(node.send(
                                    "PUT",
                                    "/sda/5/acct/photos",
                                    Map.of(
                                            "X-Timestamp", "1700000000.00000",
                                            "X-Backend-Storage-Policy-Index", "1",
                                            "X-Container-Meta-Color", "blue",
                                            "X-Container-Read", ".r:*"))
                            .statusCode())
                    .isEqualTo(201);
            for (int i = 0; i < 3; i++) {
                assertThat(node.send(
                                        "PUT",
                                        "/sda/5/acct/photos/img-" + i,
                                        Map.of(
                                                "X-Timestamp",
                                                "170000000" + (i + 1) + ".00000",
                                                "X-Size",
                                                String.valueOf(10 + i),
                                                "X-Content-Type",
                                                "image/png",
                                                "X-Etag",
                                                "etag-" + i,
                                                "X-Backend-Storage-Policy-Index",
                                                "1"))
                                .statusCode())
                        .isEqualTo(201);
            }
            String hash = HashPath.of("changeme", "changeme").hex("acct", "photos", null);
            db = devices.resolve("sda/containers/5/" + hash.substring(29) + "/" + hash + "/" + hash + ".db")
                    .toString();
        }
        String out = Python.runText(
                RUN_TOOL,
                root.resolve("etc-swift/swift.conf").toString(),
                "--swift-dir",
                root.resolve("etc-swift").toString(),
                db);
        assertThat(out)
                .contains("Account: acct")
                .contains("Container: photos")
                .contains("Object Count: 3")
                .contains("Bytes Used: 33")
                .contains("Storage Policy: silver (1)")
                .contains("Put Timestamp: 2023-11-14T22:13:20.000000 (1700000000.00000)")
                .contains("User Metadata: {'X-Container-Meta-Color': 'blue'}")
                .contains("X-Container-Read: .r:*");
    }
}
