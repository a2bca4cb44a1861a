package io.cairn.proxy.routing;

import io.cairn.ring.Device;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The headers the proxy sends to storage servers (reference §3.1, §4.4): Swift's {@code
 * generate_request_headers} plus the container-update and account-update headers spread over the
 * requests of one write as {@code _backend_requests} spreads them.
 *
 * <p>Thread-safety: stateless.
 */
public final class BackendHeaders {
    /** Swift's {@code User-Agent} of proxy requests is {@code proxy-server <pid>}. */
    private static final String USER_AGENT =
            "proxy-server " + ProcessHandle.current().pid();

    private BackendHeaders() {}

    /**
     * Swift's {@code generate_request_headers}: {@code additional} (the client's headers that survived the
     * gatekeeper, or none), then {@code X-Timestamp}, {@code X-Trans-Id}, {@code Referer: METHOD path},
     * {@code User-Agent}, and the policy index when known.
     */
    public static HttpHeaders base(
            String method,
            String clientPath,
            String timestamp,
            String transId,
            @Nullable Integer policyIndex,
            @Nullable HttpHeaders additional) {
        HttpHeaders h = new DefaultHttpHeaders();
        if (additional != null) {
            for (Map.Entry<String, String> e : additional) {
                if (!isHopByHop(e.getKey())) {
                    h.add(e.getKey(), e.getValue());
                }
            }
        }
        h.set("X-Timestamp", timestamp);
        h.set("X-Trans-Id", transId);
        h.set("Referer", method + " " + clientPath);
        h.set("User-Agent", USER_AGENT);
        if (policyIndex != null) {
            h.set("X-Backend-Storage-Policy-Index", Integer.toString(policyIndex));
        }
        return h;
    }

    /** {@code count} copies of {@code base}, one per backend request. */
    public static List<HttpHeaders> copies(HttpHeaders base, int count) {
        List<HttpHeaders> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new DefaultHttpHeaders().set(base));
        }
        return out;
    }

    /**
     * Swift's {@code num_container_updates}: {@code max(Qc + Ro - Qo, Rc)} updates so that a durable
     * quorum of container rows survives any failed object PUTs, and every container replica is named.
     */
    public static int containerUpdateCount(int containerReplicas, int objectReplicas, int objectQuorum) {
        int containerQuorum = BestResponse.quorumSize(containerReplicas);
        return Math.max(containerQuorum + objectReplicas - objectQuorum, containerReplicas);
    }

    /**
     * Spreads container updates over an object write's requests as Swift's {@code _backend_requests}: update
     * {@code i} names container replica {@code i mod Rc} in request {@code i mod n} (comma-appended when a
     * request carries several); the expirer-queue target of update {@code i}, when {@code deleteAt} is set,
     * goes to request {@code n - 1 - (i mod n)}. The first two requests ask the object server to clean the
     * expirer queue.
     */
    public static void spreadContainerUpdates(
            List<HttpHeaders> requests,
            int containerPartition,
            List<Device> containers,
            int objectQuorum,
            @Nullable DeleteAtTarget deleteAt) {
        int n = requests.size();
        int updates = containerUpdateCount(containers.size(), n, objectQuorum);
        for (int i = 0; i < updates && !containers.isEmpty(); i++) {
            HttpHeaders h = requests.get(i % n);
            Device c = containers.get(i % containers.size());
            h.set("X-Container-Partition", Integer.toString(containerPartition));
            csvAppend(h, "X-Container-Host", hostPort(c));
            csvAppend(h, "X-Container-Device", c.device());
            if (deleteAt != null && !deleteAt.nodes().isEmpty()) {
                HttpHeaders d = requests.get(n - 1 - (i % n));
                Device dn = deleteAt.nodes().get(i % deleteAt.nodes().size());
                d.set("X-Delete-At-Container", deleteAt.container());
                d.set("X-Delete-At-Partition", Integer.toString(deleteAt.partition()));
                csvAppend(d, "X-Delete-At-Host", hostPort(dn));
                csvAppend(d, "X-Delete-At-Device", dn.device());
            }
        }
        for (int i = 0; i < n; i++) {
            HttpHeaders h = requests.get(i);
            if (!h.contains("X-Backend-Clean-Expiring-Object-Queue")) {
                h.set("X-Backend-Clean-Expiring-Object-Queue", i < 2 ? "t" : "f");
            }
        }
    }

    /**
     * Spreads account updates over a container write's requests (Swift's container {@code
     * _backend_requests}): account replica {@code i} goes to request {@code i mod n}.
     */
    public static void spreadAccountUpdates(List<HttpHeaders> requests, int accountPartition, List<Device> accounts) {
        int n = requests.size();
        for (HttpHeaders h : requests) {
            h.set("X-Account-Partition", Integer.toString(accountPartition));
        }
        for (int i = 0; i < accounts.size() && n > 0; i++) {
            HttpHeaders h = requests.get(i % n);
            csvAppend(h, "X-Account-Host", hostPort(accounts.get(i)));
            csvAppend(h, "X-Account-Device", accounts.get(i).device());
        }
    }

    /** {@code ip:port} as Swift formats {@code '%(ip)s:%(port)s'} (IPv6 bracketed as Cairn's ring prints). */
    public static String hostPort(Device d) {
        String ip = d.ip().indexOf(':') >= 0 ? "[" + d.ip() + "]" : d.ip();
        return ip + ":" + d.port();
    }

    private static void csvAppend(HttpHeaders h, String name, String value) {
        String existing = h.get(name);
        h.set(name, existing == null || existing.isEmpty() ? value : existing + "," + value);
    }

    private static boolean isHopByHop(String name) {
        return name.equalsIgnoreCase("Connection")
                || name.equalsIgnoreCase("Keep-Alive")
                || name.equalsIgnoreCase("Transfer-Encoding")
                || name.equalsIgnoreCase("Content-Length")
                || name.equalsIgnoreCase("Expect")
                || name.equalsIgnoreCase("Host")
                || name.equalsIgnoreCase("Upgrade")
                || name.equalsIgnoreCase("TE");
    }

    /**
     * Where an object's expirer-queue row goes (reference §8.2).
     *
     * @param container the task container, {@code %010d}
     * @param partition its partition in the container ring
     * @param nodes its container replicas
     */
    public record DeleteAtTarget(String container, int partition, List<Device> nodes) {
        /** Copies the list. */
        public DeleteAtTarget {
            nodes = List.copyOf(nodes);
        }
    }
}
