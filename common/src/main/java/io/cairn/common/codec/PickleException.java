package io.cairn.common.codec;

/**
 * A byte string is not a pickle {@link PickleReader} accepts: truncated, malformed, using an opcode outside the
 * subset Swift writes, or naming a global outside the allow-list. Checked on purpose: corrupt metadata is a
 * data problem the caller must handle (Swift quarantines the object), distinct from an {@link
 * java.io.IOException} on the device.
 *
 * <p>Thread-safety: immutable after construction.
 */
public final class PickleException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long offset;

    /**
     * @param message what is wrong
     * @param offset where in the pickle (from its first byte) the problem was found
     */
    public PickleException(String message, long offset) {
        super("bad pickle at offset " + offset + ": " + message);
        this.offset = offset;
    }

    /** Offset from the first byte of the pickle at which the problem was found. */
    public long offset() {
        return offset;
    }
}
