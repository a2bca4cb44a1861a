package io.cairn.common.direct;

import io.cairn.common.codec.Json;
import io.cairn.common.http.BackendClient;
import io.cairn.common.http.BackendRequest;
import io.cairn.common.http.BackendResponse;
import io.cairn.common.path.PercentCoding;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code direct_client} over a {@link BackendClient}: one request to one node, the path quoted as
 * Swift's {@code http_connect} quotes it, {@code User-Agent} set unless the caller did, and JSON listings
 * decoded. Every answer comes back whatever its status; the future fails only for a connection failure or a
 * timeout.
 *
 * <p>Thread-safe (the backend client is).
 */
public final class DirectClient {
    private static final HttpMethod REPLICATE = HttpMethod.valueOf("REPLICATE");

    private final BackendClient client;
    private final Duration timeout;
    private final String userAgent;

    /**
     * @param timeout how long one request may take ({@code conn_timeout + node_timeout})
     * @param userAgent the {@code User-Agent} requests carry (Swift's {@code direct-client <pid>}, or the
     *     daemon's name)
     */
    public DirectClient(BackendClient client, Duration timeout, String userAgent) {
        this.client = client;
        this.timeout = timeout;
        this.userAgent = userAgent;
    }

    /**
     * {@code method /<device>/<partition><path>[?query]}.
     *
     * @param path {@code /a[/c[/o]]}, not quoted
     * @param query already encoded (see {@link #listingQuery}), or null
     */
    public CompletableFuture<BackendResponse> send(
            DirectNode node,
            int partition,
            HttpMethod method,
            String path,
            @Nullable String query,
            HttpHeaders headers) {
        HttpHeaders out = new DefaultHttpHeaders().add(headers);
        if (!out.contains("User-Agent")) {
            out.set("User-Agent", userAgent);
        }
        String target =
                PercentCoding.quote("/" + node.device() + "/" + partition + path) + (query == null ? "" : "?" + query);
        return client.send(BackendRequest.of(node.ip(), node.port(), method, target, out), timeout);
    }

    /**
     * A database replication RPC, {@code REPLICATE /<device>/<partition>/<hash>} with the JSON body {@code [op,
     * args…]} (Swift's {@code ReplConnection.replicate}), e.g. {@code merge_items}.
     *
     * @param hash the database's {@code hash_path} (hex)
     */
    public CompletableFuture<BackendResponse> replicate(
            DirectNode node, int partition, String hash, List<@Nullable Object> opAndArgs) {
        HttpHeaders headers =
                new DefaultHttpHeaders().set("Content-Type", "application/json").set("User-Agent", userAgent);
        String target = PercentCoding.quote("/" + node.device() + "/" + partition + "/" + hash);
        byte[] body = Json.write(opAndArgs).getBytes(StandardCharsets.UTF_8);
        return client.send(new BackendRequest(node.ip(), node.port(), REPLICATE, target, headers, body), timeout);
    }

    /** {@code format=json&marker=…&limit=…} (Swift's {@code direct_get_account}/{@code _container} query). */
    public static String listingQuery(String marker, int limit) {
        return "format=json&marker=" + queryValue(marker) + "&limit=" + limit;
    }

    /**
     * The entries of a JSON listing answer ({@code [{"name": …, …}, …]}), each a map.
     *
     * @throws IllegalArgumentException when the body is not a JSON list of objects
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> listing(BackendResponse response) {
        Object parsed;
        try {
            parsed = Json.parse(response.bodyText());
        } catch (Json.JsonException e) {
            throw new IllegalArgumentException("listing is not JSON: " + e.getMessage(), e);
        }
        if (!(parsed instanceof List<?> list)) {
            throw new IllegalArgumentException("listing is not a JSON list");
        }
        List<Map<String, Object>> out = new ArrayList<>(list.size());
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("listing entry is not an object: " + entry);
            }
            out.add((Map<String, Object>) entry);
        }
        return out;
    }

    /** {@code urllib.parse.quote(value, safe='')}. */
    private static String queryValue(String value) {
        return PercentCoding.quote(value).replace("/", "%2F");
    }
}
