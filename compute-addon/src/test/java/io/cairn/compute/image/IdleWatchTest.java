package io.cairn.compute.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** {@link IdleWatch}: silence ends a stream with the given error and cancels it; a lively stream passes untouched. */
class IdleWatchTest {
    private static final Duration IDLE = Duration.ofMillis(300);

    @Test
    void aStreamThatFallsSilentFailsWithTheErrorAndIsCancelled() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Flux<Integer> stalls = Flux.just(1, 2).concatWith(Flux.<Integer>never().doOnCancel(() -> cancelled.set(true)));
        List<Integer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> IdleWatch.abandonWhenIdle(stalls, IDLE, () -> new IllegalStateException("silent"))
                        .doOnNext(seen::add)
                        .blockLast(Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("silent");
        assertThat(seen).containsExactly(1, 2);
        assertThat(cancelled).isTrue();
    }

    @Test
    void aStreamThatKeepsComingOrEndsPassesWhole() {
        // elements 50 ms apart for longer than several checks (every 500 ms): never silent for the 2 s allowed
        Flux<Long> lively = Flux.interval(Duration.ofMillis(50)).take(40);
        assertThat(IdleWatch.abandonWhenIdle(lively, Duration.ofSeconds(2), () -> new IllegalStateException("silent"))
                        .collectList()
                        .block(Duration.ofSeconds(30)))
                .hasSize(40);
        assertThat(IdleWatch.abandonWhenIdle(Flux.<Long>empty(), IDLE, () -> new IllegalStateException("silent"))
                        .collectList()
                        .block(Duration.ofSeconds(30)))
                .isEmpty();
        Flux<Long> failing = Flux.error(new IllegalArgumentException("broken"));
        assertThatThrownBy(() -> IdleWatch.abandonWhenIdle(failing, IDLE, () -> new IllegalStateException("silent"))
                        .blockLast(Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
