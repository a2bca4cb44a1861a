package io.cairn.proxy.cnamelookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.IniFile;
import io.cairn.common.testing.TestDnsServer;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Netty's resolver asking a DNS server on loopback ({@link TestDnsServer}), through the filter's lookup. */
@Timeout(60)
class NettyCnameResolverIT {
    private static TestDnsServer dns;
    private static EventLoopGroup group;
    private static Channel channel;

    @BeforeAll
    static void start() throws InterruptedException {
        dns = TestDnsServer.start();
        dns.cname("www.customer.example", "cdn.customer.example", 300)
                .cname("cdn.customer.example", "c.AUTH_test.example.net.", 120)
                .cname("loop.example", "loop.example", 300)
                .noRecord("plain.example")
                .serverFailure("broken.example");
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        channel = new NioDatagramChannel();
        group.register(channel).sync();
    }

    @AfterAll
    static void stop() {
        if (channel != null) {
            channel.close().awaitUninterruptibly();
        }
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
        if (dns != null) {
            dns.close();
        }
    }

    private static CnameLookup lookup(String settings) {
        return CnameLookup.withNettyResolver(CnameLookupConfig.from(
                IniFile.parse(
                                "[filter:cname_lookup]\nstorage_domain = example.net\nnameservers = " + dns.nameserver()
                                        + "\n" + settings,
                                "proxy-server.conf")
                        .section("filter:cname_lookup"),
                new ArrayList<>()));
    }

    @Test
    void shouldReadEachAnswerAsSwiftsLookupCnameDoesWhenTheServerAnswers() {
        CnameResolver resolver = new NettyCnameResolvers(List.of(dns.address())).on(channel);
        assertThat(resolver.cname("www.customer.example").join())
                .isEqualTo(CnameAnswer.of("cdn.customer.example", 300));
        assertThat(resolver.cname("cdn.customer.example").join())
                .isEqualTo(CnameAnswer.of("c.AUTH_test.example.net", 120));
        assertThat(resolver.cname("nowhere.example").join()).isEqualTo(CnameAnswer.none());
        assertThat(resolver.cname("plain.example").join()).isEqualTo(CnameAnswer.none());
        assertThat(resolver.cname("broken.example").join()).isEqualTo(CnameAnswer.failure());
    }

    @Test
    void shouldMapAChainAndCacheEachHopWhenLookingUpThroughTheFilter() {
        CnameLookup lookup = lookup("lookup_depth = 2\n");
        int before = dns.queries("www.customer.example");
        assertThat(lookup.map("www.customer.example:8080", channel).join())
                .isEqualTo(new CnameLookup.Mapping("c.AUTH_test.example.net:8080", null));
        assertThat(lookup.map("www.customer.example", channel).join().host()).isEqualTo("c.AUTH_test.example.net");
        assertThat(dns.queries("www.customer.example")).isEqualTo(before + 1);
        assertThat(lookup.map("loop.example", channel).join().error()).isEqualTo(CnameLookup.NO_VALID_DOMAIN);
        assertThat(lookup.map("broken.example", channel).join().error()).isEqualTo(CnameLookup.NO_VALID_DOMAIN);
    }

    @Test
    void shouldCountAQueryAsFailedWhenNoServerAnswers() throws InterruptedException {
        // a port nobody answers on: the query times out (2 s) and counts as a failure, as dnspython's timeout does
        TestDnsServer gone = TestDnsServer.start();
        java.net.InetSocketAddress silent = gone.address();
        gone.close();
        CnameResolver resolver = new NettyCnameResolvers(List.of(silent)).on(channel);
        assertThat(resolver.cname("www.customer.example").join()).isEqualTo(CnameAnswer.failure());
    }
}
