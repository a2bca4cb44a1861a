package io.cairn.object.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(10), Duration.ofSeconds(35));
    private final Path file = Path.of("/dev/sda/async_pending/abc/x-1");

    @Test
    void shouldDoubleTheWaitUpToTheCapWhenAttemptsKeepFailing() {
        assertThat(backoff.isDue(file, T0)).isTrue();
        assertThat(backoff.failed(file, T0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.isDue(file, T0.plusSeconds(9))).isFalse();
        assertThat(backoff.isDue(file, T0.plusSeconds(10))).isTrue();
        assertThat(backoff.failed(file, T0.plusSeconds(10))).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.failed(file, T0.plusSeconds(30))).isEqualTo(Duration.ofSeconds(35));
        assertThat(backoff.failed(file, T0.plusSeconds(65))).isEqualTo(Duration.ofSeconds(35));
        assertThat(backoff.isDue(file, T0.plusSeconds(99))).isFalse();
        assertThat(backoff.isDue(file, T0.plusSeconds(100))).isTrue();
    }

    @Test
    void shouldStartOverWhenTheFileWasForgotten() {
        backoff.failed(file, T0);
        backoff.failed(file, T0);
        backoff.forget(file);
        assertThat(backoff.isDue(file, T0)).isTrue();
        assertThat(backoff.failed(file, T0)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldDropEntriesOfFilesNotSeenWhenRetainingOnlyTheSeenOnes() {
        Path other = Path.of("/dev/sda/async_pending/abc/y-1");
        backoff.failed(file, T0);
        backoff.failed(other, T0);
        backoff.retainOnly(Set.of(other));
        assertThat(backoff.size()).isEqualTo(1);
        assertThat(backoff.isDue(file, T0)).isTrue();
        assertThat(backoff.isDue(other, T0)).isFalse();
    }

    @Test
    void shouldNeverWaitLessThanTheIntervalWhenTheCapIsSmaller() {
        RetryBackoff small = new RetryBackoff(Duration.ofSeconds(10), Duration.ofSeconds(1));
        assertThat(small.failed(file, T0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(small.failed(file, T0)).isEqualTo(Duration.ofSeconds(10));
    }
}
