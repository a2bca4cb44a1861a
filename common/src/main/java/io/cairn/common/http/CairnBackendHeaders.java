package io.cairn.common.http;

/**
 * Headers only Cairn's own servers exchange: a Swift peer never sends them and ignores them when it receives them,
 * so it gets exactly Swift's protocol. Both start with {@code X-Backend-}, which the proxy's gatekeeper removes in
 * both directions: clients can neither send nor see them.
 */
public final class CairnBackendHeaders {
    /**
     * On an object server's answer to a GET of a whole body that carried {@link #NO_UNVERIFIED_RESUME} (so a Swift
     * proxy never sees it): the body is checked against its stored hash before its
     * last byte leaves, and a mismatch ends the answer short (the object is quarantined). A complete body is
     * therefore verified, and a reader such as SLO need not hash it again.
     */
    public static final String BODY_VERIFIED = "X-Backend-Cairn-Body-Verified";

    /**
     * On a proxy subrequest that relies on {@link #BODY_VERIFIED}, and passed on to the object servers, which answer
     * with it: a verified body that breaks off must not be completed from another replica with a range (ranges are
     * not checked), so the read fails instead.
     */
    public static final String NO_UNVERIFIED_RESUME = "X-Backend-Cairn-No-Unverified-Resume";

    private CairnBackendHeaders() {}
}
