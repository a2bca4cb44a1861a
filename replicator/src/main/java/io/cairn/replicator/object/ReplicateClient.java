package io.cairn.replicator.object;

import io.cairn.common.codec.PickleException;
import io.cairn.common.codec.PickleReader;
import io.cairn.common.codec.PyBytes;
import io.cairn.common.http.BackendClient;
import io.cairn.common.http.BackendRequest;
import io.cairn.common.http.BackendResponse;
import io.cairn.ring.Device;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The object {@code REPLICATE} verb, client side (reference §6.1): {@code REPLICATE /<dev>/<part>} returns
 * the peer's suffix hashes; {@code REPLICATE /<dev>/<part>/<s1-s2-…>} makes the peer rehash those suffixes.
 * A blocking facade over {@link BackendClient}: a dead, refusing or silent peer costs at most the connect
 * timeout the client was built with plus {@code httpTimeout}.
 *
 * <p>Thread-safety: thread-safe (the backend client is).
 */
public final class ReplicateClient {
    /** Swift's {@code HTTP_INSUFFICIENT_STORAGE}: the peer's device is unmounted. */
    public static final int INSUFFICIENT_STORAGE = 507;

    private static final HttpMethod REPLICATE = HttpMethod.valueOf("REPLICATE");

    private final BackendClient client;
    private final Duration httpTimeout;
    private final String userAgent;

    /**
     * @param client built with the replicator's {@code conn_timeout} as its connect timeout
     * @param httpTimeout bound on one whole exchange once connected ({@code http_timeout})
     */
    public ReplicateClient(BackendClient client, Duration httpTimeout) {
        this.client = client;
        this.httpTimeout = httpTimeout;
        this.userAgent = "object-replicator " + ProcessHandle.current().pid();
    }

    /** A peer that answered with a status other than 200. */
    public static final class PeerStatusException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        PeerStatusException(Device peer, int status) {
            super(peer.address() + " answered REPLICATE with " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /**
     * The peer's suffix hashes of the partition (empty when it has no such partition).
     *
     * @throws PeerStatusException for a non-200 answer (507: the peer's device is unmounted)
     * @throws IOException when the peer cannot be reached, times out or answers garbage
     */
    public Map<String, String> suffixHashes(Device peer, int partition, int policyIndex)
            throws IOException, InterruptedException {
        BackendResponse response = exchange(peer, partition, policyIndex, "");
        if (response.status() != 200) {
            throw new PeerStatusException(peer, response.status());
        }
        return decodeHashes(peer, response.body());
    }

    /** Asks the peer to rehash {@code suffixes} (after a push), as Swift's rsync method does. */
    public void rehash(Device peer, int partition, int policyIndex, Collection<String> suffixes)
            throws IOException, InterruptedException {
        BackendResponse response = exchange(peer, partition, policyIndex, "/" + String.join("-", suffixes));
        if (response.status() != 200) {
            throw new PeerStatusException(peer, response.status());
        }
    }

    private BackendResponse exchange(Device peer, int partition, int policyIndex, String suffixPath)
            throws IOException, InterruptedException {
        HttpHeaders headers = new DefaultHttpHeaders()
                .set("X-Backend-Storage-Policy-Index", Integer.toString(policyIndex))
                .set("User-Agent", userAgent);
        // device names are quote_plus-safe (ring validation) and suffixes are hex, so no quoting is needed
        String path = "/" + peer.device() + "/" + partition + suffixPath;
        CompletableFuture<BackendResponse> future = client.send(
                BackendRequest.of(peer.replicationIp(), peer.replicationPort(), REPLICATE, path, headers), httpTimeout);
        try {
            // the client's own timer fires at httpTimeout; the margin only covers a lost timer
            return future.get(httpTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IOException("REPLICATE " + peer.address() + path + " timed out", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IOException("REPLICATE " + peer.address() + path + " failed: " + cause, cause);
        }
    }

    private static Map<String, String> decodeHashes(Device peer, byte[] body) throws IOException {
        Object loaded;
        try {
            loaded = PickleReader.load(body);
        } catch (PickleException e) {
            throw new IOException(peer.address() + " answered REPLICATE with a bad pickle: " + e.getMessage(), e);
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IOException(peer.address() + " answered REPLICATE with " + describe(loaded) + ", not a dict");
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = text(e.getKey());
            String value = text(e.getValue());
            // 'valid'/'updated' never reach the wire in Swift, but a None (unhashed) suffix may: it never matches
            if (key != null && value != null) {
                hashes.put(key, value);
            }
        }
        return hashes;
    }

    private static @org.jspecify.annotations.Nullable String text(@org.jspecify.annotations.Nullable Object o) {
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof PyBytes b) {
            return b.asLatin1();
        }
        return null;
    }

    private static String describe(@org.jspecify.annotations.Nullable Object o) {
        return o == null ? "None" : o.getClass().getSimpleName();
    }
}
