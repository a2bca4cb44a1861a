package io.cairn.proxy.info;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The proxy's account and container info cache (Swift's {@code get_account_info} / {@code
 * get_container_info} with {@code recheck_*_existence}, reference §4.6): an existing entity is cached for
 * the TTL, a 404/410 for a tenth of it, anything else not at all. Concurrent misses for one key share one
 * backend HEAD, so a burst of PUTs into a container costs one HEAD per TTL, not one per request. A proxy
 * forgets an entry when it writes the entity itself ({@link #invalidateAccount}, {@link
 * #invalidateContainer}); other proxies may be stale for up to the TTL, as in Swift.
 *
 * <p>Thread-safe.
 */
public final class InfoCache {
    private final InfoSource source;
    private final long accountTtlNanos;
    private final long containerTtlNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Entry<AccountInfo>> accounts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Entry<ContainerInfo>> containers = new ConcurrentHashMap<>();

    /** How the cache fills a miss: backend HEADs (across replicas, with best-response rules). */
    public interface InfoSource {
        /** HEADs the account. */
        CompletableFuture<AccountInfo> headAccount(String account);

        /** HEADs the container (the account is known to exist or be autocreatable). */
        CompletableFuture<ContainerInfo> headContainer(String account, String container);
    }

    public InfoCache(InfoSource source, Duration accountTtl, Duration containerTtl, LongSupplier nanoClock) {
        this.source = source;
        this.accountTtlNanos = accountTtl.toNanos();
        this.containerTtlNanos = containerTtl.toNanos();
        this.nanoClock = nanoClock;
    }

    /** The account's info, from the cache or a backend HEAD. */
    public CompletableFuture<AccountInfo> account(String account) {
        return lookup(accounts, account, () -> source.headAccount(account), accountTtlNanos, AccountInfo::status);
    }

    /**
     * The container's info; status 0 when its account does not exist (and is not autocreatable), as Swift's
     * {@code get_container_info} answers without asking the container servers.
     */
    public CompletableFuture<ContainerInfo> container(String account, String container) {
        String key = account + "/" + container;
        return lookup(
                containers,
                key,
                () -> account(account)
                        .thenCompose(a -> a.exists()
                                ? source.headContainer(account, container)
                                : CompletableFuture.completedFuture(ContainerInfo.missingAccount())),
                containerTtlNanos,
                ContainerInfo::status);
    }

    /** Forgets the account (after this proxy wrote it). */
    public void invalidateAccount(String account) {
        accounts.remove(account);
    }

    /** Forgets the container (after this proxy wrote it). */
    public void invalidateContainer(String account, String container) {
        containers.remove(account + "/" + container);
    }

    private <T> CompletableFuture<T> lookup(
            ConcurrentHashMap<String, Entry<T>> map,
            String key,
            java.util.function.Supplier<CompletableFuture<T>> fetch,
            long ttlNanos,
            java.util.function.ToIntFunction<T> status) {
        long now = nanoClock.getAsLong();
        Entry<T> e = map.get(key);
        if (e != null && (e.expiresNanos == Long.MAX_VALUE ? true : now - e.expiresNanos < 0)) {
            return e.value;
        }
        CompletableFuture<T> fresh = new CompletableFuture<>();
        Entry<T> pending = new Entry<>(fresh, Long.MAX_VALUE);
        Entry<T> raced =
                e == null ? map.putIfAbsent(key, pending) : (map.replace(key, e, pending) ? null : map.get(key));
        if (raced != null) {
            return raced.value;
        }
        fetch.get().whenComplete((T value, @Nullable Throwable failure) -> {
            if (failure != null || value == null) {
                map.remove(key, pending);
                fresh.completeExceptionally(failure != null ? failure : new IllegalStateException("no info"));
                return;
            }
            int s = status.applyAsInt(value);
            long ttl = s >= 200 && s < 300 ? ttlNanos : (s == 404 || s == 410) ? ttlNanos / 10 : 0;
            if (ttl > 0) {
                map.replace(key, pending, new Entry<>(fresh, nanoClock.getAsLong() + ttl));
            } else {
                map.remove(key, pending);
            }
            fresh.complete(value);
        });
        return fresh;
    }

    /** A cached value, or a fetch in flight ({@code expiresNanos == Long.MAX_VALUE}). */
    private record Entry<T>(CompletableFuture<T> value, long expiresNanos) {}
}
