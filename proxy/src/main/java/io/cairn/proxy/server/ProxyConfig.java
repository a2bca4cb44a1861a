package io.cairn.proxy.server;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.IniFile;
import io.cairn.proxy.routing.ReadAffinity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The proxy's settings from {@code proxy-server.conf}: {@code [DEFAULT]} and {@code [app:proxy-server]}
 * under Swift 2.30.1's key names and defaults ({@code swift/proxy/server.py: Application.__init__}).
 * Other sections ({@code [pipeline:main]}, {@code [filter:*]}) belong to their own components.
 *
 * <p>Thread-safety: immutable.
 *
 * @param bindIp {@code bind_ip}
 * @param bindPort {@code bind_port}
 * @param workers {@code workers}: event loop threads (0 = Netty's default)
 * @param swiftDir {@code swift_dir}: where {@code swift.conf} and the rings are
 * @param connTimeout {@code conn_timeout}: connect plus {@code 100 Continue}
 * @param nodeTimeout {@code node_timeout}: per backend response and per body chunk
 * @param recoverableNodeTimeout {@code recoverable_node_timeout}: object GETs that can resume elsewhere
 * @param clientTimeout {@code client_timeout}: per client chunk read
 * @param postQuorumTimeout {@code post_quorum_timeout}: wait for stragglers after a quorum
 * @param errorSuppressionLimit {@code error_suppression_limit}
 * @param errorSuppressionInterval {@code error_suppression_interval}
 * @param recheckAccountExistence {@code recheck_account_existence}: account info cache TTL
 * @param recheckContainerExistence {@code recheck_container_existence}: container info cache TTL
 * @param accountAutocreate {@code account_autocreate}
 * @param allowAccountManagement {@code allow_account_management}
 * @param maxContainersPerAccount {@code max_containers_per_account} (0 = unlimited)
 * @param maxContainersWhitelist {@code max_containers_whitelist}: accounts exempt from the limit
 * @param sortingMethod {@code sorting_method}: {@code shuffle} or {@code affinity} ({@code timing} is refused)
 * @param readAffinity {@code read_affinity}: used under {@code sorting_method = affinity} only, as in Swift
 * @param requestNodeCountPerReplica {@code request_node_count = N * replicas}: the N
 * @param requestNodeCountFixed {@code request_node_count = N}: the N, or 0 when given per replica
 * @param exposeInfo {@code expose_info}: serve {@code /info}
 * @param strictCorsMode {@code strict_cors_mode}
 * @param corsAllowOrigin {@code cors_allow_origin}: origins allowed for every container
 * @param corsExposeHeaders {@code cors_expose_headers}: extra headers exposed to CORS clients
 * @param transIdSuffix {@code trans_id_suffix}
 * @param maxRequestLine {@code max_request_line}: longest request line (414 above)
 * @param maxHeaderBytes {@code max_header_bytes} (Cairn): the whole header block (400 above)
 * @param unknownKeys keys set in the file that no component reads, reported at start
 */
public record ProxyConfig(
        String bindIp,
        int bindPort,
        int workers,
        Path swiftDir,
        Duration connTimeout,
        Duration nodeTimeout,
        Duration recoverableNodeTimeout,
        Duration clientTimeout,
        Duration postQuorumTimeout,
        int errorSuppressionLimit,
        Duration errorSuppressionInterval,
        Duration recheckAccountExistence,
        Duration recheckContainerExistence,
        boolean accountAutocreate,
        boolean allowAccountManagement,
        int maxContainersPerAccount,
        List<String> maxContainersWhitelist,
        String sortingMethod,
        ReadAffinity readAffinity,
        int requestNodeCountPerReplica,
        int requestNodeCountFixed,
        boolean exposeInfo,
        boolean strictCorsMode,
        List<String> corsAllowOrigin,
        List<String> corsExposeHeaders,
        String transIdSuffix,
        int maxRequestLine,
        int maxHeaderBytes,
        List<String> unknownKeys) {

    /** The application section Swift's proxy reads. */
    public static final String APP_SECTION = "app:proxy-server";

    /** Keys of {@code [DEFAULT]} and {@code [app:proxy-server]} that are read (or knowingly accepted). */
    static final Set<String> KNOWN_KEYS = Set.of(
            "use",
            "bind_ip",
            "bind_port",
            "workers",
            "swift_dir",
            "user",
            "log_name",
            "log_facility",
            "log_level",
            "log_address",
            "log_headers",
            "conn_timeout",
            "node_timeout",
            "recoverable_node_timeout",
            "client_timeout",
            "post_quorum_timeout",
            "error_suppression_limit",
            "error_suppression_interval",
            "recheck_account_existence",
            "recheck_container_existence",
            "account_autocreate",
            "allow_account_management",
            "max_containers_per_account",
            "max_containers_whitelist",
            "sorting_method",
            "read_affinity",
            "request_node_count",
            "expose_info",
            "strict_cors_mode",
            "cors_allow_origin",
            "cors_expose_headers",
            "trans_id_suffix",
            "max_request_line",
            "max_header_bytes",
            "admin_key",
            "disallowed_sections",
            "object_chunk_size",
            "client_chunk_size",
            "backlog",
            "keep_idle",
            "eventlet_debug",
            "max_clients");

    /** Swift's defaults, as {@code cairn saio} and tests use them. */
    public static ProxyConfig defaults() {
        return fromIni(IniFile.parse("[" + APP_SECTION + "]\n", "defaults"));
    }

    /**
     * Reads {@code [app:proxy-server]} (which inherits {@code [DEFAULT]}), or {@code [DEFAULT]} alone when
     * the file has no such section.
     *
     * @throws ConfigException for a malformed or out-of-range value, or an unsupported setting
     */
    public static ProxyConfig fromIni(IniFile ini) {
        ConfigSection s = ini.hasSection(APP_SECTION) ? ini.section(APP_SECTION) : ini.defaults();
        double nodeTimeout = s.getDouble("node_timeout", 10, 0.001, 86_400);
        String sorting = s.getString("sorting_method", "shuffle").toLowerCase(Locale.ROOT);
        if (!sorting.equals("shuffle") && !sorting.equals("affinity")) {
            throw new ConfigException(
                    ini.source(),
                    s.name(),
                    "sorting_method",
                    sorting,
                    "expected shuffle or affinity (timing is not implemented)");
        }
        String readAffinityValue = s.getString("read_affinity", "");
        ReadAffinity readAffinity;
        try {
            readAffinity = ReadAffinity.parse(readAffinityValue);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    ini.source(), s.name(), "read_affinity", readAffinityValue, String.valueOf(e.getMessage()));
        }
        String requestNodeCount =
                s.getString("request_node_count", "2 * replicas").trim();
        int perReplica = 0;
        int fixed = 0;
        String[] parts = requestNodeCount.split("\\s*\\*\\s*", -1);
        try {
            if (parts.length == 2 && parts[1].equals("replicas")) {
                perReplica = Integer.parseInt(parts[0]);
            } else if (parts.length == 1) {
                fixed = Integer.parseInt(parts[0]);
            }
        } catch (NumberFormatException e) {
            perReplica = 0;
            fixed = 0;
        }
        if (perReplica <= 0 && fixed <= 0) {
            throw new ConfigException(
                    ini.source(),
                    s.name(),
                    "request_node_count",
                    requestNodeCount,
                    "expected a positive integer or '<N> * replicas'");
        }
        List<String> unknown = new ArrayList<>(ini.defaults().unknownKeys(KNOWN_KEYS));
        if (ini.hasSection(APP_SECTION)) {
            for (String k : s.unknownKeys(KNOWN_KEYS)) {
                if (!unknown.contains(k)) {
                    unknown.add(k);
                }
            }
        }
        return new ProxyConfig(
                s.getString("bind_ip", "0.0.0.0"),
                s.getInt("bind_port", 8080, 0, 65_535),
                s.getInt("workers", 0, 0, 1024),
                Path.of(s.getString("swift_dir", "/etc/swift")),
                seconds(s.getDouble("conn_timeout", 0.5, 0.001, 3600)),
                seconds(nodeTimeout),
                seconds(s.getDouble("recoverable_node_timeout", nodeTimeout, 0.001, 86_400)),
                seconds(s.getDouble("client_timeout", 60, 0.001, 86_400)),
                seconds(s.getDouble("post_quorum_timeout", 0.5, 0, 3600)),
                s.getInt("error_suppression_limit", 10, 0, Integer.MAX_VALUE),
                seconds(s.getDouble("error_suppression_interval", 60, 0, 86_400)),
                seconds(s.getDouble("recheck_account_existence", 60, 0, 86_400)),
                seconds(s.getDouble("recheck_container_existence", 60, 0, 86_400)),
                s.getBoolean("account_autocreate", false),
                s.getBoolean("allow_account_management", false),
                s.getInt("max_containers_per_account", 0, 0, Integer.MAX_VALUE),
                s.getList("max_containers_whitelist", List.of()),
                sorting,
                readAffinity,
                perReplica,
                fixed,
                s.getBoolean("expose_info", true),
                s.getBoolean("strict_cors_mode", true),
                s.getList("cors_allow_origin", List.of()),
                s.getList("cors_expose_headers", List.of()),
                s.getString("trans_id_suffix", ""),
                s.getInt("max_request_line", 8192, 256, 1 << 20),
                s.getInt("max_header_bytes", 1 << 20, 1024, 16 << 20),
                List.copyOf(unknown));
    }

    /** This configuration listening on {@code ip:port} instead (command-line overrides). */
    public ProxyConfig withBind(String ip, int port) {
        return new ProxyConfig(
                ip,
                port,
                workers,
                swiftDir,
                connTimeout,
                nodeTimeout,
                recoverableNodeTimeout,
                clientTimeout,
                postQuorumTimeout,
                errorSuppressionLimit,
                errorSuppressionInterval,
                recheckAccountExistence,
                recheckContainerExistence,
                accountAutocreate,
                allowAccountManagement,
                maxContainersPerAccount,
                maxContainersWhitelist,
                sortingMethod,
                readAffinity,
                requestNodeCountPerReplica,
                requestNodeCountFixed,
                exposeInfo,
                strictCorsMode,
                corsAllowOrigin,
                corsExposeHeaders,
                transIdSuffix,
                maxRequestLine,
                maxHeaderBytes,
                unknownKeys);
    }

    /** This configuration with {@code swift_dir} at its default (to compare settings, not places). */
    ProxyConfig withoutSwiftDir() {
        return new ProxyConfig(
                bindIp,
                bindPort,
                workers,
                Path.of("/etc/swift"),
                connTimeout,
                nodeTimeout,
                recoverableNodeTimeout,
                clientTimeout,
                postQuorumTimeout,
                errorSuppressionLimit,
                errorSuppressionInterval,
                recheckAccountExistence,
                recheckContainerExistence,
                accountAutocreate,
                allowAccountManagement,
                maxContainersPerAccount,
                maxContainersWhitelist,
                sortingMethod,
                readAffinity,
                requestNodeCountPerReplica,
                requestNodeCountFixed,
                exposeInfo,
                strictCorsMode,
                corsAllowOrigin,
                corsExposeHeaders,
                transIdSuffix,
                maxRequestLine,
                maxHeaderBytes,
                unknownKeys);
    }

    /** How a partition's shuffled primaries are ordered: by {@code read_affinity} under {@code affinity} only. */
    public ReadAffinity primaryOrder() {
        return sortingMethod.equals("affinity") ? readAffinity : ReadAffinity.NONE;
    }

    /** Swift's {@code request_node_count} for a ring of {@code replicas} replicas. */
    public int requestNodeCount(int replicas) {
        return requestNodeCountFixed > 0 ? requestNodeCountFixed : requestNodeCountPerReplica * replicas;
    }

    /** Copies the lists. */
    public ProxyConfig {
        maxContainersWhitelist = List.copyOf(maxContainersWhitelist);
        corsAllowOrigin = List.copyOf(corsAllowOrigin);
        corsExposeHeaders = List.copyOf(corsExposeHeaders);
        unknownKeys = List.copyOf(unknownKeys);
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }
}
