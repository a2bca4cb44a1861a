package io.cairn.replicator.ssync;

import java.time.Duration;

/**
 * The object replicator's timeouts as Swift's sender uses them: {@code conn_timeout} to connect, {@code
 * node_timeout} for every send and for the response head, {@code http_timeout} for every response line.
 * Immutable.
 */
public record SsyncTimeouts(Duration connTimeout, Duration nodeTimeout, Duration httpTimeout) {
    public SsyncTimeouts {
        for (Duration d : new Duration[] {connTimeout, nodeTimeout, httpTimeout}) {
            if (d.isNegative() || d.isZero() || d.toMillis() < 1) {
                throw new IllegalArgumentException("ssync timeouts must be at least 1 ms, not " + d);
            }
        }
    }

    /** Swift's object replicator defaults: conn_timeout 0.5 s, node_timeout 10 s, http_timeout 60 s. */
    public static SsyncTimeouts defaults() {
        return new SsyncTimeouts(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(60));
    }
}
