package io.cairn.proxy.cnamelookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.IniFile;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The lookup's decisions over a scripted DNS (every answer given by the test), time moved by hand. */
@Timeout(30)
class CnameLookupTest {
    private final Map<String, CnameAnswer> dns = new HashMap<>();
    private final List<String> asked = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private final EmbeddedChannel channel = new EmbeddedChannel();

    private final CnameResolver resolver = domain -> {
        asked.add(domain);
        return CompletableFuture.completedFuture(dns.getOrDefault(domain, CnameAnswer.none()));
    };

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private CnameLookup lookup(String settings) {
        CnameLookupConfig config = CnameLookupConfig.from(
                IniFile.parse("[filter:cname_lookup]\n" + settings, "proxy-server.conf")
                        .section("filter:cname_lookup"),
                new ArrayList<>());
        CnameResolvers resolvers = (Channel ch) -> resolver;
        return new CnameLookup(config, resolvers, nanos::get);
    }

    private static CnameLookup.Mapping mapping(CnameLookup lookup, String host, Channel ch) {
        return lookup.map(host, ch).join();
    }

    @Test
    void shouldFollowTheChainToTheStorageDomainAndKeepThePortWhenWithinLookupDepth() {
        dns.put("www.customer.example", CnameAnswer.of("cdn.customer.example", 300));
        dns.put("cdn.customer.example", CnameAnswer.of("c.AUTH_test.example.net", 300));
        CnameLookup lookup = lookup("storage_domain = example.net\nlookup_depth = 2\n");

        assertThat(mapping(lookup, "www.customer.example:8080", channel))
                .isEqualTo(new CnameLookup.Mapping("c.AUTH_test.example.net:8080", null));
        assertThat(mapping(lookup, "www.customer.example", channel).host()).isEqualTo("c.AUTH_test.example.net");
        assertThat(asked).containsExactly("www.customer.example", "cdn.customer.example");
    }

    @Test
    void shouldAnswerSwiftsErrorsWhenTheChainIsTooLongForeignSelfOrMissing() {
        dns.put("a.example", CnameAnswer.of("b.example", 60));
        dns.put("b.example", CnameAnswer.of("c.AUTH_test.example.net", 60));
        dns.put("foreign.example", CnameAnswer.of("elsewhere.example.org", 60));
        dns.put("self.example", CnameAnswer.of("self.example", 60));
        dns.put("broken.example", CnameAnswer.failure());
        CnameLookup lookup = lookup("storage_domain = example.net\n");

        assertThat(mapping(lookup, "a.example", channel).error()).isEqualTo("CNAME lookup failed after 1 tries");
        assertThat(mapping(lookup, "foreign.example", channel).error()).isEqualTo("CNAME lookup failed after 1 tries");
        assertThat(mapping(lookup, "self.example", channel).error()).isEqualTo(CnameLookup.NO_VALID_DOMAIN);
        assertThat(mapping(lookup, "missing.example", channel).error()).isEqualTo(CnameLookup.NO_VALID_DOMAIN);
        assertThat(mapping(lookup, "broken.example", channel).error()).isEqualTo(CnameLookup.NO_VALID_DOMAIN);
        assertThat(lookup("storage_domain = example.net\nlookup_depth = 2\n")
                        .map("a.example", channel)
                        .join()
                        .host())
                .isEqualTo("c.AUTH_test.example.net");
    }

    @Test
    void shouldPassIpAddressesStorageHostsAndMissingHostsWithoutAskingWhenNoLookupIsNeeded() {
        CnameLookup lookup = lookup("storage_domain = example.net, .example.org\n");
        for (String host : new String[] {
            "127.0.0.1:8080",
            "10.0.0.1",
            "::1:80",
            "c.AUTH_test.example.net",
            "AUTH_test.example.net:80",
            "x.example.org"
        }) {
            assertThat(lookup.needsLookup(host)).as(host).isFalse();
            assertThat(mapping(lookup, host, channel)).as(host).isEqualTo(CnameLookup.Mapping.UNCHANGED);
        }
        assertThat(lookup.needsLookup(null)).isFalse();
        // as Swift's rsplit(':', 1): a bare IPv6 host loses its last group as a "port" and is looked up
        assertThat(lookup.needsLookup("::1")).isTrue();
        assertThat(lookup.needsLookup("example.net")).isFalse(); // ".example.net" ends with ".example.net"
        assertThat(lookup.needsLookup("notexample.net")).isTrue();
        assertThat(lookup("storage_domain = \n").needsLookup("www.customer.example"))
                .isFalse();
        assertThat(asked).isEmpty();
    }

    @Test
    void shouldReuseAnAnswerForItsTtlAndNoRecordFor60SecondsButNeverAFailureWhenCaching() {
        dns.put("www.customer.example", CnameAnswer.of("c.AUTH_test.example.net", 30));
        dns.put("flaky.example", CnameAnswer.failure());
        CnameLookup lookup = lookup("storage_domain = example.net\n");

        mapping(lookup, "www.customer.example", channel);
        mapping(lookup, "missing.example", channel);
        mapping(lookup, "flaky.example", channel);
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        mapping(lookup, "www.customer.example", channel);
        mapping(lookup, "missing.example", channel);
        mapping(lookup, "flaky.example", channel);
        assertThat(asked).containsExactly("www.customer.example", "missing.example", "flaky.example", "flaky.example");

        nanos.addAndGet(Duration.ofSeconds(2).toNanos()); // 31 s: the CNAME's TTL is over, "no record" is kept
        mapping(lookup, "www.customer.example", channel);
        mapping(lookup, "missing.example", channel);
        nanos.addAndGet(Duration.ofSeconds(30).toNanos()); // 61 s
        mapping(lookup, "missing.example", channel);
        assertThat(asked.subList(4, asked.size())).containsExactly("www.customer.example", "missing.example");
    }

    @Test
    void shouldAdvertiseLookupDepthInInfoWhenRegistered() {
        Map<String, Object> info = new HashMap<>();
        lookup("lookup_depth = 4\n").registerInfo(info);
        assertThat(info).isEqualTo(Map.of("cname_lookup", Map.of("lookup_depth", 4)));
    }
}
