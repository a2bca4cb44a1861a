package io.cairn.cli.conformance;

import io.cairn.cli.InProcessCairn;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code proxy-server.conf} of every proxy of the harness: Swift's SAIO pipeline and tempauth with {@code cairn
 * saio}'s users, reseller prefixes and service group; the Swift proxies with their memcached, the Cairn one with a
 * {@code token_secret}. Both proxies of a comparison run what this file says, so they differ only in code.
 *
 * <p>Thread-safety: stateless.
 */
final class ProxyConfs {
    /** Swift's SAIO pipeline, as {@code cairn saio} writes it. */
    static final String PIPELINE =
            "catch_errors gatekeeper healthcheck proxy-logging cache domain_remap listing_formats bulk tempurl"
                    + " formpost s3api tempauth staticweb copy container-quotas account-quotas slo dlo versioned_writes"
                    + " symlink proxy-logging proxy-server";

    private ProxyConfs() {}

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
                + "\n[filter:domain_remap]\nuse = egg:swift#domain_remap\nstorage_domain = example.net\n"
                + "reseller_prefixes = AUTH, SERVICE\n";
    }
}
