package io.cairn.compute.image;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ends a stream with an error once it has been silent for a while — what {@code Flux.timeout(Duration)} does, but
 * without a timer per element: {@code timeout} schedules and cancels a task on Reactor's timer threads for every
 * buffer (thousands per image), where this notes the time of each element and looks at it a few times per period.
 * Nothing is queued here (demand passes straight through), so buffers are never held where a cancel could strand
 * them.
 */
final class IdleWatch {
    private static final int CHECKS_PER_PERIOD = 4;

    private IdleWatch() {}

    /**
     * {@code source}, failing with {@code error} once no element has arrived for about {@code idle} (at most {@code
     * idle} plus a quarter of it); the source is then cancelled.
     */
    static <T> Flux<T> abandonWhenIdle(Flux<T> source, Duration idle, Supplier<? extends Throwable> error) {
        return Flux.defer(() -> {
            long idleNanos = idle.toNanos();
            AtomicLong lastSeen = new AtomicLong(System.nanoTime());
            AtomicBoolean idled = new AtomicBoolean();
            // cancelled by takeUntilOther as soon as the source ends, so the periodic check lives as long as it
            Mono<Long> silence = Flux.interval(idle.dividedBy(CHECKS_PER_PERIOD))
                    .filter(tick -> System.nanoTime() - lastSeen.get() > idleNanos)
                    .next()
                    .doOnNext(tick -> idled.set(true));
            return source.doOnNext(t -> lastSeen.lazySet(System.nanoTime()))
                    .takeUntilOther(silence)
                    .concatWith(Mono.defer(() -> idled.get() ? Mono.error(error.get()) : Mono.empty()));
        });
    }
}
