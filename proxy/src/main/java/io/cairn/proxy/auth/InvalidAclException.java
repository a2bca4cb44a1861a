package io.cairn.proxy.auth;

/**
 * A container ACL header Swift's {@code clean_acl} refuses; the message is Swift's, word for word, and
 * is the body of the proxy's 400 response.
 */
public final class InvalidAclException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidAclException(String message) {
        super(message);
    }
}
