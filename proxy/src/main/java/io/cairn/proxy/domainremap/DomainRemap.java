package io.cairn.proxy.domainremap;

import io.cairn.common.config.ConfigSection;
import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Middleware;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.SwiftApp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code domain_remap} ({@code common/middleware/domain_remap.py}): a host under a {@code storage_domain}
 * names the account ({@code AUTH-a.example.com}, the first {@code -} read as {@code _}) or the container and
 * account ({@code c.AUTH_a.example.com}); the request's path is then {@code /<path_root>/<account>[/<container>]}
 * followed by the path given. The rewrite happens before auth and routing ({@link DomainRemapHandler}); as a
 * pipeline filter this only registers {@code /info}.
 *
 * <p>Immutable and thread-safe.
 */
public final class DomainRemap implements Middleware {
    private static final Set<String> KNOWN = Set.of(
            "use",
            "storage_domain",
            "path_root",
            "reseller_prefixes",
            "default_reseller_prefix",
            "mangle_client_paths");

    private final List<String> storageDomains;
    private final String pathRoot;
    private final List<String> resellerPrefixes;
    private final @Nullable String defaultResellerPrefix;
    private final boolean mangleClientPaths;
    private final boolean listingFormatsAfter;

    /** What a request becomes: unchanged (null path and error), a new path, or a 400 with {@code badRequest}. */
    public record Remapped(@Nullable String path, @Nullable String badRequest) {}

    private DomainRemap(
            List<String> storageDomains,
            String pathRoot,
            List<String> resellerPrefixes,
            @Nullable String defaultResellerPrefix,
            boolean mangleClientPaths,
            boolean listingFormatsAfter) {
        this.listingFormatsAfter = listingFormatsAfter;
        this.storageDomains = List.copyOf(storageDomains);
        this.pathRoot = pathRoot;
        this.resellerPrefixes = List.copyOf(resellerPrefixes);
        this.defaultResellerPrefix = defaultResellerPrefix;
        this.mangleClientPaths = mangleClientPaths;
    }

    /** As {@link #from(ConfigSection, List, boolean)} with {@code listing_formats} before it (Swift's default). */
    public static DomainRemap from(ConfigSection s, List<String> warnings) {
        return from(s, warnings, false);
    }

    /**
     * Reads {@code [filter:domain_remap]} with Swift's defaults; unknown keys go to {@code warnings}.
     *
     * @param listingFormatsAfter whether {@code listing_formats} follows {@code domain_remap} in the pipeline (as
     *     Swift's sample asks: "needs to be placed before listing_formats"), so remapped listings are formatted as
     *     the client asks; otherwise (Swift puts it right after {@code catch_errors} when it is not listed) it saw
     *     no listing path and the proxy's JSON goes out as it is
     */
    public static DomainRemap from(ConfigSection s, List<String> warnings, boolean listingFormatsAfter) {
        s.unknownKeys(KNOWN).forEach(k -> warnings.add("[" + s.name() + "] unknown key " + k));
        List<String> domains = storageDomains(s);
        String root = strip(s.getString("path_root", "v1"), '/');
        String defaultPrefix = s.get("default_reseller_prefix");
        return new DomainRemap(
                domains,
                root,
                s.getList("reseller_prefixes", List.of("AUTH")),
                defaultPrefix,
                ConfigSection.isTrue(s.get("mangle_client_paths")),
                listingFormatsAfter);
    }

    /** Whether {@code listing_formats} follows this filter, so remapped listings keep the client's format. */
    public boolean listingFormatsAfter() {
        return listingFormatsAfter;
    }

    /** Before auth and copy in Swift's pipelines (its rewrite itself runs earlier still, as a pipeline stage). */
    @Override
    public boolean aboveCopy() {
        return true;
    }

    @Override
    public @Nullable Operation operationFor(Exchange exchange, SwiftApp next) {
        return next.operationFor(exchange);
    }

    @Override
    public void registerInfo(Map<String, Object> info) {
        Map<String, Object> d = new HashMap<>();
        d.put("default_reseller_prefix", defaultResellerPrefix);
        info.put("domain_remap", d);
    }

    /**
     * The rewrite of a request for {@code host} (the {@code Host} header, port included; null without one) and
     * {@code rawPath} (percent-encoded, without the query).
     */
    public Remapped remap(@Nullable String host, String rawPath) {
        if (storageDomains.isEmpty() || host == null) {
            return new Remapped(null, null);
        }
        String given = host;
        int colon = given.lastIndexOf(':');
        if (colon >= 0) {
            given = given.substring(0, colon);
        }
        String domain = storageDomainOf(given);
        if (domain == null) {
            return new Remapped(null, null);
        }
        String[] parts =
                strip(given.substring(0, given.length() - domain.length()), '.').split("\\.", -1);
        String container = parts.length == 2 ? parts[0] : null;
        String account = parts.length == 2 ? parts[1] : parts[0];
        if (parts.length > 2) {
            return new Remapped(null, "Bad domain in host header");
        }
        account = withResellerPrefix(account);
        if (account == null) {
            return new Remapped(null, null);
        }
        String path = rawPath.isEmpty() ? "" : rawPath.substring(1);
        if (mangleClientPaths && (path + "/").startsWith(pathRoot + "/")) {
            path = path.substring(Math.min(pathRoot.length() + 1, path.length()));
        }
        // the Host header's chars are its bytes (a UTF-8 container name arrives as its bytes): quote those
        StringBuilder out = new StringBuilder()
                .append('/')
                .append(pathRoot)
                .append('/')
                .append(PercentCoding.quote(account.getBytes(StandardCharsets.ISO_8859_1)));
        if (container != null) {
            out.append('/').append(PercentCoding.quote(container.getBytes(StandardCharsets.ISO_8859_1)));
        }
        out.append('/').append(path);
        return new Remapped(out.toString(), null);
    }

    private @Nullable String storageDomainOf(String host) {
        for (String d : storageDomains) {
            if (host.endsWith(d)) {
                return d;
            }
        }
        return null;
    }

    /** The account with its reseller prefix as configured, or null where Swift passes the request on unchanged. */
    private @Nullable String withResellerPrefix(String given) {
        if (resellerPrefixes.isEmpty()) {
            return given;
        }
        String account = given;
        if (account.indexOf('_') < 0 && account.indexOf('-') >= 0) {
            account = account.replaceFirst("-", "_");
        }
        String prefix = account.split("_", 2)[0].toLowerCase(Locale.ROOT);
        for (String real : resellerPrefixes) {
            if (real.toLowerCase(Locale.ROOT).equals(prefix)) {
                return account.startsWith(real) ? account : real + account.substring(real.length());
            }
        }
        String fallback = defaultResellerPrefix;
        return fallback == null ? null : fallback + "_" + account;
    }

    /**
     * {@code storage_domain} as Swift's domain_remap and cname_lookup both read it: a comma list, each with a
     * leading dot, those the operator wrote without one first (Swift's list comprehension order).
     */
    public static List<String> storageDomains(ConfigSection s) {
        return storageDomains(s.getList("storage_domain", List.of("example.com")));
    }

    /** {@code storage_domain} entries as written (list_from_csv), dotted and ordered as {@link #storageDomains}. */
    public static List<String> storageDomains(List<String> given) {
        List<String> domains = new ArrayList<>();
        for (String d : given) {
            if (!d.startsWith(".")) {
                domains.add("." + d);
            }
        }
        for (String d : given) {
            if (d.startsWith(".")) {
                domains.add(d);
            }
        }
        return domains;
    }

    private static String strip(String s, char c) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == c) {
            from++;
        }
        while (to > from && s.charAt(to - 1) == c) {
            to--;
        }
        return s.substring(from, to);
    }
}
