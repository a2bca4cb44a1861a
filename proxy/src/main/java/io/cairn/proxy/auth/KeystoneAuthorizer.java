package io.cairn.proxy.auth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * keystoneauth's {@code authorize(env_identity, req)} and {@code authorize_anonymous(req)} (Swift 2.30.1), in their
 * decision order:
 *
 * <ol>
 *   <li>OPTIONS is allowed;
 *   <li>{@code reseller_admin_role} owns every account; {@code system_reader_roles} may GET/HEAD any;
 *   <li>DELETE of an account is denied to everyone else;
 *   <li>a container ACL entry {@code <project>:<user>} (ids or {@code *}; names too when {@code allow_names_in_acls}
 *       and the user, the token's project and the account's project are all in {@code default_domain_id}) allows;
 *   <li>a referrer ACL allows objects, and listings with {@code .rlistings}; a referrer ACL that matched without
 *       allowing ends the checks of the last steps with a denial;
 *   <li>an account other than {@code <prefix><token's project id>} is denied;
 *   <li>a role in the prefix's {@code operator_roles} owns it ({@code swift_owner}), except that with {@code
 *       service_roles} configured for the prefix the {@code X-Service-Token} must also carry one of them;
 *   <li>a role in {@code project_reader_roles} may GET/HEAD;
 *   <li>a container ACL entry naming one of the user's roles allows;
 *   <li>otherwise 403 (a user was authenticated) — and 401 for an anonymous request, which only referrer ACLs allow.
 * </ol>
 *
 * <p>Not done: container sync keys (Cairn has no container sync), and writing the {@code project-domain-id} account
 * sysmeta on account and container creation ({@code _set_project_domain_id}). The sysmeta is read as Swift reads it
 * (an existing account without it counts as a legacy default-domain account), so on Cairn every account other than
 * the token's own is such an account unless an operator set the sysmeta: names in ACLs match there whenever the
 * caller's user and project are in the default domain.
 *
 * <p>Thread-safety: immutable.
 */
public final class KeystoneAuthorizer {
    /** The account sysmeta keystoneauth keeps a project's domain id in (without {@code X-Account-Sysmeta-}). */
    public static final String PROJECT_DOMAIN_ID_SYSMETA = "project-domain-id";

    private final KeystoneAuthConfig config;

    public KeystoneAuthorizer(KeystoneAuthConfig config) {
        this.config = config;
    }

    public KeystoneAuthConfig config() {
        return config;
    }

    /**
     * Decides {@code request} for {@code identity} (null: anonymous, as {@code authorize_anonymous}).
     *
     * @param accountSysmeta the account's sysmeta when it is known to exist, else null
     */
    public AuthDecision authorize(
            @Nullable KeystoneIdentity identity, AuthRequest request, @Nullable Map<String, String> accountSysmeta) {
        if (request.method().equals("OPTIONS")) {
            return AuthDecision.ALLOW;
        }
        if (identity == null) {
            return authorizeAnonymous(request);
        }
        boolean read = request.method().equals("GET") || request.method().equals("HEAD");
        AuthDecision decision = byRole(identity, request, read);
        if (decision != null) {
            return decision;
        }
        ContainerAcl acl = ContainerAcl.parse(Authorizer.effectiveAcl(request, read));
        if (!acl.groups().isEmpty()
                && crossProjectMatch(identity, acl.groups(), namesAllowed(identity, request, accountSysmeta))) {
            return AuthDecision.ALLOW;
        }
        Boolean referrer = byReferrer(request, acl);
        if (Boolean.TRUE.equals(referrer)) {
            return AuthDecision.ALLOW;
        }
        if (!config.accountMatchesProject(request.account(), identity.projectId())) {
            return AuthDecision.FORBIDDEN;
        }
        decision = byProjectRole(identity, request, read);
        if (decision != null) {
            return decision;
        }
        if (referrer != null) {
            return AuthDecision.FORBIDDEN;
        }
        for (String role : identity.roles()) {
            for (String entry : acl.groups()) {
                if (entry.toLowerCase(Locale.ROOT).equals(role)) {
                    return AuthDecision.ALLOW;
                }
            }
        }
        return AuthDecision.FORBIDDEN;
    }

    /** Reseller admins, system readers, and nobody else deleting an account. */
    private @Nullable AuthDecision byRole(KeystoneIdentity identity, AuthRequest request, boolean read) {
        List<String> userRoles = identity.roles();
        if (userRoles.contains(config.resellerAdminRole())) {
            return AuthDecision.ALLOW_OWNER;
        }
        if (read && userRoles.stream().anyMatch(config.systemReaderRoles()::contains)) {
            return AuthDecision.ALLOW;
        }
        if (request.container() == null
                && request.object() == null
                && request.method().equals("DELETE")) {
            return AuthDecision.FORBIDDEN;
        }
        return null;
    }

    /** On the token's own project's account: operators (with a service token where required) and readers. */
    private @Nullable AuthDecision byProjectRole(KeystoneIdentity identity, AuthRequest request, boolean read) {
        String prefix = config.accountPrefix(request.account());
        KeystoneAuthConfig.PrefixRules rules = config.rules(prefix == null ? "" : prefix);
        boolean operator = intersects(rules.operatorRoles(), identity.roles());
        boolean service = intersects(rules.serviceRoles(), identity.serviceRoles());
        if (operator && (rules.serviceRoles().isEmpty() || service)) {
            return AuthDecision.ALLOW_OWNER;
        }
        if (read && intersects(rules.projectReaderRoles(), identity.roles())) {
            return AuthDecision.ALLOW;
        }
        return null;
    }

    private AuthDecision authorizeAnonymous(AuthRequest request) {
        String prefix = config.accountPrefix(request.account());
        if (request.account().isEmpty() || prefix == null) {
            return AuthDecision.UNAUTHORIZED;
        }
        boolean read = request.method().equals("GET") || request.method().equals("HEAD");
        ContainerAcl acl = ContainerAcl.parse(Authorizer.effectiveAcl(request, read));
        return Boolean.TRUE.equals(byReferrer(request, acl)) ? AuthDecision.ALLOW : AuthDecision.UNAUTHORIZED;
    }

    /**
     * {@code _authorize_unconfirmed_identity} without container sync: true when a referrer ACL allows, false when a
     * referrer matched but the request is a listing without {@code .rlistings}, null when no referrer matched.
     */
    private static @Nullable Boolean byReferrer(AuthRequest request, ContainerAcl acl) {
        if (acl.referrerAllowed(request.referer())) {
            return request.object() != null || acl.allowsListings();
        }
        return null;
    }

    /** {@code _authorize_cross_tenant}: {@code <project>:<user>} by id or {@code *}, and by name when allowed. */
    private static boolean crossProjectMatch(KeystoneIdentity identity, List<String> entries, boolean allowNames) {
        String projectId = String.valueOf(identity.projectId());
        String projectName = String.valueOf(identity.projectName());
        List<String> projects = allowNames ? List.of(projectId, "*", projectName) : List.of(projectId, "*");
        List<String> users =
                allowNames ? List.of(identity.userId(), "*", identity.userName()) : List.of(identity.userId(), "*");
        for (String project : projects) {
            for (String user : users) {
                if (entries.contains(project + ":" + user)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code _is_name_allowed_in_acl}. */
    private boolean namesAllowed(
            KeystoneIdentity identity, AuthRequest request, @Nullable Map<String, String> accountSysmeta) {
        if (!config.allowNamesInAcls()) {
            return false;
        }
        String dflt = config.defaultDomainId();
        if (!identity.userDomainId().isEmpty() && !identity.userDomainId().equals(dflt)) {
            return false;
        }
        String projectDomain = identity.projectDomainId();
        if (projectDomain != null && !projectDomain.isEmpty() && !projectDomain.equals(dflt)) {
            return false;
        }
        if (config.accountMatchesProject(request.account(), identity.projectId())) {
            return true;
        }
        if (accountSysmeta == null) {
            return false;
        }
        String accountDomain = accountSysmeta.get(PROJECT_DOMAIN_ID_SYSMETA);
        return accountDomain == null || accountDomain.equals(dflt);
    }

    private static boolean intersects(List<String> configured, List<String> held) {
        for (String role : held) {
            if (configured.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
