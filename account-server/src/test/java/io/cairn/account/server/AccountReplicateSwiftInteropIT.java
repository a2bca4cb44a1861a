package io.cairn.account.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.db.ReplicateGoldenContract;
import io.cairn.common.path.Constraints;
import io.cairn.common.path.HashPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Timeout;

/**
 * Account REPLICATE: Cairn's account server and Debian's {@code swift-account-server} answer every RPC op
 * identically on copies of one account DB (the contract's tests).
 */
@Timeout(120)
class AccountReplicateSwiftInteropIT extends ReplicateGoldenContract {
    private static final HashPath HASH_PATH = HashPath.of("changeme", "changeme");
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private @Nullable AccountServer server;

    @Override
    protected String type() {
        return "account";
    }

    @Override
    protected void startCairn(Path root, Path devices) throws Exception {
        AccountServer s = new AccountServer(
                AccountServerConfig.forTest(devices),
                HASH_PATH,
                Constraints.DEFAULTS,
                Map.of(0, "Policy-0"),
                Clock.systemUTC());
        s.start();
        server = s;
    }

    @Override
    protected int cairnPort() {
        AccountServer s = server;
        if (s == null) {
            throw new IllegalStateException("not started");
        }
        return s.port();
    }

    @Override
    protected void stopCairn() {
        AccountServer s = server;
        if (s != null) {
            s.close();
        }
    }

    private int send(String path, String... headers) throws Exception {
        return request("PUT", path, headers);
    }

    private int request(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cairnPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Override
    protected String createDb(String name, String timestamp) throws Exception {
        assertThat(send("/sda/3/" + name, "X-Timestamp", timestamp, "X-Account-Meta-Color", "blue"))
                .isEqualTo(201);
        for (int i = 0; i < 3; i++) {
            String put = ts();
            assertThat(send(
                            "/sda/3/" + name + "/c" + i,
                            "X-Put-Timestamp",
                            put,
                            "X-Delete-Timestamp",
                            "0",
                            "X-Object-Count",
                            String.valueOf(i + 1),
                            "X-Bytes-Used",
                            String.valueOf(100 * (i + 1)),
                            "X-Backend-Storage-Policy-Index",
                            "0",
                            "X-Timestamp",
                            put))
                    .isEqualTo(201);
        }
        // the reports are acknowledged from .pending; a reader (HEAD) folds them into the .db file, so the
        // copies both servers get hold every row in SQLite, whenever Cairn's deferred fold would have run
        assertThat(request("HEAD", "/sda/3/" + name)).isEqualTo(204);
        return HASH_PATH.hex(name, null, null);
    }

    @Override
    protected Map<String, @Nullable Object> row(String name, long rowid, String timestamp) {
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        row.put("ROWID", rowid);
        row.put("name", name);
        row.put("put_timestamp", timestamp);
        row.put("delete_timestamp", "0");
        row.put("object_count", 4);
        row.put("bytes_used", 400);
        row.put("deleted", 0);
        row.put("storage_policy_index", 0);
        return row;
    }

    @Override
    protected String metaPrefix() {
        return "X-Account-Meta-";
    }
}
