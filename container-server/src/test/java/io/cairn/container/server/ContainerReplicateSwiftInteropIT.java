package io.cairn.container.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.db.ReplicateGoldenContract;
import io.cairn.common.path.HashPath;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Container REPLICATE: Cairn's container server and Debian's {@code swift-container-server} answer every
 * RPC op identically on copies of one DB (the contract's tests), plus the container's own rule: a
 * {@code sync} whose remote has the better storage policy claim moves the container to that policy.
 */
@Timeout(120)
class ContainerReplicateSwiftInteropIT extends ReplicateGoldenContract {
    private static final HashPath HASH_PATH = HashPath.of("changeme", "changeme");
    private @Nullable ContainerTestNode cairn;

    @Override
    protected String type() {
        return "container";
    }

    @Override
    protected void startCairn(Path root, Path devices) throws Exception {
        cairn = new ContainerTestNode(root, devices, "");
    }

    private ContainerTestNode node() {
        ContainerTestNode n = cairn;
        if (n == null) {
            throw new IllegalStateException("not started");
        }
        return n;
    }

    @Override
    protected int cairnPort() {
        return node().server.port();
    }

    @Override
    protected void stopCairn() {
        ContainerTestNode n = cairn;
        if (n != null) {
            n.close();
        }
    }

    @Override
    protected String createDb(String name, String timestamp) throws Exception {
        assertThat(node().send(
                                "PUT",
                                "/sda/3/acct/" + name,
                                Map.of(
                                        "X-Timestamp",
                                        timestamp,
                                        "X-Backend-Storage-Policy-Index",
                                        "0",
                                        "X-Container-Meta-Color",
                                        "blue"))
                        .statusCode())
                .isEqualTo(201);
        for (int i = 0; i < 3; i++) {
            assertThat(node().send(
                                    "PUT",
                                    "/sda/3/acct/" + name + "/obj-" + i,
                                    Map.of(
                                            "X-Timestamp",
                                            ts(),
                                            "X-Size",
                                            String.valueOf(10 + i),
                                            "X-Content-Type",
                                            "text/plain",
                                            "X-Etag",
                                            "etag-" + i,
                                            "X-Backend-Storage-Policy-Index",
                                            "0"))
                            .statusCode())
                    .isEqualTo(201);
        }
        // the rows are acknowledged from .pending; a reader (HEAD) folds them into the .db file, so the
        // copies both servers get hold every row in SQLite, whenever Cairn's deferred fold would have run
        assertThat(node().send("HEAD", "/sda/3/acct/" + name, Map.of()).statusCode())
                .isEqualTo(204);
        return HASH_PATH.hex("acct", name, null);
    }

    @Override
    protected Map<String, @Nullable Object> row(String name, long rowid, String timestamp) {
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        row.put("ROWID", rowid);
        row.put("name", name);
        row.put("created_at", timestamp);
        row.put("size", 42);
        row.put("content_type", "application/octet-stream");
        row.put("etag", "d41d8cd98f00b204e9800998ecf8427e");
        row.put("deleted", 0);
        row.put("storage_policy_index", 0);
        return row;
    }

    @Override
    protected String metaPrefix() {
        return "X-Container-Meta-";
    }

    @Test
    void shouldAdoptTheRemotePolicyLikeSwiftWhenTheRemoteClaimIsOlder() throws Exception {
        String hash = copied(createDb("policy-claim", ts()));
        List<Object> args = syncArgs(-1, "h", "peer-p", "0", "0", "0", "");
        args.addAll(List.of("0000000001.00000", 0, 1));
        Map<String, @Nullable Object> info = same(hash, args, List.of("status_changed_at"));
        assertThat(info.get("storage_policy_index")).isEqualTo(1L);
        List<Object> newer = syncArgs(-1, "h", "peer-p", "0", "0", "0", "");
        newer.addAll(List.of("9999999999.00000", 0, 0));
        assertThat(same(hash, newer, List.of("status_changed_at")).get("storage_policy_index"))
                .isEqualTo(1L);
    }
}
