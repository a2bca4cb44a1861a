package io.cairn.replicator.db;

import io.cairn.common.codec.Json;
import io.cairn.common.db.DbFileTransferHandler;
import io.cairn.common.http.BackendClient;
import io.cairn.common.http.BackendRequest;
import io.cairn.common.http.BackendResponse;
import io.cairn.ring.Device;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code ReplConnection}: {@code REPLICATE /<dev>/<part>/<hash>} RPCs to one peer's
 * {@code replication_ip:replication_port} with a JSON array body, plus Cairn's whole-DB transfer
 * ({@code REPLICATE /<dev>/<part>/<hash>/<name>}, see {@code replicator/README.md}). A failed or timed-out
 * exchange yields null, as Swift's {@code replicate} does, never an exception (except interruption).
 *
 * <p>Thread-safe (stateless over thread-safe clients); one instance per DB and peer.
 */
final class ReplConnection {
    /** Slowest transfer rate a peer is allowed before a whole-DB transfer times out (bytes/s). */
    static final long MIN_TRANSFER_RATE = 1024 * 1024;

    private final BackendClient rpcClient;
    private final HttpClient fileClient;
    private final Device node;
    private final String path;
    private final Duration nodeTimeout;

    ReplConnection(
            BackendClient rpcClient, HttpClient fileClient, Device node, int partition, String hash, Duration timeout) {
        this.rpcClient = rpcClient;
        this.fileClient = fileClient;
        this.node = node;
        this.path = "/" + node.device() + "/" + partition + "/" + hash;
        this.nodeTimeout = timeout;
    }

    Device node() {
        return node;
    }

    /** Sends {@code [op, args…]}; the answer, or null when the peer failed or said nothing in time. */
    @Nullable
    BackendResponse replicate(List<@Nullable Object> opAndArgs) throws InterruptedException {
        HttpHeaders headers = new DefaultHttpHeaders().set("Content-Type", "application/json");
        BackendRequest request = new BackendRequest(
                node.replicationIp(),
                node.replicationPort(),
                HttpMethod.valueOf("REPLICATE"),
                path,
                headers,
                Json.write(opAndArgs).getBytes(StandardCharsets.UTF_8));
        try {
            return rpcClient.send(request, nodeTimeout).get();
        } catch (ExecutionException e) {
            return null;
        }
    }

    /**
     * Streams {@code snapshot} to the peer's {@code <dev>/tmp/<name>}; true on 2xx. The timeout allows
     * {@link #MIN_TRANSFER_RATE} on top of the node timeout.
     */
    boolean sendDbFile(Path snapshot, long length, String md5Hex, String name) throws InterruptedException {
        String host = node.replicationIp().indexOf(':') >= 0 ? "[" + node.replicationIp() + "]" : node.replicationIp();
        Duration timeout = nodeTimeout.plusSeconds(length / MIN_TRANSFER_RATE);
        try {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://" + host + ":" + node.replicationPort() + path + "/" + name))
                    .timeout(timeout)
                    .header(DbFileTransferHandler.MD5_HEADER, md5Hex)
                    .header("Content-Type", "application/octet-stream")
                    .method("REPLICATE", HttpRequest.BodyPublishers.ofFile(snapshot))
                    .build();
            HttpResponse<Void> response = fileClient.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return node.replicationIp() + ":" + node.replicationPort() + path;
    }
}
