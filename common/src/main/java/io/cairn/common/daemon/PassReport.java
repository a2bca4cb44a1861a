package io.cairn.common.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one pass of a daemon did: when it ran, named counters ({@code partitions_synced},
 * {@code objects_quarantined}, {@code async_pendings_outstanding}, …) and the errors it met.
 *
 * @param completed false when part of the work was skipped (a dead peer, an unmounted device)
 * @param errors short human-readable messages, at most {@link Builder#MAX_ERRORS} kept
 */
public record PassReport(
        String daemon, Instant start, Instant end, Map<String, Long> counters, boolean completed, List<String> errors) {

    public PassReport {
        counters = Collections.unmodifiableMap(new LinkedHashMap<>(counters));
        errors = List.copyOf(errors);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    /** The counter's value, 0 when the pass never touched it. */
    public long counter(String name) {
        Long value = counters.get(name);
        return value == null ? 0L : value;
    }

    /** Recon JSON shape of this report (seconds since the epoch as Swift's recon does). */
    public Map<String, Object> toRecon() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("start", start.toEpochMilli() / 1000.0);
        out.put("end", end.toEpochMilli() / 1000.0);
        out.put("duration", duration().toMillis() / 1000.0);
        out.put("completed", completed);
        out.putAll(counters);
        // not "errors": daemons count errors under that name (the auditor does), and a counter must survive
        out.put("error_messages", errors);
        return out;
    }

    /** Collects a pass's counters; thread-safe so a pass may fan work out over device threads. */
    public static final class Builder {
        public static final int MAX_ERRORS = 100;
        private final String daemon;
        private final Instant start;
        private final Map<String, Long> counters = new LinkedHashMap<>();
        private final List<String> errors = new ArrayList<>();
        private boolean completed = true;

        public Builder(String daemon, Instant start) {
            this.daemon = daemon;
            this.start = start;
        }

        public synchronized Builder add(String counter, long delta) {
            counters.merge(counter, delta, Long::sum);
            return this;
        }

        public synchronized Builder set(String counter, long value) {
            counters.put(counter, value);
            return this;
        }

        /**
         * Sets each counter to 0, in this order: a pass reports every counter it keeps (recon shows them in
         * insertion order) even when nothing happened to it.
         */
        public synchronized Builder zero(String... counterNames) {
            for (String counter : counterNames) {
                counters.put(counter, 0L);
            }
            return this;
        }

        public synchronized long get(String counter) {
            Long value = counters.get(counter);
            return value == null ? 0L : value;
        }

        /** Records an error and marks the pass incomplete. */
        public synchronized Builder error(String message) {
            completed = false;
            if (errors.size() < MAX_ERRORS) {
                errors.add(message);
            }
            return this;
        }

        /** Marks the pass incomplete without an error message (e.g. interrupted). */
        public synchronized Builder incomplete() {
            completed = false;
            return this;
        }

        public synchronized PassReport build(Instant end) {
            return new PassReport(daemon, start, end, counters, completed, errors);
        }
    }
}
