package io.cairn.proxy.server;

import io.cairn.common.config.ConfigDefinition;
import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.ConfigValues;
import io.cairn.common.config.IniFile;
import io.cairn.common.config.Setting;
import io.cairn.proxy.routing.ReadAffinity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The proxy's settings from {@code proxy-server.conf}: {@code [DEFAULT]} and {@code [app:proxy-server]}
 * under Swift 2.30.1's key names and defaults ({@code swift/proxy/server.py: Application.__init__}).
 * Other sections ({@code [pipeline:main]}, {@code [filter:*]}) belong to their own components. Every key is
 * declared once in {@link #DEFINITION} (common's config registry), which gives the parsing, the known keys and the
 * README's table; the record is built in one place, {@link #fromIni(IniFile, Map)}, command-line overrides
 * included.
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

    private static final Setting<String> BIND_IP =
            Setting.string("bind_ip", "0.0.0.0").doc("Address to listen on.");
    private static final Setting<Integer> BIND_PORT =
            Setting.integer("bind_port", 8080, 0, 65_535).doc("Port to listen on (0 picks a free port).");
    private static final Setting<Integer> WORKERS =
            Setting.integer("workers", 0, 0, 1024).doc("Event-loop threads (0: Netty's default).");
    private static final Setting<Path> SWIFT_DIR =
            Setting.path("swift_dir", "/etc/swift").doc("Where `swift.conf` and the rings are.");
    private static final Setting<Duration> CONN_TIMEOUT =
            Setting.seconds("conn_timeout", 0.5, 0.001, 3600).doc("Connecting to a backend, plus its `100 Continue`.");
    private static final Setting<Duration> NODE_TIMEOUT =
            Setting.seconds("node_timeout", 10, 0.001, 86_400).doc("Per backend response and per body chunk.");
    private static final Setting<Duration> RECOVERABLE_NODE_TIMEOUT = Setting.seconds(
                    "recoverable_node_timeout", 10, 0.001, 86_400)
            .defaultDescribed("node_timeout")
            .doc("Object GETs that can resume from another node.");
    private static final Setting<Duration> CLIENT_TIMEOUT =
            Setting.seconds("client_timeout", 60, 0.001, 86_400).doc("Per client body chunk read.");
    private static final Setting<Duration> POST_QUORUM_TIMEOUT =
            Setting.seconds("post_quorum_timeout", 0.5, 0, 3600).doc("Waiting for stragglers after a quorum answered.");
    private static final Setting<Integer> ERROR_SUPPRESSION_LIMIT = Setting.integer(
                    "error_suppression_limit", 10, 0, Integer.MAX_VALUE)
            .doc("Errors within the interval before a node is skipped.");
    private static final Setting<Duration> ERROR_SUPPRESSION_INTERVAL = Setting.seconds(
                    "error_suppression_interval", 60, 0, 86_400)
            .doc("How long a node's errors count, and how long it is skipped.");
    private static final Setting<Duration> RECHECK_ACCOUNT_EXISTENCE =
            Setting.seconds("recheck_account_existence", 60, 0, 86_400).doc("Account info cache lifetime.");
    private static final Setting<Duration> RECHECK_CONTAINER_EXISTENCE =
            Setting.seconds("recheck_container_existence", 60, 0, 86_400).doc("Container info cache lifetime.");
    private static final Setting<Boolean> ACCOUNT_AUTOCREATE =
            Setting.bool("account_autocreate", false).doc("Create an account on its first authorized write.");
    private static final Setting<Boolean> ALLOW_ACCOUNT_MANAGEMENT =
            Setting.bool("allow_account_management", false).doc("Allow account PUT and DELETE (reseller admins).");
    private static final Setting<Integer> MAX_CONTAINERS_PER_ACCOUNT = Setting.integer(
                    "max_containers_per_account", 0, 0, Integer.MAX_VALUE)
            .doc("Containers per account (0: unlimited).");
    private static final Setting<List<String>> MAX_CONTAINERS_WHITELIST = Setting.list(
                    "max_containers_whitelist", List.of())
            .doc("Accounts exempt from `max_containers_per_account`.");
    private static final Setting<String> SORTING_METHOD = Setting.parsed(
                    "sorting_method",
                    "shuffle or affinity",
                    "shuffle",
                    "expected shuffle or affinity (timing is not implemented)",
                    ProxyConfig::sortingMethod)
            .doc("How a partition's primaries are ordered (any case).");
    private static final Setting<ReadAffinity> READ_AFFINITY = Setting.parsed(
                    "read_affinity",
                    "affinity list",
                    "",
                    "expected r<region>[z<zone>]=<priority>, …",
                    ReadAffinity::parse)
            .doc("Priorities of regions/zones, used under `sorting_method = affinity` only.");
    private static final Setting<int[]> REQUEST_NODE_COUNT = Setting.parsed(
                    "request_node_count",
                    "N or N * replicas",
                    "2 * replicas",
                    "expected a positive integer or '<N> * replicas'",
                    ProxyConfig::requestNodeCount)
            .doc("Nodes a GET may try.");
    private static final Setting<Boolean> EXPOSE_INFO =
            Setting.bool("expose_info", true).doc("Serve `/info`.");
    private static final Setting<Boolean> STRICT_CORS_MODE =
            Setting.bool("strict_cors_mode", true).doc("Swift's strict CORS mode.");
    private static final Setting<List<String>> CORS_ALLOW_ORIGIN =
            Setting.list("cors_allow_origin", List.of()).doc("Origins allowed for every container.");
    private static final Setting<List<String>> CORS_EXPOSE_HEADERS =
            Setting.list("cors_expose_headers", List.of()).doc("Extra headers exposed to CORS clients.");
    private static final Setting<String> TRANS_ID_SUFFIX =
            Setting.string("trans_id_suffix", "").doc("Appended to every transaction id.");
    private static final Setting<Integer> MAX_REQUEST_LINE = Setting.integer("max_request_line", 8192, 256, 1 << 20)
            .cairnOnly()
            .doc("Longest request line (414 above).");
    private static final Setting<Integer> MAX_HEADER_BYTES = Setting.integer(
                    "max_header_bytes", 1 << 20, 1024, 16 << 20)
            .cairnOnly()
            .doc("The whole header block (400 above).");

    /** Every setting of {@code [DEFAULT]} and {@code [app:proxy-server]}, and the Swift keys accepted there. */
    public static final ConfigDefinition DEFINITION = ConfigDefinition.of(
            "proxy-server",
            List.of(
                    BIND_IP,
                    BIND_PORT,
                    WORKERS,
                    SWIFT_DIR,
                    CONN_TIMEOUT,
                    NODE_TIMEOUT,
                    RECOVERABLE_NODE_TIMEOUT,
                    CLIENT_TIMEOUT,
                    POST_QUORUM_TIMEOUT,
                    ERROR_SUPPRESSION_LIMIT,
                    ERROR_SUPPRESSION_INTERVAL,
                    RECHECK_ACCOUNT_EXISTENCE,
                    RECHECK_CONTAINER_EXISTENCE,
                    ACCOUNT_AUTOCREATE,
                    ALLOW_ACCOUNT_MANAGEMENT,
                    MAX_CONTAINERS_PER_ACCOUNT,
                    MAX_CONTAINERS_WHITELIST,
                    SORTING_METHOD,
                    READ_AFFINITY,
                    REQUEST_NODE_COUNT,
                    EXPOSE_INFO,
                    STRICT_CORS_MODE,
                    CORS_ALLOW_ORIGIN,
                    CORS_EXPOSE_HEADERS,
                    TRANS_ID_SUFFIX,
                    MAX_REQUEST_LINE,
                    MAX_HEADER_BYTES),
            List.of(
                    "user",
                    "log_name",
                    "log_facility",
                    "log_level",
                    "log_address",
                    "log_headers",
                    "admin_key",
                    "disallowed_sections",
                    "object_chunk_size",
                    "client_chunk_size",
                    "backlog",
                    "keep_idle",
                    "eventlet_debug",
                    "max_clients"));

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
        return fromIni(ini, Map.of());
    }

    /**
     * As {@link #fromIni(IniFile)}, with {@code overrides} (e.g. the command line's bind address) read as if the
     * file set them.
     *
     * @throws ConfigException for a malformed or out-of-range value, or an unsupported setting
     */
    public static ProxyConfig fromIni(IniFile ini, Map<String, String> overrides) {
        ConfigSection s = ini.hasSection(APP_SECTION) ? ini.section(APP_SECTION) : ini.defaults();
        ConfigValues v = DEFINITION.parse(overrides.isEmpty() ? s : s.overriding(overrides));
        List<String> unknown = new ArrayList<>(ini.defaults().unknownKeys(DEFINITION.knownKeys()));
        if (ini.hasSection(APP_SECTION)) {
            for (String k : v.unknownKeys()) {
                if (!unknown.contains(k)) {
                    unknown.add(k);
                }
            }
        }
        Duration nodeTimeout = v.get(NODE_TIMEOUT);
        int[] requestNodeCount = v.get(REQUEST_NODE_COUNT);
        return new ProxyConfig(
                v.get(BIND_IP),
                v.get(BIND_PORT),
                v.get(WORKERS),
                v.get(SWIFT_DIR),
                v.get(CONN_TIMEOUT),
                nodeTimeout,
                v.isSet(RECOVERABLE_NODE_TIMEOUT) ? v.get(RECOVERABLE_NODE_TIMEOUT) : nodeTimeout,
                v.get(CLIENT_TIMEOUT),
                v.get(POST_QUORUM_TIMEOUT),
                v.get(ERROR_SUPPRESSION_LIMIT),
                v.get(ERROR_SUPPRESSION_INTERVAL),
                v.get(RECHECK_ACCOUNT_EXISTENCE),
                v.get(RECHECK_CONTAINER_EXISTENCE),
                v.get(ACCOUNT_AUTOCREATE),
                v.get(ALLOW_ACCOUNT_MANAGEMENT),
                v.get(MAX_CONTAINERS_PER_ACCOUNT),
                v.get(MAX_CONTAINERS_WHITELIST),
                v.get(SORTING_METHOD),
                v.get(READ_AFFINITY),
                requestNodeCount[0],
                requestNodeCount[1],
                v.get(EXPOSE_INFO),
                v.get(STRICT_CORS_MODE),
                v.get(CORS_ALLOW_ORIGIN),
                v.get(CORS_EXPOSE_HEADERS),
                v.get(TRANS_ID_SUFFIX),
                v.get(MAX_REQUEST_LINE),
                v.get(MAX_HEADER_BYTES),
                List.copyOf(unknown));
    }

    /** {@code sorting_method}, lower-cased: {@code shuffle} or {@code affinity}. */
    private static String sortingMethod(String value) {
        String sorting = value.toLowerCase(Locale.ROOT);
        if (!sorting.equals("shuffle") && !sorting.equals("affinity")) {
            throw new IllegalArgumentException((String) null);
        }
        return sorting;
    }

    /** {@code request_node_count} as {@code {perReplica, fixed}}, exactly one of them positive. */
    private static int[] requestNodeCount(String value) {
        String[] parts = value.trim().split("\\s*\\*\\s*", -1);
        int perReplica = 0;
        int fixed = 0;
        if (parts.length == 2 && parts[1].equals("replicas")) {
            perReplica = Integer.parseInt(parts[0]); // NumberFormatException is an IllegalArgumentException
        } else if (parts.length == 1) {
            fixed = Integer.parseInt(parts[0]);
        }
        if (perReplica <= 0 && fixed <= 0) {
            throw new IllegalArgumentException((String) null);
        }
        return new int[] {perReplica, fixed};
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
}
