package io.cairn.object.update;

import io.cairn.common.time.Timestamp;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One container update to replay later: the dict Swift's {@code ObjectController.async_update} pickles
 * ({@code op}, {@code account}, {@code container}, {@code obj}, {@code headers}, optional {@code
 * container_path}). {@code headers} are the update's headers ({@code X-Size}, {@code X-Etag}, …) as
 * wire strings; {@link #timestamp()} names the file ({@code X-Meta-Timestamp}, else {@code X-Timestamp}).
 * {@link #successes()} is the updater's {@code successes} list: ids (in the container ring) of the
 * container replicas that already accepted the update, so a retry skips them.
 *
 * <p>Thread-safety: immutable.
 */
public final class AsyncUpdate {
    private final String op;
    private final String account;
    private final String container;
    private final String object;
    private final Map<String, String> headers;
    private final @Nullable String containerPath;
    private final List<Integer> successes;

    /** An update no container replica has accepted yet. */
    public AsyncUpdate(
            String op,
            String account,
            String container,
            String object,
            Map<String, String> headers,
            @Nullable String containerPath) {
        this(op, account, container, object, headers, containerPath, List.of());
    }

    /** @param successes container ring device ids that already accepted the update (Swift's {@code successes}) */
    public AsyncUpdate(
            String op,
            String account,
            String container,
            String object,
            Map<String, String> headers,
            @Nullable String containerPath,
            List<Integer> successes) {
        if (!op.equals("PUT") && !op.equals("DELETE")) {
            throw new IllegalArgumentException("async update op must be PUT or DELETE, not " + op);
        }
        this.op = op;
        this.account = account;
        this.container = container;
        this.object = object;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.containerPath = containerPath;
        this.successes = List.copyOf(successes);
        timestamp(); // validates that the headers carry a timestamp
    }

    public String op() {
        return op;
    }

    public String account() {
        return account;
    }

    public String container() {
        return container;
    }

    public String object() {
        return object;
    }

    /** Unmodifiable, insertion order. */
    public Map<String, String> headers() {
        return headers;
    }

    public @Nullable String containerPath() {
        return containerPath;
    }

    /** Container ring device ids that already accepted this update, in the order they did; unmodifiable. */
    public List<Integer> successes() {
        return successes;
    }

    /** This update with {@code successes} replaced. */
    public AsyncUpdate withSuccesses(List<Integer> newSuccesses) {
        return new AsyncUpdate(op, account, container, object, headers, containerPath, newSuccesses);
    }

    /** {@code X-Meta-Timestamp} if present, else {@code X-Timestamp} (header names case-insensitive). */
    public Timestamp timestamp() {
        String meta = header("X-Meta-Timestamp");
        String ts = meta != null ? meta : header("X-Timestamp");
        if (ts == null) {
            throw new IllegalArgumentException("async update headers carry no X-Timestamp: " + headers.keySet());
        }
        return Timestamp.parse(ts);
    }

    /** A header by case-insensitive name, or null. */
    public @Nullable String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (!(o instanceof AsyncUpdate u)) {
            return false;
        }
        return op.equals(u.op)
                && account.equals(u.account)
                && container.equals(u.container)
                && object.equals(u.object)
                && headers.equals(u.headers)
                && java.util.Objects.equals(containerPath, u.containerPath)
                && successes.equals(u.successes);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(op, account, container, object, headers, containerPath, successes);
    }

    @Override
    public String toString() {
        return "AsyncUpdate{" + op + " /" + account + "/" + container + "/" + object + " " + headers
                + (successes.isEmpty() ? "" : " successes=" + successes) + "}";
    }
}
