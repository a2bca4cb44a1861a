package io.cairn.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.IniFile;
import io.cairn.common.config.SwiftConf;
import io.cairn.common.http.LoopbackPorts;
import io.cairn.common.http.Transport;
import io.cairn.proxy.pipeline.OpenAccess;
import io.cairn.proxy.routing.ProxyRings;
import io.cairn.proxy.routing.TestRings;
import io.cairn.ring.Ring;
import io.cairn.ring.policy.StoragePolicies;
import io.netty.channel.EventLoopGroup;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * ratelimit, crossdomain and name_check through a real proxy built from a {@code [pipeline:main]} (over stub storage
 * nodes): a 498 and a 497 with Swift's status lines and bodies, a held request that goes on, and the request-line
 * filters answering before dispatch. No timing is asserted: a rate of one request per 10 s with at most 1 s of wait
 * refuses a second request whenever it comes within 9 s of the first.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RateLimitIT {
    @TempDir
    static Path dir;

    private static final Transport TRANSPORT = Transport.select(true);
    private static EventLoopGroup group;
    private static final List<StubStorageNode> NODES = new ArrayList<>();
    private static ProxyServer proxy;

    @BeforeAll
    static void start() throws Exception {
        group = TRANSPORT.newEventLoopGroup(2, "ratelimit-it");
        int[] ports = new int[3];
        for (int i = 0; i < ports.length; i++) {
            StubStorageNode n = new StubStorageNode(TRANSPORT, group, LoopbackPorts.pickFree());
            NODES.add(n);
            ports[i] = n.port();
        }
        Ring ring = TestRings.ring(ports, "127.0.0.1");
        Files.writeString(dir.resolve("swift.conf"), "[swift-hash]\nswift_hash_path_suffix = rl-it\n");
        IniFile ini = IniFile.parse(
                "[app:proxy-server]\nbind_ip = 127.0.0.1\nbind_port = 0\nconn_timeout = 0.5\nnode_timeout = 2\n"
                        + "[pipeline:main]\npipeline = catch_errors name_check ratelimit crossdomain proxy-server\n"
                        + "[filter:ratelimit]\nuse = egg:swift#ratelimit\nmax_sleep_time_seconds = 1\n"
                        + "account_ratelimit = 0.1\naccount_blacklist = AUTH_bad\n"
                        + "container_listing_ratelimit_0 = 1000\n"
                        + "[filter:crossdomain]\nuse = egg:swift#crossdomain\n"
                        + "[filter:name_check]\nuse = egg:swift#name_check\n",
                "rate-limit-it");
        List<String> warnings = new ArrayList<>();
        ProxyPipeline pipeline = ProxyPipeline.fromIni(ini);
        proxy = new ProxyServer(
                ProxyConfig.fromIni(ini),
                new ProxyServer.Cluster(
                        SwiftConf.load(dir),
                        StoragePolicies.legacy(),
                        new ProxyRings(() -> ring, () -> ring, i -> ring)),
                new ProxyServer.Filters(new OpenAccess(), pipeline.middlewares(ini, warnings)),
                TRANSPORT,
                group,
                group,
                line -> {});
        proxy.start();
        assertThat(warnings).isEmpty();
    }

    @AfterAll
    static void stop() {
        proxy.close();
        for (StubStorageNode n : NODES) {
            n.release();
            n.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** One request on its own connection; the whole answer as text. */
    private static String call(String method, String path) throws Exception {
        try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), proxy.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
                            + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String body(String answer) {
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void shouldRefuseAContainerWriteThatWouldWaitLongerThanMaxSleepTime() throws Exception {
        String first = call("PUT", "/v1/AUTH_rl/c1");
        assertThat(first).doesNotStartWith("HTTP/1.1 498");
        String second = call("PUT", "/v1/AUTH_rl/c2");
        assertThat(second).startsWith("HTTP/1.1 498 Rate Limited\r\n");
        assertThat(second).containsIgnoringCase("Content-Type: text/html; charset=UTF-8\r\n");
        assertThat(body(second)).isEqualTo("Slow down");
        // the refused request gave its share back, another account and reads are not limited
        assertThat(call("PUT", "/v1/AUTH_rl2/c1")).doesNotStartWith("HTTP/1.1 498");
        assertThat(call("HEAD", "/v1/AUTH_rl/c1")).doesNotStartWith("HTTP/1.1 498");
    }

    @Test
    void shouldHoldAListingOnTheEventLoopAndThenServeIt() throws Exception {
        // 1000 listings a second per container: the second of two back-to-back GETs is held for about a millisecond
        // (or not at all), then served; neither is refused
        for (int i = 0; i < 3; i++) {
            assertThat(call("GET", "/v1/AUTH_list/c"))
                    .doesNotStartWith("HTTP/1.1 498")
                    .startsWith("HTTP/1.1 ");
        }
    }

    @Test
    void shouldAnswerABlacklistedAccount497() throws Exception {
        String answer = call("GET", "/v1/AUTH_bad/c/o");
        assertThat(answer).startsWith("HTTP/1.1 497 Blacklisted\r\n");
        assertThat(body(answer)).isEqualTo("Your account has been blacklisted");
    }

    @Test
    void shouldAnswerTheRequestLineFiltersBeforeDispatch() throws Exception {
        String policy = call("GET", "/crossdomain.xml");
        assertThat(policy).startsWith("HTTP/1.1 200 OK\r\n").containsIgnoringCase("Content-Type: application/xml\r\n");
        assertThat(body(policy)).contains("<allow-access-from domain=\"*\" secure=\"false\" />");
        assertThat(call("HEAD", "/crossdomain.xml")).as("only GET").doesNotStartWith("HTTP/1.1 200");
        String refused = call("GET", "/v1/AUTH_rl/c/a%22b");
        assertThat(refused).startsWith("HTTP/1.1 400 Bad Request\r\n");
        assertThat(body(refused)).isEqualTo("Object/Container/Account name contains forbidden chars from '\"`<>");
    }
}
