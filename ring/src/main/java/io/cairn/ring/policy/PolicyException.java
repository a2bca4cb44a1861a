package io.cairn.ring.policy;

/** An invalid storage policy configuration, named as Swift's {@code PolicyError}; the message says what and where. */
public final class PolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PolicyException(String message) {
        super(message);
    }
}
