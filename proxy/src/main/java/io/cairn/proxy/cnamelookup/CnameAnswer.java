package io.cairn.proxy.cnamelookup;

import org.jspecify.annotations.Nullable;

/**
 * What one DNS CNAME query answered, as Swift's {@code lookup_cname} returns it: the record's target (without the
 * trailing dot) and its TTL; no target for NXDOMAIN or an answer without a CNAME (kept 60 s, as Swift does); a
 * failure (timeout, server failure) is not kept at all.
 *
 * <p>Immutable.
 *
 * @param ttlSeconds how long the answer may be reused (0: not at all)
 * @param target the CNAME's target, or null
 * @param failed whether the query failed (Swift's {@code DNSException}: {@code (0, None)})
 */
public record CnameAnswer(long ttlSeconds, @Nullable String target, boolean failed) {
    /** Swift's TTL for "no CNAME": 60 s. */
    static final long NO_RECORD_TTL = 60;

    /** A CNAME record's target and TTL. */
    public static CnameAnswer of(String target, long ttlSeconds) {
        return new CnameAnswer(ttlSeconds, target, false);
    }

    /** NXDOMAIN, or no CNAME record for the name. */
    public static CnameAnswer none() {
        return new CnameAnswer(NO_RECORD_TTL, null, false);
    }

    /** The query failed: timeout, refused, server failure, a name DNS cannot carry. */
    public static CnameAnswer failure() {
        return new CnameAnswer(0, null, true);
    }
}
