package io.cairn.compute.image;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Ends a stream with an error once it has been silent for a while — what {@code Flux.timeout(Duration)} does, but
 * without a timer per element: {@code timeout} schedules and cancels a task on Reactor's timer threads for every
 * buffer (thousands per image), where this notes the time of each element and looks at it a few times per period.
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
            Sinks.Empty<Void> ended = Sinks.empty();
            Flux<T> touched =
                    source.doOnNext(t -> lastSeen.lazySet(System.nanoTime())).doFinally(signal -> ended.tryEmitEmpty());
            Flux<T> watchdog = Flux.interval(idle.dividedBy(CHECKS_PER_PERIOD))
                    .takeUntilOther(ended.asMono())
                    .filter(tick -> System.nanoTime() - lastSeen.get() > idleNanos)
                    .next()
                    .flatMap(tick -> Mono.<T>error(error.get()))
                    .flux();
            return Flux.merge(touched, watchdog);
        });
    }
}
