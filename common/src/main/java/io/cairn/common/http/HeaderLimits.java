package io.cairn.common.http;

/**
 * How much request header a storage server reads. Swift's servers (eventlet) limit each header line to
 * {@code max_header_size} and the number of lines to {@code http.client._MAXHEADERS}, which Swift's
 * {@code bufferedhttp} sets to 1.6 × {@code MAX_HEADER_COUNT} (90 metadata items + 36); they set no limit
 * on the block as a whole. A proxy forwards every client header of an object PUT or POST, so a client
 * within the per-line and metadata limits can send a block far beyond one line's size: a storage server
 * that capped the whole block at one line's size refused PUTs that Swift's accept (and a Swift proxy in
 * front of it saw every replica fail).
 *
 * <p>Thread-safety: constants only.
 */
public final class HeaderLimits {
    /** Swift's {@code MAX_HEADER_COUNT * 1.6}, rounded up: header lines a server reads. */
    public static final int MAX_HEADER_LINES = 202;

    private HeaderLimits() {}

    /** Netty's whole-block limit that lets {@link #MAX_HEADER_LINES} lines of {@code maxHeaderLine} bytes through. */
    public static int headerBlockBytes(int maxHeaderLine) {
        return (int) Math.min(Integer.MAX_VALUE, (long) maxHeaderLine * MAX_HEADER_LINES);
    }
}
