package io.cairn.cli.conformance;

import org.jspecify.annotations.Nullable;

/**
 * Who sends a request: one of the SAIO's tempauth users (the same on every cluster, see {@link
 * io.cairn.cli.InProcessCairn#SAIO_USERS}), or nobody.
 *
 * <p>Thread-safety: immutable.
 */
enum User {
    /** {@code test:tester}, {@code .admin} of {@code AUTH_test}: the owner in most scenarios. */
    OWNER("test", "tester", "testing"),
    /** {@code test:tester3}: a user of {@code AUTH_test} without {@code .admin}. */
    TESTER3("test", "tester3", "testing3"),
    /** {@code test2:tester2}, {@code .admin} of another account, {@code AUTH_test2}. */
    OTHER("test2", "tester2", "testing2"),
    /** {@code test5:tester5}, in the {@code service} group: its token is the service token. */
    SERVICE("test5", "tester5", "testing5"),
    /** {@code admin:admin}, {@code .reseller_admin}: owns every account (the harness cleans up as it). */
    RESELLER("admin", "admin", "admin"),
    /** No token at all. */
    ANON(null, null, null);

    private final @Nullable String account;
    private final @Nullable String user;
    private final @Nullable String key;

    User(@Nullable String account, @Nullable String user, @Nullable String key) {
        this.account = account;
        this.user = user;
        this.key = key;
    }

    /** {@code account:user}, as {@code X-Auth-User} takes it; null for {@link #ANON}. */
    @Nullable
    String login() {
        return account == null ? null : account + ":" + user;
    }

    /** The key ({@code X-Auth-Key}); null for {@link #ANON}. */
    @Nullable
    String key() {
        return key;
    }

    /** A short lower-case name for scenario ids: {@code owner}, {@code tester3}, ... */
    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
