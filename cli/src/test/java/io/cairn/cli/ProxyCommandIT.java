package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn proxy --config proxy-server.conf}: /info and /auth/v1.0 answer; bad configs exit 2. */
class ProxyCommandIT {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);

    private Path proxyConf(String appExtra, String pipeline) throws Exception {
        Path etc = NodeFixtures.swiftDir(dir);
        return Files.writeString(
                dir.resolve("proxy-server.conf"),
                "[DEFAULT]\nbind_ip = 127.0.0.1\nbind_port = 0\nswift_dir = " + etc + "\n\n[pipeline:main]\npipeline = "
                        + pipeline + "\n\n[app:proxy-server]\nuse = egg:swift#proxy\naccount_autocreate = true\n"
                        + appExtra + "\n[filter:tempauth]\nuse = egg:swift#tempauth\ntoken_secret = " + SECRET
                        + "\nuser_test_tester = testing .admin\n");
    }

    private int run(String... args) {
        return CairnMain.run(
                args,
                new ByteArrayInputStream(new byte[0]),
                out,
                err,
                new NodeDaemons(),
                new ServerLauncher(out, err, (name, onStop) -> onStop.run()));
    }

    @Test
    void shouldAnswerInfoAndAuthWhenStartedFromAProxyServerConf() throws Exception {
        Path conf = proxyConf(
                "", "catch_errors gatekeeper healthcheck proxy-logging cache tempauth proxy-logging" + " proxy-server");
        try (ServerLauncher.Running proxy = new ProxyCommand(out, err).start(List.of("--config", conf.toString()))) {
            HttpResponse<String> info = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + "/info"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(info.statusCode()).isEqualTo(200);
            assertThat(info.body()).contains("\"swift\"");
            HttpResponse<String> auth = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + "/auth/v1.0"))
                            .header("X-Auth-User", "test:tester")
                            .header("X-Auth-Key", "testing")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(auth.statusCode()).isEqualTo(200);
            assertThat(auth.headers().firstValue("X-Auth-Token"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("AUTH_tk"));
            assertThat(auth.headers().firstValue("X-Storage-Url"))
                    .hasValueSatisfying(u -> assertThat(u).endsWith("/v1/AUTH_test"));
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("auth tempauth");
        assertThat(errors.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void shouldRefuseToStartWithAFilterCairnDoesNotHave() throws Exception {
        // s3token (Swift's s3api-with-Keystone filter) is one Cairn does not have
        Path conf = proxyConf("", "catch_errors s3token tempauth proxy-server");
        assertThat(run("proxy", "--config", conf.toString())).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("[pipeline:main] pipeline")
                .contains("does not have s3token")
                .contains("cairn_skip_filters");
    }

    @Test
    void shouldRefuseToStartWithSwiftsMessageWhenCnameLookupNameserversAreNotAddresses() throws Exception {
        Path conf = proxyConf(
                "\n[filter:cname_lookup]\nuse = egg:swift#cname_lookup\nnameservers = 127.0.0.1:5353, dns.example\n",
                "catch_errors cname_lookup domain_remap tempauth proxy-server");
        assertThat(run("proxy", "--config", conf.toString())).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("Invalid cname_lookup/nameservers configuration found. All nameservers must be valid IPv4"
                        + " or IPv6, followed by an optional :<integer> port.");
    }

    @Test
    void shouldWarnAboutUnknownKeysAndSkippedFilters() throws Exception {
        Path conf = proxyConf(
                "node_timout = 3\n", "catch_errors s3token tempauth proxy-server\ncairn_skip_filters = s3token");
        assertThat(run("proxy", "--config", conf.toString())).isZero();
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("unknown keys")
                .contains("node_timout")
                .contains("without pipeline filters listed in cairn_skip_filters: s3token");
    }

    @Test
    void shouldExitTwoWhenTheConfigFileIsMissing() {
        assertThat(run("proxy", "--config", dir.resolve("nope.conf").toString()))
                .isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("no config file");
    }

    @Test
    void shouldExitTwoWhenAValueIsInvalid() throws Exception {
        Path conf = proxyConf("node_timeout = soon\n", "tempauth proxy-server");
        assertThat(run("proxy", "--config", conf.toString())).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("node_timeout")
                .contains("soon");
    }

    @Test
    void shouldExitTwoWhenARingIsMissing() throws Exception {
        Path conf = proxyConf("", "tempauth proxy-server");
        Files.delete(dir.resolve("etc/container.ring.gz"));
        assertThat(run("proxy", "--config", conf.toString())).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("container.ring.gz");
    }
}
