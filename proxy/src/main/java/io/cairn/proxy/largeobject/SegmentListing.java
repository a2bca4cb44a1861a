package io.cairn.proxy.largeobject;

import io.cairn.proxy.swift.SwiftPath;
import org.jspecify.annotations.Nullable;

/**
 * The pieces of a large object's body, in order, produced as they are needed (a DLO lists its container
 * page by page, an SLO fetches a sub-manifest when the reading reaches it).
 *
 * <p>Confined to the exchange's event loop.
 */
interface SegmentListing {
    /** One piece of the body. */
    sealed interface Piece permits Segment, Bytes {}

    /**
     * An object segment, or the bytes {@code first..last} of it.
     *
     * @param path the segment, with {@code multipart-manifest=get} as its query
     * @param first the first byte wanted (0 for the start)
     * @param last the last byte wanted, inclusive; -1 for the end
     * @param etag the ETag the segment must have (SLO), null for none (DLO)
     * @param size the length the whole segment must have when read whole; -1 for any
     */
    record Segment(
            SwiftPath path, long first, long last, @Nullable String etag, long size) implements Piece {}

    /** Bytes of the body itself: an SLO {@code data} segment, a multipart/byteranges part boundary. */
    final class Bytes implements Piece {
        private final byte[] bytes;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
        }

        /** The bytes (not copied: the caller must not change them). */
        byte[] bytes() {
            return bytes;
        }
    }

    /** Where the next piece goes. */
    interface Callback {
        /** The next piece; null at the end of the body. */
        void piece(@Nullable Piece piece);

        /** The listing could not go on (a listing page or sub-manifest could not be read). */
        void failed(int status, String why);
    }

    /** Finds the next piece and calls back (at once or later, on the event loop). */
    void next(Callback callback);
}
