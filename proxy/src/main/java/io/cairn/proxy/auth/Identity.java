package io.cairn.proxy.auth;

import java.util.List;

/**
 * Who a valid token speaks for: tempauth's user, its account, its groups in tempauth's order and the
 * token's expiry.
 *
 * <p>{@code groups} is exactly tempauth's group list: the account name, {@code account:user}, then the
 * configured groups, where {@code .admin} has been replaced by the reseller-prefixed account ids
 * ({@code AUTH_test}, {@code SERVICE_test}, …) that make the user owner of those accounts; special groups
 * {@code .reseller_admin}, {@code .reseller_reader} and service groups such as {@code .service} stay
 * as configured.
 *
 * <p>Thread-safety: immutable.
 *
 * @param account the tempauth account name, e.g. {@code test} (not the {@code AUTH_test} account id)
 * @param user the user name within the account, e.g. {@code tester}
 * @param groups the groups, never empty
 * @param expiresEpochSecond the token's expiry in epoch seconds (valid up to and including this second)
 */
public record Identity(String account, String user, List<String> groups, long expiresEpochSecond) {
    /** Copies {@code groups}; refuses an empty list. */
    public Identity {
        groups = List.copyOf(groups);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("an identity has at least one group");
        }
    }

    /** {@code account:user}, as tempauth logs and lists it. */
    public String accountUser() {
        return account + ":" + user;
    }

    /** The groups joined by commas: tempauth's {@code REMOTE_USER}. */
    public String remoteUser() {
        return String.join(",", groups);
    }

    /** True if the user is a reseller admin (tempauth sets {@code reseller_request} then). */
    public boolean isResellerAdmin() {
        return groups.contains(TempAuthConfig.RESELLER_ADMIN);
    }
}
