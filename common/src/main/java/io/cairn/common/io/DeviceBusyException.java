package io.cairn.common.io;

/** A device's executor queue is full: answer 503 for this device only (DESIGN.md §3). */
public final class DeviceBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeviceBusyException(String device) {
        super("device " + device + " is busy: its I/O queue is full");
    }
}
