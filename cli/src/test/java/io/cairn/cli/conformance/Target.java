package io.cairn.cli.conformance;

import io.cairn.cli.RawHttp;
import io.cairn.common.codec.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One cluster shape the scenarios run against, as a proxy port: logs every {@link User} in, sends requests, and
 * returns the accounts a group touched to their empty state afterwards.
 *
 * <p>Not thread-safe: one test thread.
 */
final class Target {
    /** How long one request may take before its outcome is a timeout. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final String shape;
    private final int port;
    private final Map<User, String> tokens = new EnumMap<>(User.class);
    /** The object version ids answers named ({@code X-Object-Version-Id}), in order, for {@code {version:N}}. */
    private final List<String> versionIds = new ArrayList<>();

    private long requests;

    Target(String shape, int port) {
        this.shape = shape;
        this.port = port;
    }

    /** The shape's name as {@code known-differences.txt} uses it. */
    String shape() {
        return shape;
    }

    long requests() {
        return requests;
    }

    /** Gets a token for every user; fails if any login is refused. */
    void login() throws IOException {
        for (User u : User.values()) {
            if (u == User.ANON) {
                continue;
            }
            Outcome o = send(Req.get("/auth/v1.0")
                    .as(User.ANON)
                    .h("X-Auth-User", Objects.requireNonNull(u.login()))
                    .h("X-Auth-Key", Objects.requireNonNull(u.key())));
            RawHttp.Response r = o.response();
            String token = r == null ? null : r.header("X-Auth-Token");
            if (r == null || r.status() != 200 || token == null) {
                throw new IOException(shape + ": login of " + u.login() + " failed: " + describe(o));
            }
            tokens.put(u, token);
        }
    }

    private String token(User u) {
        return Objects.requireNonNullElse(tokens.get(u), "AUTH_tk-not-logged-in");
    }

    /** Sends {@code req}; a connection closed or timed out before a whole response becomes a failed outcome. */
    Outcome send(Req req) {
        requests++;
        byte[] bytes = req.bytes("127.0.0.1:" + port, this::token, this::expandVersions);
        try {
            RawHttp.Response r =
                    RawHttp.send(port, bytes, req.method().equals("HEAD"), req.halfClosed(), REQUEST_TIMEOUT);
            String id = r.header("X-Object-Version-Id");
            if (id != null && !id.equals("null") && !versionIds.contains(id)) {
                versionIds.add(id);
            }
            return Outcome.of(r);
        } catch (IOException e) {
            return Outcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** {@code {version:N}} → the N-th version id answered so far in this group (N from 0). */
    private String expandVersions(String text) {
        String out = text;
        for (int i = 0; i < versionIds.size() && out.contains("{version:"); i++) {
            out = out.replace("{version:" + i + "}", versionIds.get(i));
        }
        return out;
    }

    /**
     * Deletes every object and container of {@code accounts} and removes their metadata and account ACLs, as the
     * reseller admin through this proxy (so its caches see its own writes); returns what it could not do.
     */
    List<String> cleanUp(Collection<String> accounts) {
        List<String> problems = new ArrayList<>();
        for (String account : accounts) {
            for (int pass = 0; pass < 3; pass++) {
                List<String> containers = names("/v1/" + account, problems);
                if (containers.isEmpty()) {
                    break;
                }
                for (String c : containers) {
                    String path = "/v1/" + account + "/" + Texts.pathEncode(c);
                    removeVersions(path, problems);
                    for (String o : names(path, problems)) {
                        expect(Req.delete(path + "/" + Texts.pathEncode(o)).as(User.RESELLER), problems, 204, 404);
                    }
                    expect(Req.delete(path).as(User.RESELLER), problems, 204, 404);
                }
            }
            resetAccount(account, problems);
        }
        versionIds.clear();
        return problems;
    }

    /**
     * Turns versioning of both kinds off on {@code path} and deletes every version of its objects (delete markers
     * and the current ones included), so the container can go.
     */
    private void removeVersions(String path, List<String> problems) {
        expect(
                Req.post(path)
                        .as(User.RESELLER)
                        .h("X-Remove-Versions-Location", "x")
                        .h("X-Remove-History-Location", "x"),
                problems,
                204);
        Outcome o = send(Req.get(path + "?versions&format=json&limit=10000").as(User.RESELLER));
        RawHttp.Response r = o.response();
        if (r == null || r.status() != 200) {
            return;
        }
        try {
            Object parsed = Json.parse(new String(r.bodyBytes(), StandardCharsets.UTF_8));
            if (parsed instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> m
                            && m.get("name") instanceof String name
                            && m.get("version_id") instanceof String id
                            && !id.equals("null")) {
                        expect(
                                Req.delete(path + "/" + Texts.pathEncode(name) + "?version-id=" + id)
                                        .as(User.RESELLER),
                                problems,
                                204,
                                404);
                    }
                }
            }
        } catch (Json.JsonException e) {
            problems.add(shape + ": versions listing " + path + " is not JSON: " + e.getMessage());
        }
    }

    /**
     * What is left in {@code accounts} as this proxy sees it: containers ({@code account/container}), account
     * metadata and ACLs ({@code account: header}); empty when clean.
     */
    List<String> residue(Collection<String> accounts) {
        List<String> left = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String account : accounts) {
            for (String c : names("/v1/" + account, problems)) {
                left.add(account + "/" + c);
            }
            RawHttp.Response r =
                    send(Req.head("/v1/" + account).as(User.RESELLER)).response();
            if (r != null) {
                for (Map.Entry<String, String> h : r.headers()) {
                    String name = h.getKey().toLowerCase(Locale.ROOT);
                    if (name.startsWith("x-account-meta-") || name.equals("x-account-access-control")) {
                        left.add(account + ": " + h.getKey());
                    }
                }
            }
        }
        left.addAll(problems);
        return left;
    }

    private void resetAccount(String account, List<String> problems) {
        Outcome head = send(Req.head("/v1/" + account).as(User.RESELLER));
        RawHttp.Response r = head.response();
        if (r == null) {
            problems.add(shape + ": HEAD /v1/" + account + ": " + head.error());
            return;
        }
        List<String> removals = new ArrayList<>();
        for (Map.Entry<String, String> h : r.headers()) {
            if (h.getKey().toLowerCase(Locale.ROOT).startsWith("x-account-meta-")) {
                removals.add("X-Remove-Account-Meta-" + h.getKey().substring("x-account-meta-".length()));
            }
        }
        // the ACL is reset even when HEAD does not show it: a proxy may store ACLs it does not show
        for (int i = 0; i == 0 || i < removals.size(); i += 40) {
            Req post = Req.post("/v1/" + account).as(User.RESELLER);
            for (String removal : removals.subList(i, Math.min(removals.size(), i + 40))) {
                post.h(removal, "x");
            }
            if (i == 0) {
                post.h("X-Account-Access-Control", "");
            }
            expect(post, problems, 204);
        }
    }

    /** The names a JSON listing of {@code path} holds (up to 10,000). */
    private List<String> names(String path, List<String> problems) {
        Outcome o = send(Req.get(path + "?format=json&limit=10000").as(User.RESELLER));
        RawHttp.Response r = o.response();
        List<String> names = new ArrayList<>();
        if (r == null || (r.status() != 200 && r.status() != 204 && r.status() != 404)) {
            problems.add(shape + ": listing " + path + ": " + describe(o));
            return names;
        }
        if (r.status() != 200) {
            return names;
        }
        try {
            Object parsed = Json.parse(new String(r.bodyBytes(), StandardCharsets.UTF_8));
            if (parsed instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> m && m.get("name") instanceof String name) {
                        names.add(name);
                    }
                }
            }
        } catch (Json.JsonException e) {
            problems.add(shape + ": listing " + path + " is not JSON: " + e.getMessage());
        }
        return names;
    }

    private void expect(Req req, List<String> problems, int... statuses) {
        Outcome o = send(req);
        for (int s : statuses) {
            if (o.status() == s) {
                return;
            }
        }
        problems.add(shape + ": " + req.label() + ": " + describe(o));
    }

    static String describe(Outcome o) {
        RawHttp.@Nullable Response r = o.response();
        return r == null ? String.valueOf(o.error()) : r.statusLine() + " " + Texts.shorten(Texts.escape(r.body()));
    }
}
