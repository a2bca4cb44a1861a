package io.cairn.proxy.auth;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An account's ACLs from {@code X-Account-Access-Control} (stored as {@code
 * X-Account-Sysmeta-Core-Access-Control}), as acl.py's {@code acls_from_account_info} returns them:
 * members of {@code admin} are owners of the account, of {@code read-write} may do anything to its
 * containers and objects and read the account, of {@code read-only} may only read.
 *
 * <p>Thread-safety: immutable.
 *
 * @param admin groups or {@code account:user} names with admin access
 * @param readWrite groups with read-write access
 * @param readOnly groups with read-only access
 */
public record AccountAcl(List<String> admin, List<String> readWrite, List<String> readOnly) {
    /** Copies the lists. */
    public AccountAcl {
        admin = List.copyOf(admin);
        readWrite = List.copyOf(readWrite);
        readOnly = List.copyOf(readOnly);
    }

    /**
     * The ACLs in an account's stored sysmeta value, or null when none is set: missing, not a JSON
     * object, or all three lists empty (as Swift, a stored value it cannot read grants nothing).
     */
    public static @Nullable AccountAcl fromStored(@Nullable String sysmetaValue) {
        return AclParser.accountAclFromStored(sysmetaValue);
    }

    /**
     * tempauth's {@code extract_acl_and_report_errors}: null if {@code headerValue} is a valid {@code
     * X-Account-Access-Control} value, else Swift's description of the problem.
     */
    public static @Nullable String validationError(String headerValue) {
        return AclParser.accountAclError(headerValue);
    }
}
