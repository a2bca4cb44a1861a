package io.cairn.proxy.largeobject;

import io.cairn.proxy.swift.Answer;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Middleware;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftResponses;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code slo} filter (static large objects): {@code PUT ?multipart-manifest=put} ({@link SloPut}),
 * GET/HEAD of a manifest ({@link SloRead}), {@code DELETE ?multipart-manifest=delete} ({@link SloDelete});
 * a client's own {@code X-Static-Large-Object} on any other write is refused. Everything else passes on.
 *
 * <p>Immutable; its operations are confined to the exchange's event loop.
 */
final class StaticLargeObject implements Middleware {
    private final SloConfig config;
    private final Clock clock;

    StaticLargeObject(SloConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    SloConfig config() {
        return config;
    }

    @Override
    public @Nullable Operation operationFor(Exchange ex, SwiftApp next) {
        String m = ex.method().name();
        if (ex.path().object() == null) {
            return ex.path().container() != null && m.equals("GET")
                    ? new SloListingRewrite(ex, next)
                    : next.operationFor(ex);
        }
        String query = ex.path().query();
        String mm = query.isEmpty() ? null : LargeObjects.param(query, "multipart-manifest");
        if (m.equals("PUT") && "put".equals(mm)) {
            return new SloPut(ex, next, self(next), config);
        }
        if (m.equals("DELETE") && "delete".equals(mm)) {
            return new SloDelete(ex, next, config);
        }
        if (m.equals("GET") || m.equals("HEAD")) {
            return new SloRead(ex, next, "get".equals(mm), config, clock);
        }
        if (ex.headers().contains(SloManifest.MARKER)) {
            return Answer.afterBody(
                    ex,
                    SwiftResponses.withText(
                            400,
                            "X-Static-Large-Object is a reserved header. To create a static large object add query"
                                    + " param multipart-manifest=put."));
        }
        return next.operationFor(ex);
    }

    /** This filter over {@code next}: where a manifest PUT's segment HEADs go (so a sub-SLO answers as one). */
    private SwiftApp self(SwiftApp next) {
        return e -> operationFor(e, next);
    }

    @Override
    public void registerInfo(Map<String, Object> info) {
        Map<String, Object> slo = new LinkedHashMap<>();
        slo.put("max_manifest_segments", config.maxManifestSegments());
        slo.put("max_manifest_size", config.maxManifestSize());
        slo.put("yield_frequency", config.yieldFrequency());
        slo.put("min_segment_size", 1);
        slo.put("allow_async_delete", false);
        info.put("slo", slo);
    }
}
