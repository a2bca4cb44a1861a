package io.cairn.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ring.Device;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ErrorLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final ErrorLimiter limiter = new ErrorLimiter(2, Duration.ofSeconds(60), now::get);
    private final Device node = new Device(0, 1, 1, "127.0.0.1", 6200, "127.0.0.1", 6200, "sdb1", 1, "");

    @Test
    void shouldLimitOnlyWhenErrorsExceedLimit() {
        limiter.increment(node);
        limiter.increment(node);
        assertThat(limiter.isLimited(node)).isFalse();
        limiter.increment(node);
        assertThat(limiter.isLimited(node)).isTrue();
    }

    @Test
    void shouldLimitAtOnceWhenInsufficientStorage() {
        limiter.limit(node);
        assertThat(limiter.isLimited(node)).isTrue();
    }

    @Test
    void shouldForgetErrorsWhenIntervalPassed() {
        limiter.limit(node);
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(limiter.isLimited(node)).isFalse();
        limiter.increment(node);
        assertThat(limiter.isLimited(node)).isFalse();
    }
}
