package io.cairn.compute.system;

/** A backing service (the object store behind the image API) refused or failed a request: 503, saying which. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }
}
