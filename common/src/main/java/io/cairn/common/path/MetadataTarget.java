package io.cairn.common.path;

/**
 * Whose user metadata a request sets: decides the header prefix {@code X-<Type>-Meta-} and whether
 * names and values must be UTF-8 (accounts and containers only; objects store any bytes).
 *
 * <p>Thread-safety: immutable.
 */
public enum MetadataTarget {
    ACCOUNT("x-account-meta-", true),
    CONTAINER("x-container-meta-", true),
    OBJECT("x-object-meta-", false);

    private final String prefix;
    private final boolean requiresUtf8;

    MetadataTarget(String prefix, boolean requiresUtf8) {
        this.prefix = prefix;
        this.requiresUtf8 = requiresUtf8;
    }

    /** The lower-case header prefix, e.g. {@code x-object-meta-}. */
    public String prefix() {
        return prefix;
    }

    /** Whether metadata names and values must be valid UTF-8. */
    public boolean requiresUtf8() {
        return requiresUtf8;
    }
}
