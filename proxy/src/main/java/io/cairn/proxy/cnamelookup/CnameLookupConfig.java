package io.cairn.proxy.cnamelookup;

import io.cairn.common.config.ConfigDefinition;
import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.ConfigValues;
import io.cairn.common.config.Setting;
import io.cairn.proxy.domainremap.DomainRemap;
import io.netty.util.NetUtil;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code [filter:cname_lookup]} with Swift 2.30.1's keys and defaults ({@code common/middleware/cname_lookup.py}),
 * declared once in {@link #DEFINITION}.
 *
 * <p>Immutable.
 *
 * @param storageDomains each {@code storage_domain} with a leading dot (default {@code example.com}); empty: the
 *     filter passes every request on
 * @param lookupDepth the most CNAME records followed for one host ({@code lookup_depth}, default 1)
 * @param nameservers the DNS servers asked ({@code nameservers}: {@code ip[:port]} or {@code [ipv6][:port]}, port 53
 *     by default); empty: the system's resolver configuration
 */
public record CnameLookupConfig(List<String> storageDomains, int lookupDepth, List<InetSocketAddress> nameservers) {
    /** Swift's {@code ValueError} text for a bad {@code nameservers} entry. */
    static final String BAD_NAMESERVERS = "Invalid cname_lookup/nameservers configuration found. All nameservers must"
            + " be valid IPv4 or IPv6, followed by an optional :<integer> port.";

    private static final int DNS_PORT = 53;
    private static final Setting<List<String>> STORAGE_DOMAIN = Setting.list("storage_domain", List.of("example.com"))
            .doc(
                    "Domains whose hosts are looked up (a leading dot added where missing; empty: every request passes on).");
    private static final Setting<Integer> LOOKUP_DEPTH =
            Setting.integer("lookup_depth", 1, 1, 1_000).doc("The most CNAME records followed for one host.");
    private static final Setting<List<String>> NAMESERVERS = Setting.list("nameservers", List.of())
            .doc("DNS servers asked (`ip[:port]` or `[ipv6][:port]`, port 53 by default); empty: the system's.");

    /** Every setting of {@code [filter:cname_lookup]}. */
    public static final ConfigDefinition DEFINITION = ConfigDefinition.of(
            "cname_lookup",
            List.of(STORAGE_DOMAIN, LOOKUP_DEPTH, NAMESERVERS),
            List.of("log_name", "log_facility", "log_level", "log_headers", "log_address"));

    public CnameLookupConfig {
        storageDomains = List.copyOf(storageDomains);
        nameservers = List.copyOf(nameservers);
    }

    /**
     * Reads the section; unknown keys go to {@code warnings}.
     *
     * @throws ConfigException for a {@code nameservers} entry that is not an IP address with an optional integer
     *     port (Swift's message), or a {@code lookup_depth} that is not an integer of at least 1 (Swift starts with
     *     0 and then answers every lookup with a 500)
     */
    public static CnameLookupConfig from(ConfigSection s, List<String> warnings) {
        ConfigValues v = DEFINITION.parse(s);
        v.unknownKeys().forEach(k -> warnings.add("[" + s.name() + "] unknown key " + k));
        List<InetSocketAddress> servers = new ArrayList<>();
        for (String server : v.get(NAMESERVERS)) {
            InetSocketAddress address = nameserver(server);
            if (address == null) {
                throw new ConfigException(s.source(), s.name(), "nameservers", s.get("nameservers"), BAD_NAMESERVERS);
            }
            servers.add(address);
        }
        return new CnameLookupConfig(DomainRemap.storageDomains(v.get(STORAGE_DOMAIN)), v.get(LOOKUP_DEPTH), servers);
    }

    /** Swift's {@code parse_socket_string} + {@code is_valid_ip} + {@code int(port)}; null where Swift refuses. */
    static @Nullable InetSocketAddress nameserver(String text) {
        String host;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":") || !rest.substring(1).matches("[0-9]+")) {
                    return null;
                }
                port = rest.substring(1);
            }
        } else {
            String[] tokens = text.split(":", -1);
            if (tokens.length > 2) {
                return null;
            }
            host = tokens[0];
            port = tokens.length == 2 ? tokens[1] : null;
        }
        if (!NetUtil.isValidIpV4Address(host) && !NetUtil.isValidIpV6Address(host)) {
            return null;
        }
        int number = DNS_PORT;
        if (port != null) {
            try {
                number = Integer.parseInt(port.strip());
            } catch (NumberFormatException e) {
                return null;
            }
            if (number < 0 || number > 65_535) {
                return null;
            }
        }
        return new InetSocketAddress(NetUtil.createInetAddressFromIpAddressString(host), number);
    }
}
