package io.cairn.proxy.versioning;

import io.cairn.common.config.ConfigSection;
import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Middleware;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code versioned_writes} filter: object versioning ({@link ObjectVersioning}) when {@code
 * allow_object_versioning} is true, below the legacy versioned writes, which are offered when {@code
 * allow_versioned_writes} is true (Swift wraps them in this order whatever the flags).
 *
 * <p>Immutable.
 */
public final class VersionedWrites implements Middleware {
    private static final Set<String> KNOWN = Set.of("use", "allow_versioned_writes", "allow_object_versioning");

    /** {@code allow_versioned_writes} as written: Swift handles container requests whenever it is non-empty. */
    private final String allowVersionedWritesValue;

    private final boolean allowVersionedWrites;
    private final @Nullable ObjectVersioning objectVersioning;

    VersionedWrites(String allowVersionedWrites, boolean allowObjectVersioning) {
        this.allowVersionedWritesValue = allowVersionedWrites;
        this.allowVersionedWrites = Calls.isTrue(allowVersionedWrites);
        this.objectVersioning = allowObjectVersioning ? new ObjectVersioning() : null;
    }

    /** {@code [filter:versioned_writes]}; unknown keys go to {@code warnings}. */
    public static VersionedWrites from(ConfigSection s, List<String> warnings) {
        s.unknownKeys(KNOWN).forEach(k -> warnings.add("[" + s.name() + "] unknown key " + k));
        return new VersionedWrites(
                s.getString("allow_versioned_writes", ""), Calls.isTrue(s.getString("allow_object_versioning", "")));
    }

    /** Whether object versioning is on (it needs the {@code symlink} filter below it). */
    public boolean allowsObjectVersioning() {
        return objectVersioning != null;
    }

    @Override
    public void registerInfo(Map<String, Object> info) {
        if (allowVersionedWrites) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("allowed_flags", List.of("x-versions-location", "x-history-location"));
            info.put("versioned_writes", m);
        }
        if (objectVersioning != null) {
            info.put("object_versioning", new LinkedHashMap<String, Object>());
        }
    }

    @Override
    public @Nullable Operation operationFor(Exchange exchange, SwiftApp next) {
        ObjectVersioning ov = objectVersioning;
        SwiftApp inner = ov == null ? next : e -> ov.operationFor(e, next);
        SwiftPath p = exchange.path();
        if (p.container() == null) {
            return inner.operationFor(exchange);
        }
        if (p.object() == null) {
            return allowVersionedWritesValue.isEmpty()
                    ? inner.operationFor(exchange)
                    : LegacyContainer.operationFor(exchange, inner, allowVersionedWrites);
        }
        String m = exchange.method().name();
        if (m.equals("PUT") || m.equals("DELETE")) {
            return new AfterContainerInfo(exchange, info -> legacyObject(exchange, inner, info));
        }
        return inner.operationFor(exchange);
    }

    /** {@code VersionedWritesMiddleware.object_request} once the container's info is known. */
    private @Nullable Operation legacyObject(Exchange ex, SwiftApp inner, ContainerInfo info) {
        String location = info.sysmeta().getOrDefault("versions-location", "");
        if (!allowVersionedWrites || location.isEmpty()) {
            return inner.operationFor(ex);
        }
        String container = PercentCoding.unquote(location).split("/", -1)[0];
        if (ex.method().name().equals("PUT")) {
            return new LegacyPut(ex, inner, info, container);
        }
        boolean history = info.sysmeta().getOrDefault("versions-mode", "stack").equals("history");
        return new LegacyDelete(ex, inner, info, container, history);
    }
}
