package io.cairn.proxy.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * tempauth's {@code authorize(req)} (Swift 2.30.1), in its exact decision order:
 *
 * <ol>
 *   <li>an account under none of the reseller prefixes is denied;
 *   <li>a request carrying an invalid {@code X-Account-Access-Control} gets 400;
 *   <li>{@code .reseller_admin} may do anything as owner, {@code .reseller_reader} may GET/HEAD, in every
 *       account of the prefixes except the bare prefixes and accounts starting with {@code .} after it;
 *   <li>a user whose groups hold the account id (an {@code .admin} of it) is owner, except for account
 *       PUT/DELETE, provided it also holds the prefix's {@code require_group} if one is configured;
 *   <li>OPTIONS is allowed;
 *   <li>the container ACL: a referrer match allows object requests, and container listings when {@code
 *       .rlistings} is set; any of the user's groups listed allows;
 *   <li>account ACLs: {@code admin} allows as owner, {@code read-write} allows container and object
 *       requests and account GET/HEAD, {@code read-only} allows GET/HEAD;
 *   <li>otherwise 403 if a user is authenticated, 401 if anonymous.
 * </ol>
 *
 * The groups checked are the user's followed by the service token user's. Container-sync keys (Swift's
 * step between 4 and 5) are not supported: Cairn has no container sync.
 *
 * <p>Thread-safety: immutable.
 */
public final class Authorizer {
    private final TempAuthConfig config;

    /** An authorizer for the prefixes and require-groups of {@code config}. */
    public Authorizer(TempAuthConfig config) {
        this.config = config;
    }

    /** Decides {@code request}. */
    public AuthDecision authorize(AuthRequest request) {
        String account = request.account();
        String prefix = accountPrefix(account);
        if (prefix == null) {
            return denied(request);
        }
        String newAcl = request.requestAccountAcl();
        if (newAcl != null) {
            String error = AccountAcl.validationError(newAcl);
            if (error != null) {
                return AuthDecision.badRequest(AclParser.accountAclBadRequestBody(error, newAcl));
            }
        }
        List<String> userGroups = userGroups(request);
        String method = request.method();
        boolean read = method.equals("GET") || method.equals("HEAD");
        AuthDecision decision = byOwnership(request, prefix, userGroups, read);
        if (decision == null && method.equals("OPTIONS")) {
            decision = AuthDecision.ALLOW;
        }
        if (decision == null) {
            decision = byContainerAcl(request, userGroups, read);
        }
        if (decision == null) {
            decision = byAccountAcl(request, userGroups, read);
        }
        return decision != null ? decision : denied(request);
    }

    /** Steps 3 and 4: reseller admins and readers, then account admins. */
    private @Nullable AuthDecision byOwnership(
            AuthRequest request, String prefix, List<String> userGroups, boolean read) {
        String account = request.account();
        String method = request.method();
        boolean resellerScope = !config.resellerPrefixes().contains(account) && !isDotAccount(account, prefix);
        if (resellerScope && userGroups.contains(TempAuthConfig.RESELLER_ADMIN)) {
            return AuthDecision.ALLOW_OWNER;
        }
        if (resellerScope && read && userGroups.contains(TempAuthConfig.RESELLER_READER)) {
            return AuthDecision.ALLOW;
        }
        if (userGroups.contains(account)
                && (!(method.equals("DELETE") || method.equals("PUT")) || request.container() != null)) {
            String requireGroup = config.requireGroup(prefix);
            if (requireGroup.isEmpty() || userGroups.contains(requireGroup)) {
                return AuthDecision.ALLOW_OWNER;
            }
        }
        return null;
    }

    /** Step 6: referrers (objects, or listings with {@code .rlistings}), then groups. */
    private static @Nullable AuthDecision byContainerAcl(AuthRequest request, List<String> userGroups, boolean read) {
        ContainerAcl acl = ContainerAcl.parse(effectiveAcl(request, read));
        if (acl.referrerAllowed(request.referer()) && (request.object() != null || acl.allowsListings())) {
            return AuthDecision.ALLOW;
        }
        for (String group : userGroups) {
            if (acl.groups().contains(group)) {
                return AuthDecision.ALLOW;
            }
        }
        return null;
    }

    private static @Nullable AuthDecision byAccountAcl(AuthRequest request, List<String> userGroups, boolean read) {
        AccountAcl acls = AccountAcl.fromStored(request.storedAccountAcl());
        if (acls == null) {
            return null;
        }
        if (intersects(userGroups, acls.admin())) {
            return AuthDecision.ALLOW_OWNER;
        }
        if (intersects(userGroups, acls.readWrite()) && (request.container() != null || read)) {
            return AuthDecision.ALLOW;
        }
        if (intersects(userGroups, acls.readOnly()) && read) {
            return AuthDecision.ALLOW;
        }
        return null;
    }

    /** Swift's {@code req.acl} for this request: what the proxy controllers set before re-authorizing. */
    static @Nullable String effectiveAcl(AuthRequest request, boolean read) {
        if (request.container() == null) {
            return null;
        }
        if (read) {
            return request.containerReadAcl();
        }
        return request.object() != null ? request.containerWriteAcl() : null;
    }

    /**
     * {@code (req.remote_user or '').split(',')}: the user's groups then the service user's; for an
     * anonymous request the single empty group, which an ACL with an empty entry matches, as in Swift.
     */
    private static List<String> userGroups(AuthRequest request) {
        Identity identity = request.identity();
        if (identity == null) {
            return List.of("");
        }
        List<String> groups = new ArrayList<>(identity.groups());
        Identity service = request.serviceIdentity();
        if (service != null) {
            groups.addAll(service.groups());
        }
        return groups;
    }

    private static boolean intersects(List<String> userGroups, Collection<String> members) {
        for (String group : userGroups) {
            if (members.contains(group)) {
                return true;
            }
        }
        return false;
    }

    private static AuthDecision denied(AuthRequest request) {
        return request.identity() != null ? AuthDecision.FORBIDDEN : AuthDecision.UNAUTHORIZED;
    }

    /**
     * tempauth's {@code _get_account_prefix}: the first non-empty reseller prefix {@code account} starts
     * with, else the empty prefix if configured, else null (not an account of this auth system).
     */
    @Nullable
    String accountPrefix(String account) {
        for (String prefix : config.resellerPrefixes()) {
            if (!prefix.isEmpty() && account.startsWith(prefix)) {
                return prefix;
            }
        }
        return config.resellerPrefixes().contains("") ? "" : null;
    }

    private static boolean isDotAccount(String account, String prefix) {
        return account.length() > prefix.length() && account.charAt(prefix.length()) == '.';
    }
}
