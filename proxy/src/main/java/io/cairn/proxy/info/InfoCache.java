package io.cairn.proxy.info;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

/**
 * The proxy's account and container info cache (Swift's {@code get_account_info} / {@code
 * get_container_info} with {@code recheck_*_existence}, reference §4.6): an existing entity is cached for
 * the TTL, a 404/410 for a tenth of it, anything else not at all. Concurrent misses for one key share one
 * backend HEAD, so a burst of PUTs into a container costs one HEAD per TTL, not one per request. A proxy
 * forgets an entry when it writes the entity itself ({@link #invalidateAccount}, {@link
 * #invalidateContainer}); other proxies may be stale for up to the TTL, as in Swift. Each map is bounded
 * ({@link #DEFAULT_MAXIMUM_SIZE} entries, least recently used out first), so requests for random account
 * names cannot grow the heap. A container's info completes only after its account's, so the account's
 * ACLs are cached whenever the container's are (tempauth's account-ACL check reads both).
 *
 * <p>Thread-safe.
 */
public final class InfoCache {
    /** Entries per map by default: a few MiB of heap at most. */
    public static final long DEFAULT_MAXIMUM_SIZE = 100_000;

    private final InfoSource source;
    private final AsyncCache<String, AccountInfo> accounts;
    private final AsyncCache<String, ContainerInfo> containers;

    /** How the cache fills a miss: backend HEADs (across replicas, with best-response rules). */
    public interface InfoSource {
        /** HEADs the account. */
        CompletableFuture<AccountInfo> headAccount(String account);

        /** HEADs the container (the account is known to exist or be autocreatable). */
        CompletableFuture<ContainerInfo> headContainer(String account, String container);
    }

    public InfoCache(InfoSource source, Duration accountTtl, Duration containerTtl, LongSupplier nanoClock) {
        this(source, accountTtl, containerTtl, nanoClock, DEFAULT_MAXIMUM_SIZE);
    }

    public InfoCache(
            InfoSource source, Duration accountTtl, Duration containerTtl, LongSupplier nanoClock, long maximumSize) {
        this.source = source;
        this.accounts = build(accountTtl, nanoClock, maximumSize, AccountInfo::status);
        this.containers = build(containerTtl, nanoClock, maximumSize, ContainerInfo::status);
    }

    private static <T> AsyncCache<String, T> build(
            Duration ttl, LongSupplier nanoClock, long maximumSize, ToIntFunction<T> status) {
        long ttlNanos = ttl.toNanos();
        return Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(nanoClock::getAsLong)
                // maintenance on the caller's thread: no pool, and tests see evictions at once
                .executor(Runnable::run)
                .expireAfter(new Expiry<String, T>() {
                    @Override
                    public long expireAfterCreate(String key, T value, long currentTime) {
                        int s = status.applyAsInt(value);
                        return s >= 200 && s < 300 ? ttlNanos : (s == 404 || s == 410) ? ttlNanos / 10 : 0;
                    }

                    @Override
                    public long expireAfterUpdate(String key, T value, long currentTime, long currentDuration) {
                        return expireAfterCreate(key, value, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, T value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .buildAsync();
    }

    /** The account's info, from the cache or a backend HEAD. */
    public CompletableFuture<AccountInfo> account(String account) {
        return accounts.get(account, (k, executor) -> source.headAccount(account));
    }

    /**
     * The container's info; status 0 when its account does not exist (and is not autocreatable), as Swift's
     * {@code get_container_info} answers without asking the container servers.
     */
    public CompletableFuture<ContainerInfo> container(String account, String container) {
        CompletableFuture<AccountInfo> a = account(account);
        if (a.isDone() && !a.isCompletedExceptionally()) {
            // the usual case, a cached account: no composed future per request
            return containerOf(a.join(), account, container);
        }
        return a.thenCompose(info -> containerOf(info, account, container));
    }

    private CompletableFuture<ContainerInfo> containerOf(AccountInfo a, String account, String container) {
        return containers.get(
                account + "/" + container,
                (k, executor) -> a.exists()
                        ? source.headContainer(account, container)
                        : CompletableFuture.completedFuture(ContainerInfo.missingAccount()));
    }

    /** Forgets the account (after this proxy wrote it). */
    public void invalidateAccount(String account) {
        accounts.synchronous().invalidate(account);
    }

    /** Forgets the container (after this proxy wrote it). */
    public void invalidateContainer(String account, String container) {
        containers.synchronous().invalidate(account + "/" + container);
    }
}
