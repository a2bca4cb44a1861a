package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary URLs made by Debian's real {@code swift tempurl} (python-swiftclient: sha256 by default, {@code
 * --digest}, {@code --iso8601}, {@code --prefix-based}) for a key set by {@code swift post -m Temp-URL-Key:…}, used
 * without any token against {@code cairn saio}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TempUrlCliIT {
    private static final String KEY = "cli-secret";

    private SaioHarness saio;
    private SwiftCli swift;

    @BeforeAll
    void startSaio(@TempDir Path dataDir, @TempDir Path work) throws Exception {
        saio = SaioHarness.start(dataDir, Map.of(), Map.of());
        swift = saio.cli("test:tester", "testing", work);
        Path file = Files.writeString(work.resolve("report.txt"), "quarterly numbers");
        swift.run("upload", "--object-name", "docs/report.txt", "shared", file.toString())
                .requireSuccess("upload");
        swift.run("post", "-m", "Temp-URL-Key:" + KEY).requireSuccess("post key");
    }

    @AfterAll
    void stopSaio() {
        if (saio != null) {
            saio.close();
        }
    }

    @Test
    void shouldServeTheObjectToAnyoneHoldingATempUrlMadeBySwiftTempurl() throws Exception {
        for (String[] flags : new String[][] {{}, {"--digest", "sha1"}, {"--digest", "sha512"}, {"--iso8601"}}) {
            String path = tempurl(flags, "GET", "/v1/AUTH_test/shared/docs/report.txt");
            HttpResponse<byte[]> r = get(path);
            assertThat(r.statusCode()).as("%s", String.join(" ", flags)).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("quarterly numbers");
            assertThat(r.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"report.txt\"; filename*=UTF-8''report.txt");
        }
    }

    @Test
    void shouldServeEveryObjectUnderAPrefixBasedTempUrlAndNothingElse() throws Exception {
        String path = tempurl(new String[] {"--prefix-based"}, "GET", "/v1/AUTH_test/shared/docs/");
        String query = path.substring(path.indexOf('?'));
        assertThat(get("/v1/AUTH_test/shared/docs/report.txt" + query).statusCode())
                .isEqualTo(200);
        assertThat(get("/v1/AUTH_test/shared/other.txt" + query).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRefuseATempUrlForAnotherMethodOrAfterTheKeyChanged() throws Exception {
        String put = tempurl(new String[0], "PUT", "/v1/AUTH_test/shared/docs/report.txt");
        HttpResponse<byte[]> r = get(put);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("401 Unauthorized: Temp URL invalid\n");

        String other = run("tempurl", "GET", "60", "/v1/AUTH_test/shared/docs/report.txt", "not-the-key");
        assertThat(get(other).statusCode()).isEqualTo(401);
    }

    private String tempurl(String[] flags, String method, String path) throws Exception {
        String[] args = new String[flags.length + 5];
        args[0] = "tempurl";
        System.arraycopy(flags, 0, args, 1, flags.length);
        args[flags.length + 1] = method;
        args[flags.length + 2] = "600";
        args[flags.length + 3] = path;
        args[flags.length + 4] = KEY;
        return run(args);
    }

    private String run(String... args) throws Exception {
        return swift.run(args)
                .requireSuccess("swift " + String.join(" ", args))
                .out()
                .strip();
    }

    private HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return saio.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + saio.port() + pathAndQuery))
                .GET());
    }
}
