package io.cairn.ring;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Lazily yields the handoff devices of one partition in Swift's {@code get_more_nodes} order; each step
 * scans only as far as needed. {@link #nextId()} avoids the {@link Iterator} protocol for callers that
 * want ids.
 *
 * <p>Thread-safety: not thread-safe; use it on one thread at a time (it may move between threads).
 */
public final class HandoffIterator implements Iterator<Device> {
    private final HandoffScan scan;
    private final Device[] devices;
    private int pending = -2; // -2: not computed, -1: exhausted

    HandoffIterator(HandoffScan scan, Device[] devices) {
        this.scan = scan;
        this.devices = devices;
    }

    @Override
    public boolean hasNext() {
        if (pending == -2) {
            pending = scan.next();
        }
        return pending >= 0;
    }

    @Override
    public Device next() {
        int id = nextId();
        if (id < 0) {
            throw new NoSuchElementException("no more handoffs");
        }
        return devices[id];
    }

    /** The next handoff device id, or -1 when there are no more. */
    public int nextId() {
        if (!hasNext()) {
            return -1;
        }
        int id = pending;
        pending = -2;
        return id;
    }
}
