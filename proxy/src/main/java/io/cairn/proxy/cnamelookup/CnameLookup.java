package io.cairn.proxy.cnamelookup;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Middleware;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.channel.Channel;
import io.netty.util.NetUtil;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code cname_lookup} ({@code common/middleware/cname_lookup.py}): a {@code Host} that is neither an IP
 * address nor under a {@code storage_domain} is looked up in DNS as a CNAME, following the chain up to {@code
 * lookup_depth} records; when a record's target is under a storage domain, the request goes on with that target
 * (and the given port) as its {@code Host}, so {@code domain_remap} after it serves it. Otherwise Swift's 400s:
 * {@code CNAME lookup failed to resolve to a valid domain} (no record, a failed query, a record naming itself) or
 * {@code CNAME lookup failed after N tries} (the chain is longer than {@code lookup_depth}).
 *
 * <p>Answers are kept for their DNS TTL (no CNAME: 60 s; a failed query: not kept), each under the name asked
 * for, in an in-process Caffeine cache of at most {@value #CACHE_ENTRIES} names (Swift keeps them in memcache,
 * every hop's answer under the first name's key: see the proxy README's known differences). The lookup runs
 * before auth and routing, in the {@link CnameLookupHandler} stage; as a pipeline filter this only registers
 * {@code /info}.
 *
 * <p>Thread-safe: the configuration is immutable, the cache is Caffeine's; lookups run on the resolver of the
 * asking channel's event loop.
 */
public final class CnameLookup implements Middleware {
    static final int CACHE_ENTRIES = 10_000;
    static final String NO_VALID_DOMAIN = "CNAME lookup failed to resolve to a valid domain";

    private static final System.Logger LOG = System.getLogger(CnameLookup.class.getName());

    private final CnameLookupConfig config;
    private final CnameResolvers resolvers;
    private final Cache<String, CnameAnswer> answers;

    /** Where a request goes: on unchanged (both null), on with another {@code Host}, or a 400 with {@code error}. */
    public record Mapping(@Nullable String host, @Nullable String error) {
        static final Mapping UNCHANGED = new Mapping(null, null);

        static Mapping refused(String error) {
            return new Mapping(null, error);
        }
    }

    /**
     * @param ticker the cache's clock (tests move it by hand)
     */
    public CnameLookup(CnameLookupConfig config, CnameResolvers resolvers, Ticker ticker) {
        this.config = config;
        this.resolvers = resolvers;
        this.answers = Caffeine.newBuilder()
                .maximumSize(CACHE_ENTRIES)
                .ticker(ticker)
                .expireAfter(new Expiry<String, CnameAnswer>() {
                    @Override
                    public long expireAfterCreate(String domain, CnameAnswer answer, long now) {
                        return TimeUnit.SECONDS.toNanos(answer.ttlSeconds());
                    }

                    @Override
                    public long expireAfterUpdate(String domain, CnameAnswer answer, long now, long current) {
                        return TimeUnit.SECONDS.toNanos(answer.ttlSeconds());
                    }

                    @Override
                    public long expireAfterRead(String domain, CnameAnswer answer, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    /** The filter with Netty's DNS resolver asking {@code config}'s nameservers. */
    public static CnameLookup withNettyResolver(CnameLookupConfig config) {
        return new CnameLookup(config, new NettyCnameResolvers(config.nameservers()), Ticker.systemTicker());
    }

    public CnameLookupConfig config() {
        return config;
    }

    /** Before auth and copy in Swift's pipelines (its lookup itself runs earlier still, as a pipeline stage). */
    @Override
    public boolean aboveCopy() {
        return true;
    }

    @Override
    public @Nullable Operation operationFor(Exchange exchange, SwiftApp next) {
        return next.operationFor(exchange);
    }

    /** Swift's {@code register_swift_info('cname_lookup', lookup_depth=...)}. */
    @Override
    public void registerInfo(Map<String, Object> info) {
        Map<String, Object> section = new HashMap<>();
        section.put("lookup_depth", config.lookupDepth());
        info.put("cname_lookup", section);
    }

    /**
     * Whether a request for {@code host} (the {@code Host} header, port included; null without one) needs a DNS
     * lookup; every other request passes untouched. Without a {@code Host} Swift reads {@code SERVER_NAME}, the
     * address the proxy listens on, which passes as an IP address.
     */
    public boolean needsLookup(@Nullable String host) {
        if (host == null || config.storageDomains().isEmpty()) {
            return false;
        }
        String domain = withoutPort(host);
        return !isIp(domain) && !inStorageDomain(domain);
    }

    /**
     * Where a request for {@code host} goes (Swift's {@code __call__} up to the rewrite), looked up on {@code
     * channel}'s event loop; completes on that loop or, from the cache, at once. Never fails.
     */
    public CompletableFuture<Mapping> map(@Nullable String host, Channel channel) {
        if (host == null || !needsLookup(host)) {
            return CompletableFuture.completedFuture(Mapping.UNCHANGED);
        }
        String given = withoutPort(host);
        String port = given.length() == host.length() ? "" : host.substring(given.length() + 1);
        return follow(given, port, given, 1, channel);
    }

    /** Try number {@code tries} of Swift's loop: the CNAME of {@code domain}. */
    private CompletableFuture<Mapping> follow(String given, String port, String domain, int tries, Channel channel) {
        return answer(domain, channel).thenCompose(answer -> {
            String found = answer.target();
            if (found == null || found.isEmpty() || found.equals(domain)) {
                return CompletableFuture.completedFuture(Mapping.refused(NO_VALID_DOMAIN));
            }
            if (inStorageDomain(found)) {
                LOG.log(Level.INFO, "cname-lookup: Mapped {0} to {1}", given, found);
                return CompletableFuture.completedFuture(
                        new Mapping(port.isEmpty() ? found : found + ":" + port, null));
            }
            if (tries >= config.lookupDepth()) {
                return CompletableFuture.completedFuture(
                        Mapping.refused("CNAME lookup failed after " + config.lookupDepth() + " tries"));
            }
            LOG.log(Level.DEBUG, "cname-lookup: Following CNAME chain for {0} to {1}", given, found);
            return follow(given, port, found, tries + 1, channel);
        });
    }

    /** The cached answer for {@code domain}, else a query whose answer is kept for its TTL. */
    private CompletableFuture<CnameAnswer> answer(String domain, Channel channel) {
        CnameAnswer cached = answers.getIfPresent(domain);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        return resolvers.on(channel).cname(domain).thenApply(answer -> {
            if (answer.ttlSeconds() > 0 && !answer.failed()) {
                answers.put(domain, answer);
            }
            return answer;
        });
    }

    /** Swift's {@code given_domain.rsplit(':', 1)[0]}. */
    private static String withoutPort(String host) {
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** Swift's {@code is_valid_ip}. */
    private static boolean isIp(String domain) {
        return NetUtil.isValidIpV4Address(domain) || NetUtil.isValidIpV6Address(domain);
    }

    /** Swift's {@code _domain_endswith_in_storage_domain}: {@code "." + domain} ends with a storage domain. */
    private boolean inStorageDomain(String domain) {
        String dotted = "." + domain;
        for (String d : config.storageDomains()) {
            if (dotted.endsWith(d)) {
                return true;
            }
        }
        return false;
    }
}
