package io.cairn.proxy.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.IniFile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Swift 2.30.1's ratelimit arithmetic with an injected clock: the expected rates by container size are what
 * Swift's {@code interpret_conf_limits}/{@code get_maxrate} give for the same settings.
 */
class RateLimitTest {
    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        final AtomicLong millis = new AtomicLong(1_700_000_000_000L);

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        long nanos() {
            return millis.get() * 1_000_000L;
        }
    }

    private static RateLimitConfig config(String settings, List<String> warnings) {
        return RateLimitConfig.from(
                IniFile.parse("[filter:ratelimit]\nuse = egg:swift#ratelimit\n" + settings, "proxy-server.conf")
                        .section("filter:ratelimit"),
                warnings);
    }

    private static RateLimitConfig config(String settings) {
        List<String> warnings = new ArrayList<>();
        RateLimitConfig c = config(settings, warnings);
        assertThat(warnings).isEmpty();
        return c;
    }

    @Test
    void shouldUseSwiftsDefaults() {
        RateLimitConfig c = config("");
        assertThat(c.accountRatelimit()).isZero();
        assertThat(c.maxSleepSeconds()).isEqualTo(60.0);
        assertThat(c.logSleepSeconds()).isZero();
        assertThat(c.clockAccuracy()).isEqualTo(1000);
        assertThat(c.rateBufferSeconds()).isEqualTo(5);
        assertThat(c.containerLimits().points()).isEmpty();
        Map<String, Object> info = new LinkedHashMap<>();
        new RateLimit(c, RateLimit.countersFor(c), Clock.systemUTC()).registerInfo(info);
        assertThat(info)
                .isEqualTo(Map.of(
                        "ratelimit",
                        Map.of(
                                "account_ratelimit",
                                0.0,
                                "max_sleep_time_seconds",
                                60.0,
                                "container_ratelimits",
                                List.of(),
                                "container_listing_ratelimits",
                                List.of())));
    }

    @Test
    void shouldInterpolateContainerRatesBySizeAsSwift() {
        RateLimitConfig c = config("container_ratelimit_0 = 100\ncontainer_ratelimit_10 = 50\n"
                + "container_ratelimit_50 = 20\ncontainer_listing_ratelimit_5 = 7\n");
        assertThat(c.containerLimits().info())
                .isEqualTo(List.of(List.of(0L, 100.0), List.of(10L, 50.0), List.of(50L, 20.0)));
        long[] sizes = {0, 1, 5, 10, 30, 50, 1000};
        Double[] swift = {null, 95.0, 75.0, 10 * 5.0, 35.0, 20.0, 20.0};
        for (int i = 0; i < sizes.length; i++) {
            assertThat(c.containerLimits().maxRate(sizes[i]))
                    .as("size %d", sizes[i])
                    .isEqualTo(swift[i]);
        }
        assertThat(c.listingLimits().maxRate(4)).isNull();
        assertThat(c.listingLimits().maxRate(5)).isEqualTo(7.0);
        assertThat(c.listingLimits().maxRate(99)).isEqualTo(7.0);
    }

    @Test
    void shouldRefuseBadNumbersAndWarnOfDeprecatedLists() {
        assertThatThrownBy(() -> config("account_ratelimit = fast\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("account_ratelimit");
        assertThatThrownBy(() -> config("container_ratelimit_big = 3\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("container_ratelimit_big");
        List<String> warnings = new ArrayList<>();
        RateLimitConfig c = config("account_whitelist = a, b,,\naccount_blacklist = c\nmax_sleep = 3\n", warnings);
        assertThat(c.whitelist()).containsExactly("a", "b");
        assertThat(c.blacklist()).containsExactly("c");
        assertThat(warnings).containsExactly("[filter:ratelimit] unknown key max_sleep");
    }

    @Test
    void shouldSpaceRequestsOutAndRefuseThoseThatWouldWaitTooLong() {
        HandClock clock = new HandClock();
        RateLimitConfig c = config("max_sleep_time_seconds = 1\n");
        RateLimiter limiter = new RateLimiter(c, new RateCounters(Duration.ofMinutes(1), 100, clock::nanos), clock);
        // 10 a second: 0.1 s apart; the first goes at once
        for (int k = 0; k < 10; k++) {
            RateLimiter.Wait w = limiter.take("ratelimit/a", 10);
            assertThat(w.refused()).isFalse();
            assertThat(w.sleepSeconds()).isEqualTo(k * 0.1, org.assertj.core.data.Offset.offset(1e-9));
        }
        // the 11th would wait a full second (max_sleep_time_seconds): 498, and its share is given back
        assertThat(limiter.take("ratelimit/a", 10)).isEqualTo(new RateLimiter.Wait(1.0, true));
        assertThat(limiter.take("ratelimit/a", 10)).isEqualTo(new RateLimiter.Wait(1.0, true));
        // another key is not affected
        assertThat(limiter.take("ratelimit/b", 10)).isEqualTo(new RateLimiter.Wait(0, false));
        clock.millis.addAndGet(500);
        assertThat(limiter.take("ratelimit/a", 10)).isEqualTo(new RateLimiter.Wait(0.5, false));
    }

    @Test
    void shouldForgetABacklogOlderThanTheRateBuffer() {
        HandClock clock = new HandClock();
        RateLimitConfig c = config("rate_buffer_seconds = 2\n");
        RateLimiter limiter = new RateLimiter(c, new RateCounters(Duration.ofMinutes(1), 100, clock::nanos), clock);
        for (int k = 0; k < 5; k++) {
            limiter.take("k", 1);
        }
        assertThat(limiter.take("k", 1).sleepSeconds()).isEqualTo(5.0);
        // 1 a second for 20 s unused: within the 2 s buffer the unused time is a burst allowance, no more
        clock.millis.addAndGet(26_000);
        assertThat(limiter.take("k", 1).sleepSeconds()).isZero();
        assertThat(limiter.take("k", 1).sleepSeconds()).isEqualTo(1.0);
    }

    @Test
    void shouldShareCountersBetweenProxiesOfAProcessAndDropIdleOnes() {
        HandClock clock = new HandClock();
        RateLimitConfig c = config("");
        RateCounters shared = new RateCounters(Duration.ofSeconds(70), 100, clock::nanos);
        RateLimiter one = new RateLimiter(c, shared, clock);
        RateLimiter two = new RateLimiter(c, shared, clock);
        assertThat(one.take("ratelimit/a/c", 2).sleepSeconds()).isZero();
        assertThat(two.take("ratelimit/a/c", 2).sleepSeconds()).isEqualTo(0.5);
        assertThat(shared.size()).isEqualTo(1);
        clock.millis.addAndGet(71_000);
        assertThat(shared.size()).isZero();
        assertThat(two.take("ratelimit/a/c", 2).sleepSeconds()).isZero();
    }

    @Test
    void shouldPickTheKeysSwiftChecksInItsOrder() {
        RateLimitConfig c =
                config("account_ratelimit = 3\ncontainer_ratelimit_10 = 5\ncontainer_listing_ratelimit_10 = 8\n");
        RateLimit rl = new RateLimit(c, RateLimit.countersFor(c), Clock.systemUTC());
        assertThat(rl.keysFor("PUT", "AUTH_a", "c", null, 0, null))
                .containsExactly(new RateLimit.Key("ratelimit/AUTH_a", 3));
        assertThat(rl.keysFor("POST", "AUTH_a", "c", null, 0, null)).isEmpty();
        assertThat(rl.keysFor("PUT", "AUTH_a", "c", "o", 9, null)).isEmpty();
        assertThat(rl.keysFor("COPY", "AUTH_a", "c", "o", 10, "2.5"))
                .containsExactly(
                        new RateLimit.Key("ratelimit/AUTH_a/c", 5),
                        new RateLimit.Key("ratelimit/global-write/AUTH_a", 2.5));
        assertThat(rl.keysFor("GET", "AUTH_a", "c", "o", 100, "2.5")).isEmpty();
        assertThat(rl.keysFor("GET", "AUTH_a", "c", null, 100, null))
                .containsExactly(new RateLimit.Key("ratelimit_listing/AUTH_a/c", 8));
        assertThat(rl.keysFor("HEAD", "AUTH_a", "c", null, 100, null)).isEmpty();
        assertThat(rl.keysFor("POST", "AUTH_a", null, null, 0, "fast"))
                .as("not a number: ignored")
                .isEmpty();
        assertThat(rl.keysFor("DELETE", "AUTH_a", null, null, 0, "-1")).isEmpty();
    }

    @Test
    void shouldAnswerWithSwiftsStatusLinesAndBodies() {
        var slow = RateLimit.slowDown();
        assertThat(slow.status().code()).isEqualTo(498);
        assertThat(slow.status().reasonPhrase()).isEqualTo("Rate Limited");
        assertThat(slow.content().toString(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("Slow down");
        assertThat(slow.headers().get("Content-Type")).isEqualTo("text/html; charset=UTF-8");
        slow.release();
        var black = RateLimit.blacklisted();
        assertThat(black.status().toString()).isEqualTo("497 Blacklisted");
        assertThat(black.content().toString(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("Your account has been blacklisted");
        black.release();
    }
}
