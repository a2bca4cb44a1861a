package io.cairn.proxy.ratelimit;

import io.cairn.proxy.info.AccountInfo;
import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.swift.Answer;
import io.cairn.proxy.swift.Deferred;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Middleware;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code ratelimit} filter on the application seam, above {@code copy} (it sees a COPY as a COPY). For
 * each request it reads the account's {@code global-write-ratelimit} sysmeta (the proxy's info cache, as
 * Swift's {@code get_account_info}): a whitelisted account goes on, a blacklisted one gets 497 after a second;
 * otherwise each rate that applies ({@link #keysFor}) is taken in turn, and the request is held on its event
 * loop's scheduler for as long as Swift would sleep, or refused with 498 {@code Slow down} when that reaches
 * {@code max_sleep_time_seconds}. The event loop is never blocked.
 *
 * <p>Immutable (the counters are shared and thread-safe); its operations are confined to the exchange's event
 * loop.
 */
public final class RateLimit implements Middleware {
    private static final Logger LOG = System.getLogger(RateLimit.class.getName());
    /** Swift's {@code BLACK_LIST_SLEEP}: a blacklisted account's answer waits this long. */
    static final Duration BLACKLIST_SLEEP = Duration.ofSeconds(1);

    private final RateLimitConfig config;
    private final RateLimiter limiter;

    public RateLimit(RateLimitConfig config, RateCounters counters, Clock clock) {
        this.config = config;
        this.limiter = new RateLimiter(config, counters, clock);
    }

    /** Counters for one proxy process, kept as long as any of them can still matter. */
    public static RateCounters countersFor(RateLimitConfig config) {
        double keepSeconds = Math.min(config.maxSleepSeconds() + config.rateBufferSeconds() + 1, 86_400);
        return new RateCounters(
                Duration.ofMillis((long) (Math.max(keepSeconds, 1) * 1000)),
                RateCounters.DEFAULT_MAXIMUM_SIZE,
                System::nanoTime);
    }

    /** Above copy, and so also before auth: {@link Middleware#afterAuth}'s default follows this. */
    @Override
    public boolean aboveCopy() {
        return true;
    }

    @Override
    public void registerInfo(Map<String, Object> info) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("account_ratelimit", config.accountRatelimit());
        section.put("max_sleep_time_seconds", config.maxSleepSeconds());
        section.put("container_ratelimits", config.containerLimits().info());
        section.put("container_listing_ratelimits", config.listingLimits().info());
        info.put("ratelimit", section);
    }

    @Override
    public @Nullable Operation operationFor(Exchange ex, SwiftApp next) {
        CompletableFuture<AccountInfo> account =
                ex.services().infoCache().account(ex.path().account());
        return Deferred.when(ex, account, () -> afterAccount(ex, next, Deferred.resultOf(account)));
    }

    private @Nullable Operation afterAccount(Exchange ex, SwiftApp next, @Nullable AccountInfo info) {
        String accountName = ex.path().account();
        String global = info == null ? null : info.sysmeta().get("global-write-ratelimit");
        if (config.whitelist().contains(accountName) || "WHITELIST".equals(global)) {
            return next.operationFor(ex);
        }
        if (config.blacklist().contains(accountName) || "BLACKLIST".equals(global)) {
            LOG.log(Level.ERROR, "Returning 497 because of blacklisting: {0}", accountName);
            return Deferred.when(ex, after(ex, BLACKLIST_SLEEP.toNanos()), () -> Answer.now(ex, blacklisted()));
        }
        if (!needsContainerSize(ex)) {
            return limit(ex, next, keysFor(ex, 0, global), 0);
        }
        SwiftPath p = ex.path();
        CompletableFuture<ContainerInfo> container =
                ex.services().infoCache().container(p.account(), p.containerName());
        return Deferred.when(ex, container, () -> {
            ContainerInfo ci = Deferred.resultOf(container);
            return limit(ex, next, keysFor(ex, ci == null ? 0 : ci.objectCount(), global), 0);
        });
    }

    /** Whether a rate by container size may apply (Swift reads the container's info then; nothing else does). */
    private boolean needsContainerSize(Exchange ex) {
        SwiftPath p = ex.path();
        String m = ex.method().name();
        if (p.container() == null) {
            return false;
        }
        if (p.object() != null) {
            return isWrite(m) && !config.containerLimits().points().isEmpty();
        }
        return m.equals("GET") && !config.listingLimits().points().isEmpty();
    }

    /** One rate to take: the counter's key and the requests per second it allows. */
    record Key(String name, double maxRate) {}

    /** Swift's {@code get_ratelimitable_key_tuples}, in the order they are checked. */
    List<Key> keysFor(Exchange ex, long containerSize, @Nullable String globalRatelimit) {
        SwiftPath p = ex.path();
        return keysFor(ex.method().name(), p.account(), p.container(), p.object(), containerSize, globalRatelimit);
    }

    List<Key> keysFor(
            String method,
            String account,
            @Nullable String container,
            @Nullable String object,
            long containerSize,
            @Nullable String globalRatelimit) {
        List<Key> keys = new ArrayList<>();
        if (config.accountRatelimit() != 0
                && container != null
                && object == null
                && (method.equals("PUT") || method.equals("DELETE"))) {
            keys.add(new Key("ratelimit/" + account, config.accountRatelimit()));
        }
        if (container != null && object != null && isWrite(method)) {
            addBySize(keys, "ratelimit/" + account + "/" + container, config.containerLimits(), containerSize);
        }
        if (container != null && object == null && method.equals("GET")) {
            addBySize(keys, "ratelimit_listing/" + account + "/" + container, config.listingLimits(), containerSize);
        }
        Key global = globalWriteKey(method, account, globalRatelimit);
        if (global != null) {
            keys.add(global);
        }
        return keys;
    }

    private static void addBySize(List<Key> keys, String name, RateLimitConfig.SizeRates rates, long size) {
        Double rate = rates.maxRate(size);
        if (rate != null && rate != 0) {
            keys.add(new Key(name, rate));
        }
    }

    /** The account's own write rate, {@code X-Account-Sysmeta-Global-Write-Ratelimit}, when it is a number. */
    private static @Nullable Key globalWriteKey(String method, String account, @Nullable String globalRatelimit) {
        if (!isWrite(method) || globalRatelimit == null || globalRatelimit.isEmpty()) {
            return null;
        }
        try {
            double rate = RateLimitConfig.parseFloat(globalRatelimit);
            return rate > 0 ? new Key("ratelimit/global-write/" + account, rate) : null;
        } catch (NumberFormatException e) {
            return null; // Swift ignores a global rate that is not a number (WHITELIST and BLACKLIST were handled)
        }
    }

    private static boolean isWrite(String method) {
        return method.equals("PUT") || method.equals("DELETE") || method.equals("POST") || method.equals("COPY");
    }

    /** Takes {@code keys} from {@code index} on, holding the request as long as each says; then goes on. */
    private @Nullable Operation limit(Exchange ex, SwiftApp next, List<Key> keys, int index) {
        if (index == keys.size()) {
            return next.operationFor(ex);
        }
        Key key = keys.get(index);
        RateLimiter.Wait wait = limiter.take(key.name(), key.maxRate());
        if (wait.refused()) {
            SwiftPath p = ex.path();
            LOG.log(
                    Level.ERROR,
                    "Returning 498 for {0} to {1}. Ratelimit (Max Sleep) Max Sleep Time Exceeded: {2}",
                    ex.method().name(),
                    p.backendPath().substring(1),
                    String.format(Locale.ROOT, "%.2f", wait.sleepSeconds()));
            return Answer.now(ex, slowDown());
        }
        if (config.logSleepSeconds() != 0 && wait.sleepSeconds() > config.logSleepSeconds()) {
            LOG.log(
                    Level.WARNING,
                    "Ratelimit sleep log: {0} for {1}",
                    wait.sleepSeconds(),
                    ex.path().backendPath());
        }
        if (wait.sleepSeconds() <= 0) {
            return limit(ex, next, keys, index + 1);
        }
        long nanos = (long) (wait.sleepSeconds() * 1e9);
        return Deferred.when(ex, after(ex, nanos), () -> limit(ex, next, keys, index + 1));
    }

    /** Completes after {@code nanos} on the exchange's event loop's scheduler (Swift's {@code eventlet.sleep}). */
    private static CompletableFuture<Void> after(Exchange ex, long nanos) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ex.eventLoop().schedule(() -> done.complete(null), nanos, TimeUnit.NANOSECONDS);
        return done;
    }

    /** Swift's {@code Response(status='498 Rate Limited', body='Slow down')}. */
    static FullHttpResponse slowDown() {
        FullHttpResponse r = SwiftResponses.withText(498, "Slow down");
        r.setStatus(new HttpResponseStatus(498, "Rate Limited"));
        return r;
    }

    /** Swift's {@code Response(status='497 Blacklisted', body='Your account has been blacklisted')}. */
    static FullHttpResponse blacklisted() {
        FullHttpResponse r = SwiftResponses.withText(497, "Your account has been blacklisted");
        r.setStatus(new HttpResponseStatus(497, "Blacklisted"));
        return r;
    }
}
