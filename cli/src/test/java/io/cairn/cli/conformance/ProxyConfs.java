package io.cairn.cli.conformance;

import io.cairn.cli.InProcessCairn;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code proxy-server.conf} of every proxy of the harness: Swift's SAIO pipeline and tempauth with {@code cairn
 * saio}'s users, reseller prefixes and service group; the Swift proxies with their memcached, the Cairn one with a
 * {@code token_secret}. Both proxies of a comparison run what this file says, so they differ only in code.
 *
 * <p>Thread-safety: stateless.
 */
final class ProxyConfs {
    /**
     * Swift's SAIO pipeline, as {@code cairn saio} writes it, plus {@code name_check} (settings no other scenario
     * meets: see {@link EdgeScenarios}) and {@code list-endpoints} (answers only {@code /endpoints/}).
     */
    static final String PIPELINE =
            "catch_errors gatekeeper healthcheck proxy-logging name_check cache domain_remap etag-quoter"
                    + " listing_formats list-endpoints bulk tempurl formpost ratelimit crossdomain s3api tempauth staticweb copy"
                    + " container-quotas account-quotas slo dlo versioned_writes symlink proxy-logging proxy-server";

    /** {@code [filter:name_check]}: settings no other group meets (see {@link EdgeScenarios}). */
    private static final Map<String, String> NAME_CHECK = orderedMap(
            "use",
            "egg:swift#name_check",
            "forbidden_chars",
            "^",
            "maximum_length",
            Integer.toString(EdgeScenarios.NAME_CHECK_MAXIMUM_LENGTH),
            "forbidden_regexp",
            EdgeScenarios.NAME_CHECK_REGEXP);

    private static final Map<String, String> LIST_ENDPOINTS = orderedMap("use", "egg:swift#list_endpoints");

    private ProxyConfs() {}

    /**
     * The server settings that make {@code cairn saio}'s proxy run this harness's pipeline: {@link #PIPELINE} and the
     * sections of the filters it adds to the SAIO's.
     */
    static Map<String, Map<String, String>> saioSettings() {
        return Map.of(
                "pipeline:main", Map.of("pipeline", PIPELINE),
                "filter:name_check", NAME_CHECK,
                "filter:list-endpoints", LIST_ENDPOINTS);
    }

    private static Map<String, String> orderedMap(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static String lines(Map<String, String> settings) {
        StringBuilder b = new StringBuilder();
        settings.forEach((k, v) -> b.append(k).append(" = ").append(v).append('\n'));
        return b.toString();
    }

    /** A Swift proxy on {@code 127.0.0.1:port} over {@code swiftDir}, its tokens in memcached on {@code memcachePort}. */
    static String swift(int port, Path swiftDir, int memcachePort, String user) {
        return "[DEFAULT]\nbind_ip = 127.0.0.1\nbind_port = " + port + "\nworkers = 0\nuser = " + user
                + "\nswift_dir = " + swiftDir + "\nlog_address = /nonexistent\n\n" + common("")
                + "\n[filter:cache]\nuse = egg:swift#memcache\nmemcache_servers = 127.0.0.1:" + memcachePort + "\n"
                + "\n[filter:catch_errors]\nuse = egg:swift#catch_errors\n"
                + "\n[filter:gatekeeper]\nuse = egg:swift#gatekeeper\n"
                + "\n[filter:healthcheck]\nuse = egg:swift#healthcheck\n"
                + "\n[filter:proxy-logging]\nuse = egg:swift#proxy_logging\n";
    }

    /** A Cairn proxy on {@code 127.0.0.1:port} over {@code swiftDir}. */
    static String cairn(int port, Path swiftDir) {
        return "[DEFAULT]\nbind_ip = 127.0.0.1\nbind_port = " + port + "\nswift_dir = " + swiftDir + "\n\n"
                + common("token_secret = " + SwiftSaio.randomHex(32) + "\n");
    }

    private static String common(String extraTempAuth) {
        StringBuilder users = new StringBuilder();
        for (List<String> u : InProcessCairn.SAIO_USERS) {
            users.append("user_")
                    .append(u.get(0))
                    .append('_')
                    .append(u.get(1))
                    .append(" = ")
                    .append(u.get(2));
            if (!u.get(3).isEmpty()) {
                users.append(' ').append(u.get(3));
            }
            users.append('\n');
        }
        return "[pipeline:main]\npipeline = " + PIPELINE + "\n\n[app:proxy-server]\nuse = egg:swift#proxy\n"
                + "account_autocreate = true\nallow_account_management = true\n\n"
                + "[filter:tempauth]\nuse = egg:swift#tempauth\nreseller_prefix = AUTH, SERVICE\n"
                + "SERVICE_require_group = service\n" + extraTempAuth + users
                + "\n[filter:copy]\nuse = egg:swift#copy\n"
                + "\n[filter:slo]\nuse = egg:swift#slo\n"
                + "\n[filter:dlo]\nuse = egg:swift#dlo\n"
                + "\n[filter:symlink]\nuse = egg:swift#symlink\n"
                + "\n[filter:versioned_writes]\nuse = egg:swift#versioned_writes\nallow_versioned_writes = true\n"
                + "allow_object_versioning = true\n"
                + "\n[filter:tempurl]\nuse = egg:swift#tempurl\n"
                + "\n[filter:formpost]\nuse = egg:swift#formpost\n"
                + "\n[filter:listing_formats]\nuse = egg:swift#listing_formats\n"
                + "\n[filter:s3api]\nuse = egg:swift#s3api\n"
                + "\n[filter:staticweb]\nuse = egg:swift#staticweb\n"
                + "\n[filter:container-quotas]\nuse = egg:swift#container_quotas\n"
                + "\n[filter:account-quotas]\nuse = egg:swift#account_quotas\n"
                + "\n[filter:bulk]\nuse = egg:swift#bulk\n"
                + "\n[filter:etag-quoter]\nuse = egg:swift#etag_quoter\n"
                + "\n[filter:ratelimit]\nuse = egg:swift#ratelimit\n"
                + "\n[filter:crossdomain]\nuse = egg:swift#crossdomain\n"
                + "\n[filter:name_check]\n" + lines(NAME_CHECK)
                + "\n[filter:list-endpoints]\n" + lines(LIST_ENDPOINTS)
                + "\n[filter:domain_remap]\nuse = egg:swift#domain_remap\nstorage_domain = example.net\n"
                + "reseller_prefixes = AUTH, SERVICE\n";
    }
}
