package io.cairn.object.update;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * When each failing async_pending may be tried again: after its first failed attempt it waits one pass
 * {@code interval}, and every further failure doubles the wait up to {@code max_backoff}. A success
 * forgets the file. Kept in memory only: a restart retries every pending on its first pass, which is
 * what Swift does on every pass; the state is a politeness towards dead container servers, not
 * something correctness depends on.
 *
 * <p>Not thread-safe: confined to the updater's pass thread.
 */
final class RetryBackoff {
    private record Entry(Instant nextAttempt, Duration delay) {}

    private final Duration initial;
    private final Duration max;
    private final Map<Path, Entry> entries = new HashMap<>();

    RetryBackoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max.compareTo(initial) < 0 ? initial : max;
    }

    /** Whether {@code file} may be attempted at {@code now}. */
    boolean isDue(Path file, Instant now) {
        Entry e = entries.get(file);
        return e == null || !now.isBefore(e.nextAttempt());
    }

    /** Records a failed attempt at {@code now}; returns the wait before the next one. */
    Duration failed(Path file, Instant now) {
        Entry previous = entries.get(file);
        Duration delay = previous == null ? initial : previous.delay().multipliedBy(2);
        if (delay.compareTo(max) > 0) {
            delay = max;
        }
        entries.put(file, new Entry(now.plus(delay), delay));
        return delay;
    }

    /** Forgets {@code file} (delivered, unlinked or gone). */
    void forget(Path file) {
        entries.remove(file);
    }

    /** Forgets every file not in {@code seen}, so entries of files removed by others do not pile up. */
    void retainOnly(Set<Path> seen) {
        entries.keySet().retainAll(seen);
    }

    int size() {
        return entries.size();
    }
}
