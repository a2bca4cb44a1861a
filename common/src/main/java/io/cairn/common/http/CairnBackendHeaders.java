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

    /**
     * On a proxy's chunked object PUT: "I can send the body's MD5 and CRC32C after it, as chunked trailers
     * ({@link #BODY_MD5_TRAILER}, {@link #BODY_CRC32C_TRAILER})". A Cairn object server that takes the offer says so
     * with {@link #BODY_DIGEST_ACCEPTED} on its {@code 100 Continue}, hashes only the (far cheaper) CRC32C, checks
     * it against the trailer's and stores the trailer's MD5 as the ETag: one MD5 per PUT in the proxy instead of one
     * per replica. A Swift object server ignores the offer, answers a plain {@code 100 Continue}, and gets a chunked
     * body without trailers, as from Swift's own proxy. Value: {@code crc32c}.
     */
    public static final String BODY_DIGEST_OFFER = "X-Backend-Cairn-Body-Digest-Offer";

    /** On an object server's {@code 100 Continue}: the {@link #BODY_DIGEST_OFFER} is taken (value {@code crc32c}). */
    public static final String BODY_DIGEST_ACCEPTED = "X-Backend-Cairn-Body-Digest-Accepted";

    /** Chunked trailer: the body's MD5, 32 lowercase hex digits. */
    public static final String BODY_MD5_TRAILER = "X-Backend-Cairn-Body-Md5";

    /** Chunked trailer: the body's CRC32C, 8 lowercase hex digits. */
    public static final String BODY_CRC32C_TRAILER = "X-Backend-Cairn-Body-Crc32c";

    /** The only digest scheme offered and accepted so far. */
    public static final String BODY_DIGEST_CRC32C = "crc32c";

    private CairnBackendHeaders() {}
}
