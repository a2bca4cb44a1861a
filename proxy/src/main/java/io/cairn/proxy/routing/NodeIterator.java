package io.cairn.proxy.routing;

import io.cairn.ring.Device;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code NodeIter} (reference §4.2): the primaries of a partition in shuffled order ({@code
 * sorting_method = shuffle}; with {@code affinity}, shuffled and then stably sorted by {@link ReadAffinity}, as
 * Swift's {@code sort_nodes}), then its handoffs in ring order, skipping error-limited nodes without
 * counting them, and yielding at most {@code request_node_count} nodes. A node that gets error-limited
 * while it is being tried gives its slot back ({@link #refund}).
 *
 * <p>Not thread-safe: one request's workers take nodes on one event loop, or synchronize on it.
 */
public final class NodeIterator {
    private final List<Device> primaries;
    private final Iterator<Device> handoffs;
    private final ErrorLimiter errorLimiter;
    private int nextPrimary;
    private int remaining;

    /**
     * @param primaries the partition's primaries in replica order (shuffled here)
     * @param handoffs the partition's handoffs in Swift's order
     * @param requestNodeCount how many nodes may be yielded in total
     * @param affinity the order of the shuffled primaries ({@link ReadAffinity#NONE}: shuffled only)
     */
    public NodeIterator(
            List<Device> primaries,
            Iterator<Device> handoffs,
            ErrorLimiter errorLimiter,
            int requestNodeCount,
            Random random,
            ReadAffinity affinity) {
        List<Device> shuffled = new ArrayList<>(primaries);
        Collections.shuffle(shuffled, random);
        if (!affinity.isEmpty()) {
            shuffled.sort(Comparator.comparingLong(affinity::priority)); // List.sort is stable
        }
        this.primaries = shuffled;
        this.handoffs = handoffs;
        this.errorLimiter = errorLimiter;
        this.remaining = requestNodeCount;
    }

    /** The next node to try, or null when the budget or the ring is exhausted. */
    public synchronized @Nullable Device next() {
        while (remaining > 0) {
            Device d;
            if (nextPrimary < primaries.size()) {
                d = primaries.get(nextPrimary++);
            } else if (handoffs.hasNext()) {
                d = handoffs.next();
            } else {
                return null;
            }
            if (!errorLimiter.isLimited(d)) {
                remaining--;
                return d;
            }
        }
        return null;
    }

    /** Gives back the slot of a node that was error-limited while it was tried (Swift does not count it). */
    public synchronized void refund() {
        remaining++;
    }

    /** Whether {@code node} is one of the primaries (not a handoff). */
    public boolean isPrimary(Device node) {
        return primaries.contains(node);
    }

    /** The number of primaries, Swift's {@code len(primary_nodes)}. */
    public int primaryCount() {
        return primaries.size();
    }
}
