package io.cairn.proxy.auth;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything tempauth's {@code authorize(req)} looks at, gathered by the proxy: the request line's
 * method and path parts, its {@code Referer} and {@code X-Account-Access-Control} headers, the
 * identities from {@link TempAuth#authenticate}, and the ACLs from the proxy's account/container info
 * cache. Build with {@link #builder(String, String)}.
 *
 * <p>Empty container or object names count as absent, as in Swift ({@code /v1/a/c/} is a container
 * request). Pass the container's ACLs whenever the request names a container; {@link Authorizer} picks
 * the one Swift would put in {@code req.acl}: the read ACL for GET/HEAD of containers and objects, the
 * write ACL for other object methods, none for account requests or container PUT/POST/DELETE.
 *
 * <p>Thread-safety: immutable.
 */
public final class AuthRequest {
    private final String method;
    private final String account;
    private final @Nullable String container;
    private final @Nullable String object;
    private final @Nullable String referer;
    private final @Nullable Identity identity;
    private final @Nullable Identity serviceIdentity;
    private final @Nullable String containerReadAcl;
    private final @Nullable String containerWriteAcl;
    private final @Nullable String storedAccountAcl;
    private final @Nullable String requestAccountAcl;

    private AuthRequest(Builder b) {
        this.method = b.method;
        this.account = b.account;
        this.container = emptyToNull(b.container);
        this.object = emptyToNull(b.object);
        this.referer = b.referer;
        this.identity = b.identity;
        this.serviceIdentity = b.identity == null ? null : b.serviceIdentity;
        this.containerReadAcl = b.containerReadAcl;
        this.containerWriteAcl = b.containerWriteAcl;
        this.storedAccountAcl = b.storedAccountAcl;
        this.requestAccountAcl = b.requestAccountAcl;
    }

    private static @Nullable String emptyToNull(@Nullable String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** A builder for a request with HTTP {@code method} (as sent, e.g. {@code GET}) on {@code account}. */
    public static Builder builder(String method, String account) {
        return new Builder(method, account);
    }

    /** The HTTP method as sent. */
    public String method() {
        return method;
    }

    /** The account of the path, e.g. {@code AUTH_test}. */
    public String account() {
        return account;
    }

    /** The container of the path, or null for an account request. */
    public @Nullable String container() {
        return container;
    }

    /** The object of the path, or null. */
    public @Nullable String object() {
        return object;
    }

    /** The {@code Referer} header, or null. */
    public @Nullable String referer() {
        return referer;
    }

    /** The user of {@code X-Auth-Token}, or null when anonymous. */
    public @Nullable Identity identity() {
        return identity;
    }

    /** The user of {@code X-Service-Token}; always null when {@link #identity()} is. */
    public @Nullable Identity serviceIdentity() {
        return serviceIdentity;
    }

    /** The container's {@code X-Container-Read} from container info, or null. */
    public @Nullable String containerReadAcl() {
        return containerReadAcl;
    }

    /** The container's {@code X-Container-Write} from container info, or null. */
    public @Nullable String containerWriteAcl() {
        return containerWriteAcl;
    }

    /** The account's stored {@code X-Account-Sysmeta-Core-Access-Control} from account info, or null. */
    public @Nullable String storedAccountAcl() {
        return storedAccountAcl;
    }

    /** The request's own {@code X-Account-Access-Control} header, or null. */
    public @Nullable String requestAccountAcl() {
        return requestAccountAcl;
    }

    @Override
    public String toString() {
        return "AuthRequest[" + method + " " + account + "/" + container + "/" + object + " user="
                + (identity == null ? null : identity.accountUser()) + "]";
    }

    /** Collects an {@link AuthRequest}; not thread-safe. */
    public static final class Builder {
        private final String method;
        private final String account;
        private @Nullable String container;
        private @Nullable String object;
        private @Nullable String referer;
        private @Nullable Identity identity;
        private @Nullable Identity serviceIdentity;
        private @Nullable String containerReadAcl;
        private @Nullable String containerWriteAcl;
        private @Nullable String storedAccountAcl;
        private @Nullable String requestAccountAcl;

        private Builder(String method, String account) {
            this.method = Objects.requireNonNull(method, "method");
            this.account = Objects.requireNonNull(account, "account");
        }

        /** Sets the container name. */
        public Builder container(@Nullable String value) {
            this.container = value;
            return this;
        }

        /** Sets the object name. */
        public Builder object(@Nullable String value) {
            this.object = value;
            return this;
        }

        /** Sets the {@code Referer} header value. */
        public Builder referer(@Nullable String value) {
            this.referer = value;
            return this;
        }

        /** Sets the identities of {@link Authentication} (both null when anonymous). */
        public Builder identity(@Nullable Identity user, @Nullable Identity service) {
            this.identity = user;
            this.serviceIdentity = service;
            return this;
        }

        /** Sets the container's read and write ACLs from container info. */
        public Builder containerAcls(@Nullable String read, @Nullable String write) {
            this.containerReadAcl = read;
            this.containerWriteAcl = write;
            return this;
        }

        /** Sets the account's stored access-control JSON from account info. */
        public Builder storedAccountAcl(@Nullable String value) {
            this.storedAccountAcl = value;
            return this;
        }

        /** Sets the request's {@code X-Account-Access-Control} header value. */
        public Builder requestAccountAcl(@Nullable String value) {
            this.requestAccountAcl = value;
            return this;
        }

        /** The request. */
        public AuthRequest build() {
            return new AuthRequest(this);
        }
    }
}
