package io.cairn.proxy.server;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.IniFile;
import io.cairn.proxy.bulk.Bulk;
import io.cairn.proxy.cnamelookup.CnameLookup;
import io.cairn.proxy.cnamelookup.CnameLookupConfig;
import io.cairn.proxy.domainremap.DomainRemap;
import io.cairn.proxy.edge.CrossDomain;
import io.cairn.proxy.edge.ListEndpoints;
import io.cairn.proxy.edge.NameCheck;
import io.cairn.proxy.etagquoter.EtagQuoter;
import io.cairn.proxy.formpost.FormPost;
import io.cairn.proxy.largeobject.LargeObjects;
import io.cairn.proxy.listingformats.ListingFormats;
import io.cairn.proxy.quotas.Quotas;
import io.cairn.proxy.ratelimit.RateLimit;
import io.cairn.proxy.ratelimit.RateLimitConfig;
import io.cairn.proxy.readonly.ReadOnly;
import io.cairn.proxy.s3api.S3Api;
import io.cairn.proxy.s3api.S3ApiConfig;
import io.cairn.proxy.staticweb.StaticWeb;
import io.cairn.proxy.swift.Middleware;
import io.cairn.proxy.tempurl.TempUrl;
import io.cairn.proxy.tempurl.TempUrlConfig;
import io.cairn.proxy.versioning.VersionedWrites;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code [pipeline:main]} of a Swift proxy-server.conf, resolved against what Cairn's proxy has. Each
 * stage names a {@code [filter:NAME]} whose {@code use = egg:swift#ENTRY} says what it is (a stage without
 * a section is taken as the entry of the same name, {@code -} read as {@code _}); the last stage is the
 * app, {@code proxy-server}.
 *
 * <p>A filter Cairn does not have is a start-up error naming it: running without an auth, quota or
 * ratelimit filter the operator listed changes who may do what, so it is never dropped silently. An
 * operator who accepts that lists it in {@code cairn_skip_filters} (in {@code [pipeline:main]}), and it is
 * then skipped with a warning. Swift's {@code cache} (memcache) is accepted: the proxy's account and
 * container info cache is in-process, and tempauth tokens are stateless.
 *
 * <p>Immutable.
 *
 * @param entries the resolved entry of each filter stage, in order ({@code proxy_logging} may appear twice)
 * @param skipped filters listed in the pipeline and in {@code cairn_skip_filters}: not run
 */
public record ProxyPipeline(List<String> entries, List<String> skipped) {
    public static final String SECTION = "pipeline:main";

    /** The Swift filters Cairn's proxy has, by egg entry name, and what each is in Cairn. */
    public static final Map<String, String> AVAILABLE = Map.ofEntries(
            Map.entry("catch_errors", "catch-errors stage"),
            Map.entry("gatekeeper", "gatekeeper stage"),
            Map.entry("healthcheck", "healthcheck stage"),
            Map.entry("proxy_logging", "access-log stage"),
            Map.entry("memcache", "in-process info cache"),
            Map.entry(
                    "listing_formats",
                    "listings formatted by the backends, or by the proxy when a filter rewrites them"
                            + " (io.cairn.proxy.listingformats)"),
            Map.entry("tempauth", "tempauth"),
            Map.entry(
                    "authtoken", "identity tokens checked with the signing key (io.cairn.proxy.auth.AuthTokenConfig)"),
            Map.entry("keystoneauth", "keystoneauth (io.cairn.proxy.auth.KeystoneAuthorizer)"),
            Map.entry("copy", "server-side copy (COPY, X-Copy-From)"),
            Map.entry("slo", "static large objects (io.cairn.proxy.largeobject)"),
            Map.entry("dlo", "dynamic large objects (io.cairn.proxy.largeobject)"),
            Map.entry("symlink", "symlinks (io.cairn.proxy.largeobject)"),
            Map.entry("versioned_writes", "object versioning and legacy versioned writes (io.cairn.proxy.versioning)"),
            Map.entry("tempurl", "temporary URLs (io.cairn.proxy.tempurl)"),
            Map.entry("formpost", "browser form uploads (io.cairn.proxy.formpost)"),
            Map.entry("domain_remap", "accounts and containers named by the host (io.cairn.proxy.domainremap)"),
            Map.entry("cname_lookup", "hosts mapped to the storage domain by DNS CNAME (io.cairn.proxy.cnamelookup)"),
            Map.entry("container_quotas", "container quotas (io.cairn.proxy.quotas)"),
            Map.entry("account_quotas", "account quotas (io.cairn.proxy.quotas)"),
            Map.entry("staticweb", "containers served as web sites (io.cairn.proxy.staticweb)"),
            Map.entry("s3api", "the S3 API (io.cairn.proxy.s3api)"),
            Map.entry("bulk", "extract-archive and bulk-delete (io.cairn.proxy.bulk)"),
            Map.entry("ratelimit", "request rates per account and container (io.cairn.proxy.ratelimit)"),
            Map.entry("crossdomain", "GET /crossdomain.xml (io.cairn.proxy.edge)"),
            Map.entry("name_check", "paths refused by length, characters, substrings (io.cairn.proxy.edge)"),
            Map.entry("list_endpoints", "/endpoints/ for locality-aware clients (io.cairn.proxy.edge)"),
            Map.entry("read_only", "read-only cluster or accounts (io.cairn.proxy.readonly)"),
            Map.entry("etag_quoter", "RFC-compliant quoted ETags (io.cairn.proxy.etagquoter)"));

    /** The filters on the application seam, by egg entry name. */
    private static final List<String> SEAM_FILTERS = List.of(
            "listing_formats",
            "etag_quoter",
            "cname_lookup",
            "domain_remap",
            "bulk",
            "tempurl",
            "formpost",
            "ratelimit",
            "crossdomain",
            "name_check",
            "list_endpoints",
            "read_only",
            "s3api",
            "staticweb",
            "container_quotas",
            "account_quotas",
            "slo",
            "dlo",
            "versioned_writes",
            "symlink");

    /**
     * The pipeline of Cairn's SAIO and sample proxy-server.conf: Swift 2.30's SAIO pipeline ({@code
     * doc/saio/swift/proxy-server.conf}) with Cairn's domain_remap (etag-quoter after it, so both see the remapped
     * path) and s3api.
     */
    public static final String DEFAULT_PIPELINE =
            "catch_errors gatekeeper healthcheck proxy-logging cache domain_remap etag-quoter listing_formats bulk"
                    + " tempurl formpost ratelimit crossdomain s3api tempauth staticweb copy"
                    + " container-quotas account-quotas slo dlo versioned_writes symlink"
                    + " proxy-logging proxy-server";

    public ProxyPipeline {
        entries = List.copyOf(entries);
        skipped = List.copyOf(skipped);
    }

    /** Whether tempauth runs. */
    public boolean hasTempAuth() {
        return entries.contains("tempauth");
    }

    /** Whether the {@code authtoken} + {@code keystoneauth} pair runs. */
    public boolean hasKeystoneAuth() {
        return entries.contains("keystoneauth");
    }

    /**
     * The pipeline of {@code ini}; without a {@code [pipeline:main]} section, Swift's default pipeline
     * with tempauth only when {@code [filter:tempauth]} exists.
     *
     * @throws ConfigException for a pipeline that does not end with the app, or names a filter Cairn
     *     does not have and the operator did not list to skip
     */
    public static ProxyPipeline fromIni(IniFile ini) {
        if (!ini.hasSection(SECTION)) {
            List<String> entries = new ArrayList<>(List.of(
                    "catch_errors", "gatekeeper", "healthcheck", "proxy_logging", "memcache", "listing_formats"));
            if (ini.hasSection("filter:tempauth")) {
                entries.add("tempauth");
            }
            entries.add("copy");
            entries.add("dlo");
            return new ProxyPipeline(entries, List.of());
        }
        ConfigSection section = ini.section(SECTION);
        String text = section.getString("pipeline", "").strip();
        List<String> stages = text.isEmpty() ? List.of() : List.of(text.split("\\s+"));
        if (stages.isEmpty() || !stages.get(stages.size() - 1).equals("proxy-server")) {
            throw new ConfigException(ini.source(), SECTION, "pipeline", text, "must end with the app proxy-server");
        }
        Set<String> skip = new LinkedHashSet<>();
        String skipText = section.getString("cairn_skip_filters", "").strip();
        if (!skipText.isEmpty()) {
            skip.addAll(List.of(skipText.split("[\\s,]+")));
        }
        List<String> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String stage : stages.subList(0, stages.size() - 1)) {
            String entry = entryOf(ini, stage);
            if (AVAILABLE.containsKey(entry)) {
                entries.add(entry);
            } else if (skip.contains(stage) || skip.contains(entry)) {
                skipped.add(stage);
            } else {
                missing.add(stage + (entry.equals(stage) ? "" : " (egg:swift#" + entry + ")"));
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigException(
                    ini.source(),
                    SECTION,
                    "pipeline",
                    text,
                    "Cairn's proxy does not have " + String.join(", ", missing)
                            + "; remove it from the pipeline, or list it in cairn_skip_filters to run without it");
        }
        if (!entries.contains("dlo")) {
            // Swift's proxy inserts its required filters (copy, dlo) when the pipeline lacks them
            entries.add("dlo");
        }
        return new ProxyPipeline(entries, skipped);
    }

    /** Whether the pipeline runs the filter with egg entry {@code entry}. */
    public boolean has(String entry) {
        return entries.contains(entry);
    }

    /**
     * The pipeline's filters on the application seam ({@code slo}, {@code dlo}), in pipeline order, each
     * configured from its {@code [filter:NAME]} section over {@code [DEFAULT]} (as paste.deploy merges
     * them); unknown keys go to {@code warnings}.
     */
    public List<Middleware> middlewares(IniFile ini, List<String> warnings) {
        Map<String, ConfigSection> sections = new java.util.HashMap<>();
        if (ini.hasSection(SECTION)) {
            String text = ini.section(SECTION).getString("pipeline", "").strip();
            for (String stage : text.isEmpty() ? new String[0] : text.split("\\s+")) {
                String name = "filter:" + stage;
                if (ini.hasSection(name)) {
                    sections.putIfAbsent(entryOf(ini, stage), ini.section(name));
                }
            }
        }
        List<Middleware> out = new ArrayList<>();
        if (!entries.contains("listing_formats") && rewritesListingsAfter(-1)) {
            // Swift inserts listing_formats, a required filter, near the start when the pipeline lacks it
            out.add(new ListingFormats());
        }
        for (String entry : entries) {
            if (!SEAM_FILTERS.contains(entry)
                    || (entry.equals("listing_formats") && !rewritesListingsAfter(entries.indexOf(entry)))) {
                continue;
            }
            ConfigSection section = sections.get(entry);
            if (section == null) {
                section =
                        IniFile.parse("[filter:" + entry + "]\n", ini.source()).section("filter:" + entry);
            }
            out.add(
                    switch (entry) {
                        case "listing_formats" -> new ListingFormats();
                        case "tempurl" -> new TempUrl(TempUrlConfig.from(section, warnings), Clock.systemUTC());
                        case "formpost" -> FormPost.from(section, warnings, Clock.systemUTC());
                        case "domain_remap" -> DomainRemap.from(section, warnings, listingFormatsAfter(entry));
                        case "cname_lookup" -> CnameLookup.withNettyResolver(CnameLookupConfig.from(section, warnings));
                        case "s3api" -> new S3Api(S3ApiConfig.from(section));
                        case "container_quotas", "account_quotas" -> Quotas.middleware(entry, section, warnings);
                        case "staticweb" -> StaticWeb.from(section, warnings);
                        case "versioned_writes" -> versionedWrites(section, warnings);
                        case "bulk" -> Bulk.from(section, warnings);
                        case "ratelimit" -> rateLimit(section, warnings);
                        case "crossdomain" -> CrossDomain.from(section, warnings);
                        case "name_check" -> NameCheck.from(section, warnings);
                        case "list_endpoints" -> ListEndpoints.from(section, warnings);
                        case "read_only" -> ReadOnly.from(section, warnings);
                        case "etag_quoter" -> EtagQuoter.from(section, warnings);
                        default -> LargeObjects.middleware(entry, section, warnings);
                    });
        }
        return out;
    }

    /**
     * Whether a filter that rewrites JSON listings comes after position {@code index}: only then does an XML
     * listing need formatting in the proxy (otherwise the storage servers format it).
     */
    private boolean rewritesListingsAfter(int index) {
        return entries.subList(index + 1, entries.size()).stream().anyMatch(ListingFormats.REWRITERS::contains);
    }

    /** Whether {@code listing_formats} is listed after {@code entry} (Swift inserts it first when it is not). */
    private boolean listingFormatsAfter(String entry) {
        int formats = entries.indexOf("listing_formats");
        return formats >= 0 && formats > entries.indexOf(entry);
    }

    /**
     * {@code ratelimit}, its counters shared by every event loop of this proxy (Swift's memcache, local to the
     * proxy's process).
     */
    private static RateLimit rateLimit(ConfigSection section, List<String> warnings) {
        RateLimitConfig config = RateLimitConfig.from(section, warnings);
        return new RateLimit(config, RateLimit.countersFor(config), Clock.systemUTC());
    }

    /** {@code versioned_writes}: object versioning needs the symlink filter (Swift: a start-up error). */
    private VersionedWrites versionedWrites(ConfigSection section, List<String> warnings) {
        VersionedWrites vw = VersionedWrites.from(section, warnings);
        if (vw.allowsObjectVersioning() && !entries.contains("symlink")) {
            throw new ConfigException(
                    "proxy-server.conf",
                    section.name(),
                    "allow_object_versioning",
                    "true",
                    "object versioning requires symlinks");
        }
        return vw;
    }

    /** The egg entry a stage names: {@code [filter:STAGE] use = egg:swift#ENTRY}, else the stage itself. */
    private static String entryOf(IniFile ini, String stage) {
        String name = "filter:" + stage;
        if (ini.hasSection(name)) {
            String use = ini.section(name).getString("use", "").strip();
            int hash = use.lastIndexOf('#');
            if (use.startsWith("egg:") && hash > 0) {
                return use.substring(hash + 1).toLowerCase(Locale.ROOT);
            }
        }
        return stage.replace('-', '_').toLowerCase(Locale.ROOT).equals("cache") ? "memcache" : stage.replace('-', '_');
    }
}
