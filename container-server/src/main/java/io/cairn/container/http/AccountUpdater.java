package io.cairn.container.http;

import io.cairn.common.http.BackendClient;
import io.cairn.common.http.BackendRequest;
import io.cairn.common.http.BackendResponse;
import io.cairn.common.path.HashPath;
import io.cairn.container.db.ContainerBroker;
import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code account_update}: after a container PUT or DELETE, sends {@code PUT /<adev>/<apart>/<a>/<c>}
 * with the container's current stats to every account server named by {@code X-Account-Host} /
 * {@code X-Account-Device} (comma lists) and {@code X-Account-Partition}, waiting at most
 * {@code node_timeout} for each. The result is Swift's: 400 when the host and device lists differ in
 * length, 404 when every account server answered 404, otherwise null (other failures are logged; the
 * account updater daemon catches up later).
 *
 * <p>Thread-safe (the backend client is).
 */
public final class AccountUpdater {
    private static final Logger LOG = System.getLogger(AccountUpdater.class.getName());

    private final BackendClient client;
    private final Duration nodeTimeout;
    private final String userAgent;

    private final Supplier<@Nullable Ring> accountRing;
    private final @Nullable HashPath hashPath;

    public AccountUpdater(BackendClient client, Duration nodeTimeout) {
        this(client, nodeTimeout, () -> null, null);
    }

    /**
     * @param accountRing the account ring (null when there is none), for {@link #reportAutocreated}
     * @param hashPath the cluster's hash path prefix/suffix, with the ring
     */
    public AccountUpdater(
            BackendClient client,
            Duration nodeTimeout,
            Supplier<@Nullable Ring> accountRing,
            @Nullable HashPath hashPath) {
        this.client = client;
        this.nodeTimeout = nodeTimeout;
        this.userAgent = "container-server " + ProcessHandle.current().pid();
        this.accountRing = accountRing;
        this.hashPath = hashPath;
    }

    /**
     * Cairn: reports a container this server just auto-created for an object row (an account under {@code
     * auto_create_account_prefix}: the expirer queue's task containers) to every replica of its account at once,
     * as the container updater would on its next pass — Swift leaves it to that pass, so a new task container is
     * not listed (and not expired) for up to the updater's {@code interval}. Best effort: failures are logged and
     * the container updater reports it later. Never completes exceptionally.
     */
    CompletableFuture<Void> reportAutocreated(ContainerRequest req, Map<String, @Nullable Object> info) {
        Ring ring;
        try {
            ring = accountRing.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "no account ring to report " + req.account() + "/" + req.container() + ": " + e);
            return CompletableFuture.completedFuture(null);
        }
        HashPath hp = hashPath;
        if (ring == null || hp == null) {
            return CompletableFuture.completedFuture(null);
        }
        int part = ring.partition(hp, req.account(), null, null);
        List<CompletableFuture<Boolean>> sent = new ArrayList<>();
        for (Device d : ring.primaries(part)) {
            sent.add(sendOne(
                    req,
                    info,
                    (d.replicationIp().indexOf(':') >= 0 ? "[" + d.replicationIp() + "]" : d.replicationIp()) + ":"
                            + d.replicationPort(),
                    d.device(),
                    Integer.toString(part)));
        }
        return CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0]));
    }

    /**
     * Cairn: reports an auto-created container that was deleted and has just been given a row again, with its
     * current stats and at least one object (so the account lists it again), as {@link #reportAutocreated} does for
     * a new one; the container updater reports the exact stats on its pass. Best effort; never completes
     * exceptionally.
     */
    CompletableFuture<Void> reportRevived(ContainerRequest req, ContainerBroker broker) {
        Map<String, @Nullable Object> info;
        try {
            info = broker.info();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot read " + req.account() + "/" + req.container() + " to report it: " + e);
            return CompletableFuture.completedFuture(null);
        }
        // the row may still be in the DB's pending file: the stats need not count it yet, but the account must see
        // at least one object, or a container whose delete is newer than its put stays listed as deleted
        Map<String, @Nullable Object> reported = new HashMap<>(info);
        Object count = info.get("object_count");
        if (!(count instanceof Number n) || n.longValue() < 1) {
            reported.put("object_count", 1);
        }
        return reportAutocreated(req, reported);
    }

    /** Sends the updates; completes with the response to give instead of the operation's own, or null. */
    CompletableFuture<@Nullable SwiftResponse> update(ContainerRequest req, Map<String, @Nullable Object> info) {
        List<String> hosts = csv(req.headers().get("X-Account-Host", ""));
        List<String> devices = csv(req.headers().get("X-Account-Device", ""));
        String partition = req.headers().get("X-Account-Partition", "");
        if (hosts.size() != devices.size()) {
            LOG.log(
                    Level.ERROR,
                    "ERROR Account update failed: different numbers of hosts and devices in request: \""
                            + req.headers().get("X-Account-Host", "") + "\" vs \""
                            + req.headers().get("X-Account-Device", "") + "\"");
            return CompletableFuture.completedFuture(SwiftResponse.of(400));
        }
        if (partition.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<Boolean>> notFound = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            notFound.add(sendOne(req, info, hosts.get(i), devices.get(i), partition));
        }
        return CompletableFuture.allOf(notFound.toArray(new CompletableFuture<?>[0]))
                .thenApply(done -> {
                    for (CompletableFuture<Boolean> f : notFound) {
                        if (!f.join()) {
                            return null;
                        }
                    }
                    return SwiftResponse.of(404);
                });
    }

    /** One account server; completes with whether it answered 404 (never exceptionally). */
    private CompletableFuture<Boolean> sendOne(
            ContainerRequest req, Map<String, @Nullable Object> info, String host, String device, String partition) {
        int colon = host.lastIndexOf(':');
        if (colon < 0) {
            LOG.log(Level.ERROR, "ERROR account update failed with " + host + "/" + device + ": no port");
            return CompletableFuture.completedFuture(false);
        }
        String ip = host.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(host.substring(colon + 1));
        } catch (NumberFormatException e) {
            LOG.log(Level.ERROR, "ERROR account update failed with " + host + "/" + device + ": bad port");
            return CompletableFuture.completedFuture(false);
        }
        if (ip.startsWith("[") && ip.endsWith("]")) {
            ip = ip.substring(1, ip.length() - 1);
        }
        String path = WirePaths.quote("/" + device + "/" + partition + "/" + req.account() + "/" + req.container());
        BackendRequest put = BackendRequest.of(
                ip, port, HttpMethod.PUT, path, headers(req, info, req.headers().get("X-Trans-Id")));
        String where = ip + ":" + port + "/" + device;
        return client.send(put, nodeTimeout).handle((BackendResponse r, @Nullable Throwable t) -> {
            if (t != null) {
                LOG.log(Level.ERROR, "ERROR account update failed with " + where + " (will retry later): " + t);
                return false;
            }
            if (r.status() == 404) {
                return true;
            }
            if (!r.isSuccess()) {
                LOG.log(
                        Level.ERROR,
                        "ERROR Account update failed with " + where + " (will retry later): Response " + r.status());
            }
            return false;
        });
    }

    private HttpHeaders headers(ContainerRequest req, Map<String, @Nullable Object> info, @Nullable String transId) {
        HttpHeaders h = new DefaultHttpHeaders();
        h.set("X-Put-Timestamp", String.valueOf(info.get("put_timestamp")));
        h.set("X-Delete-Timestamp", String.valueOf(info.get("delete_timestamp")));
        h.set("X-Object-Count", String.valueOf(info.get("object_count")));
        h.set("X-Bytes-Used", String.valueOf(info.get("bytes_used")));
        h.set("X-Trans-Id", transId == null ? "-" : transId);
        h.set("X-Backend-Storage-Policy-Index", String.valueOf(info.get("storage_policy_index")));
        h.set("User-Agent", userAgent);
        h.set("Referer", req.method().name() + " http://localhost/" + req.device() + "/" + req.partition());
        String override = req.headers().get("X-Account-Override-Deleted", "no");
        if (override.toLowerCase(Locale.ROOT).equals("yes")) {
            h.set("X-Account-Override-Deleted", "yes");
        }
        return h;
    }

    private static List<String> csv(String value) {
        List<String> out = new ArrayList<>();
        for (String s : value.split(",", -1)) {
            out.add(s.strip());
        }
        return out;
    }
}
