package io.cairn.proxy.cnamelookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.IniFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code [filter:cname_lookup]} read as Swift 2.30.1 reads it. */
class CnameLookupConfigTest {
    private final List<String> warnings = new ArrayList<>();

    private CnameLookupConfig config(String settings) {
        return CnameLookupConfig.from(
                IniFile.parse("[filter:cname_lookup]\nuse = egg:swift#cname_lookup\n" + settings, "proxy-server.conf")
                        .section("filter:cname_lookup"),
                warnings);
    }

    @Test
    void shouldUseSwiftsDefaultsWhenNothingIsSet() {
        CnameLookupConfig c = config("");
        assertThat(c.storageDomains()).containsExactly(".example.com");
        assertThat(c.lookupDepth()).isEqualTo(1);
        assertThat(c.nameservers()).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldListUndottedStorageDomainsFirstAndReportUnknownKeysWhenGiven() {
        CnameLookupConfig c = config("storage_domain = .b.example, a.example,, c.example\nlookup_depth = 3\n"
                + "set log_level = DEBUG\nlookups = 2\n");
        assertThat(c.storageDomains()).containsExactly(".a.example", ".c.example", ".b.example");
        assertThat(c.lookupDepth()).isEqualTo(3);
        assertThat(warnings).containsExactly("[filter:cname_lookup] unknown key lookups");
    }

    @Test
    void shouldReadNameserversWithAndWithoutPortsWhenTheyAreIpAddresses() {
        CnameLookupConfig c = config("nameservers = 127.0.0.1, 127.0.0.2:5353, [::1], [::1]:5354\n");
        assertThat(c.nameservers())
                .extracting(a -> a.getAddress().getHostAddress() + " " + a.getPort())
                .containsExactly("127.0.0.1 53", "127.0.0.2 5353", "0:0:0:0:0:0:0:1 53", "0:0:0:0:0:0:0:1 5354");
        assertThat(c.nameservers()).allSatisfy(a -> assertThat(a.isUnresolved()).isFalse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dns.example", "127.0.0.1:dns", "::1", "[::1", "[::1]:x", "[dns]:53", "1.2.3.4:99999"})
    void shouldRefuseWithSwiftsMessageWhenANameserverIsNotAnIpWithAnIntegerPort(String server) {
        assertThatThrownBy(() -> config("nameservers = 127.0.0.1, " + server + "\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid cname_lookup/nameservers configuration found. All nameservers must be"
                        + " valid IPv4 or IPv6, followed by an optional :<integer> port.");
    }

    @Test
    void shouldRefuseALookupDepthBelowOneWhenGiven() {
        assertThatThrownBy(() -> config("lookup_depth = 0\n")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> config("lookup_depth = deep\n")).isInstanceOf(ConfigException.class);
    }
}
