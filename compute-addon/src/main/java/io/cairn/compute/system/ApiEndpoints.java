package io.cairn.compute.system;

import io.cairn.compute.config.EndpointProperties;
import io.cairn.compute.config.StorageProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The URLs this API tells clients: configured, or (port 0 in tests, {@code cairn cloud}) learnt from the port the
 * server bound, which is only known once it listens.
 */
@Component
public final class ApiEndpoints implements ApplicationListener<WebServerInitializedEvent> {
    private final @Nullable String configured;
    private final @Nullable String identityBase;
    private final @Nullable String imageBase;
    private final @Nullable String computeBase;
    private final @Nullable String objectStoreBase;
    private volatile String base = "http://127.0.0.1:0";

    public ApiEndpoints(EndpointProperties endpoints, StorageProperties storage) {
        this.configured = blankToNull(endpoints.publicUrl());
        this.identityBase = stripSlashOrNull(endpoints.identityPublicUrl());
        this.imageBase = stripSlashOrNull(endpoints.imagePublicUrl());
        this.computeBase = stripSlashOrNull(endpoints.computePublicUrl());
        this.objectStoreBase = stripSlashOrNull(storage.url());
        if (configured != null) {
            base = stripSlash(configured);
        }
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (configured == null) {
            base = "http://127.0.0.1:" + event.getWebServer().getPort();
        }
    }

    public String base() {
        return base;
    }

    /** Keystone's auth URL, also what a 401's {@code WWW-Authenticate} names. */
    public String identityUrl() {
        return (identityBase != null ? identityBase : base) + "/identity";
    }

    /** Glance's unversioned endpoint; clients discover {@code /v2/} under it. */
    public String imageUrl() {
        return (imageBase != null ? imageBase : base) + "/image";
    }

    /** Nova's versioned endpoint (the catalog's; clients append {@code /servers}). */
    public String computeUrl() {
        return computeRoot() + "/v2.1";
    }

    /** Nova's unversioned root (version list; {@code bookmark} links). */
    public String computeRoot() {
        return (computeBase != null ? computeBase : base) + "/compute";
    }

    /** Swift's storage URL for an account; null where {@code cairn.storage.url} is not set. */
    public @Nullable String objectStoreUrl(String account) {
        return objectStoreBase == null ? null : objectStoreBase + "/v1/" + account;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static @Nullable String stripSlashOrNull(@Nullable String s) {
        String v = blankToNull(s);
        return v == null ? null : stripSlash(v);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
