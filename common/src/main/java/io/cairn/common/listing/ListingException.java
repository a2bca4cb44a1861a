package io.cairn.common.listing;

/**
 * A listing request Swift would reject: carries the HTTP status and the exact body text Swift answers
 * with (for example 412 {@code Maximum limit is 10000}). Immutable.
 */
public final class ListingException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    public ListingException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status Swift answers with. */
    public int status() {
        return status;
    }
}
