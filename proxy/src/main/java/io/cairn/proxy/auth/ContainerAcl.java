package io.cairn.proxy.auth;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parsed container ACL ({@code X-Container-Read} or {@code X-Container-Write}) as acl.py's {@code
 * parse_acl_v1} returns it: referrer designations (without {@code .r:}, e.g. {@code *}, {@code
 * .example.com}, {@code -thief.example.com}) and groups (URL-unquoted; {@code .rlistings} is one).
 *
 * <p>Thread-safety: immutable.
 *
 * @param referrers referrer designations in ACL order (later ones win)
 * @param groups group names, {@code account} or {@code account:user}, or {@code .rlistings}
 */
public record ContainerAcl(List<String> referrers, List<String> groups) {
    /** The ACL that grants nothing. */
    public static final ContainerAcl EMPTY = new ContainerAcl(List.of(), List.of());

    /** Copies both lists. */
    public ContainerAcl {
        referrers = List.copyOf(referrers);
        groups = List.copyOf(groups);
    }

    /** Parses a stored ACL value; null or empty gives {@link #EMPTY}. */
    public static ContainerAcl parse(@Nullable String acl) {
        return AclParser.parseContainerAcl(acl);
    }

    /** acl.py's {@code referrer_allowed(referer, referrers)}. */
    public boolean referrerAllowed(@Nullable String referer) {
        return AclParser.referrerAllowed(referer, referrers);
    }

    /** True if {@code .rlistings} is set: referrer-authorised clients may list the container. */
    public boolean allowsListings() {
        return groups.contains(".rlistings");
    }
}
