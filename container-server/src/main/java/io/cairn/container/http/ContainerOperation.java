package io.cairn.container.http;

import io.cairn.common.db.DatabaseAlreadyExistsException;
import io.cairn.common.time.Timestamp;
import io.cairn.container.db.ContainerBroker;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One verb of the container server. Subclasses answer with a whole {@link SwiftResponse}; the checks
 * Swift's verbs share ({@code valid_timestamp}, {@code check_drive}, {@code get_and_validate_policy_index},
 * {@code _maybe_autocreate}) live here so each reads as Swift's method does.
 *
 * <p>Thread-safe: stateless beyond the shared context; DB work runs on the device executor.
 */
abstract class ContainerOperation {
    private static final Set<String> TRUE_VALUES = Set.of("true", "1", "yes", "on", "t", "y");

    protected final ContainerContext ctx;

    ContainerOperation(ContainerContext ctx) {
        this.ctx = ctx;
    }

    /** Handles {@code req}; failures (including {@link SwiftHttpException}) complete the future exceptionally. */
    abstract CompletableFuture<SwiftResponse> handle(ContainerRequest req);

    /** A unit of DB work on a usable device directory. */
    @FunctionalInterface
    interface DeviceWork<T> {
        T run(Path devicePath) throws Exception;
    }

    /** Runs {@code work} on the device's executor after {@code check_drive} (507 when unusable). */
    protected final <T> CompletableFuture<T> onDevice(ContainerRequest req, DeviceWork<T> work) {
        return ctx.executors().submit(req.device(), () -> {
            Path dev = ctx.devices().resolve(req.device());
            if (dev == null) {
                throw new SwiftHttpException(SwiftResponse.insufficientStorage(req.device()));
            }
            return work.run(dev);
        });
    }

    /** The request's container broker (registry-wide single instance). */
    protected final ContainerBroker broker(Path devicePath, ContainerRequest req) {
        String hash = ctx.hashPath().hex(req.account(), req.container(), null);
        return ctx.brokers().broker(devicePath, req.partition(), hash, req.account(), req.container());
    }

    /**
     * The request's container broker with its pending rows merged first, when its DB exists (Swift's {@code
     * _get_container_broker} then a read of its state: every committed row is seen).
     */
    protected final ContainerBroker currentBroker(Path devicePath, ContainerRequest req)
            throws IOException, SQLException {
        ContainerBroker broker = broker(devicePath, req);
        if (broker.exists()) {
            broker.commitPending();
        }
        return broker;
    }

    /** Swift's {@code valid_timestamp}: 400 {@code Missing X-Timestamp header} / {@code Invalid X-Timestamp header}. */
    protected static Timestamp validTimestamp(ContainerRequest req) {
        String raw = req.headers().get("X-Timestamp");
        if (raw == null) {
            throw new SwiftHttpException(SwiftResponse.text(400, "Missing X-Timestamp header"));
        }
        try {
            return Timestamp.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new SwiftHttpException(SwiftResponse.text(400, "Invalid X-Timestamp header"));
        }
    }

    /**
     * What container PUT and POST check before touching the DB, in Swift's order: {@code valid_timestamp}, {@code
     * X-Container-Sync-To} ({@code validate_sync_to}'s 400), then the metadata. Returns the request's timestamp.
     */
    protected final Timestamp checkWrite(ContainerRequest req) {
        Timestamp ts = validTimestamp(req);
        String syncError =
                syncToError(req.header("X-Container-Sync-To"), ctx.settings().allowedSyncHosts());
        if (syncError != null) {
            throw new SwiftHttpException(SwiftResponse.text(400, syncError));
        }
        ContainerMetadata.checkRequest(req, ctx);
        return ts;
    }

    /** The object of an object row request ({@code /dev/part/a/c/o}: the object servers' updates). */
    protected static String objectRow(ContainerRequest req) {
        String object = req.object();
        if (object == null) {
            throw new IllegalStateException("not an object row request");
        }
        return object;
    }

    /** The policy of an object row: the requested one ({@link #requestedPolicyIndex}), 0 when none is given. */
    protected final int rowPolicy(ContainerRequest req) {
        Integer requested = requestedPolicyIndex(req);
        return requested == null ? 0 : requested;
    }

    /** Swift's {@code get_and_validate_policy_index}: null when absent, 400 when not a known policy. */
    protected final @Nullable Integer requestedPolicyIndex(ContainerRequest req) {
        String header = "X-Backend-Storage-Policy-Index";
        String raw = req.headers().get(header);
        if (raw == null) {
            return null;
        }
        int index;
        try {
            index = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new SwiftHttpException(SwiftResponse.text(400, "Invalid " + header + " '" + raw + "'"));
        }
        if (!ctx.settings().policies().known().contains(index)) {
            throw new SwiftHttpException(SwiftResponse.text(400, "Invalid " + header + " " + index));
        }
        return index;
    }

    /** Swift's {@code config_true_value}. */
    protected static boolean isTrue(@Nullable String value) {
        return value != null && TRUE_VALUES.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    /** Swift's {@code _should_autocreate}. */
    protected final boolean shouldAutocreate(ContainerRequest req) {
        String explicit = req.headers().get("X-Backend-Auto-Create");
        if (explicit != null && !explicit.isEmpty()) {
            return isTrue(explicit);
        }
        String prefix = ctx.settings().autoCreateAccountPrefix();
        if (req.account().startsWith(prefix + "shards_")) {
            return false;
        }
        return req.account().startsWith(prefix);
    }

    /**
     * Swift's {@code _maybe_autocreate}: creates the DB of an auto-create account ({@code .}-prefixed) on
     * first use; 404 when the DB does not exist afterwards. Returns whether it created the DB.
     */
    protected final boolean maybeAutocreate(
            ContainerBroker broker, Timestamp timestamp, @Nullable Integer policyIndex, ContainerRequest req)
            throws Exception {
        boolean created = false;
        if (shouldAutocreate(req) && !broker.exists()) {
            if (policyIndex == null) {
                throw new SwiftHttpException(
                        SwiftResponse.text(400, "X-Backend-Storage-Policy-Index header is required"));
            }
            try {
                broker.initialize(timestamp.internal(), policyIndex);
                created = true;
            } catch (DatabaseAlreadyExistsException raced) {
                created = false;
            }
        }
        if (!broker.exists()) {
            throw new SwiftHttpException(SwiftResponse.of(404));
        }
        return created;
    }

    /**
     * Swift's {@code validate_sync_to} for the header forms that need no realm configuration: empty is
     * fine; {@code //realm/...} is accepted (no realms are configured, as Swift without
     * {@code container-sync-realms.conf}); otherwise an http(s) URL with a path, no params/query/fragment,
     * whose host is in {@code allowed_sync_hosts}. Returns Swift's 400 text, or null.
     */
    protected static @Nullable String syncToError(@Nullable String value, Set<String> allowedHosts) {
        if (value == null || value.isEmpty() || value.startsWith("//")) {
            return null;
        }
        java.net.URI uri;
        try {
            uri = new java.net.URI(value);
        } catch (java.net.URISyntaxException e) {
            return "Invalid scheme '' in X-Container-Sync-To, must be \"//\", \"http\", or \"https\".";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "Invalid scheme '" + scheme + "' in X-Container-Sync-To, must be \"//\", \"http\", or \"https\".";
        }
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            return "Path required in X-Container-Sync-To";
        }
        if (path.contains(";") || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "Params, queries, and fragments not allowed in X-Container-Sync-To";
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!allowedHosts.contains(host)) {
            return "Invalid host '" + host + "' in X-Container-Sync-To";
        }
        return null;
    }
}
