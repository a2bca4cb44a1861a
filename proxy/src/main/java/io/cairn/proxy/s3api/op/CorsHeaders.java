package io.cairn.proxy.s3api.op;

import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.s3api.S3Request;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * AWS's CORS headers on the answer to an actual S3 request that carries an {@code Origin} (errors included): the
 * bucket's {@link CorsConfiguration} as it was before the request, its first rule allowing the origin and the
 * request's method. The Swift API's own CORS headers (from {@code X-Container-Meta-Access-Control-*}) never go
 * on an S3 answer.
 *
 * <p>Stateless.
 */
public final class CorsHeaders {
    private CorsHeaders() {}

    /** Replaces any CORS headers on {@code response} by those {@code info}'s configuration gives {@code req}. */
    public static void decorate(S3Request req, @Nullable ContainerInfo info, HttpHeaders response) {
        response.remove("Access-Control-Allow-Origin");
        response.remove("Access-Control-Expose-Headers");
        response.remove("Access-Control-Allow-Credentials");
        response.remove("Access-Control-Allow-Methods");
        response.remove("Access-Control-Max-Age");
        String vary = response.get("Vary");
        if (vary != null) {
            List<String> kept = java.util.Arrays.stream(vary.split(","))
                    .map(String::strip)
                    .filter(v -> !v.isEmpty() && !v.toLowerCase(Locale.ROOT).equals("origin"))
                    .toList();
            if (kept.isEmpty()) {
                response.remove("Vary");
            } else {
                response.set("Vary", String.join(", ", kept));
            }
        }
        String origin = req.clientHeaders().get("Origin");
        if (origin == null || origin.isEmpty() || info == null || !info.exists()) {
            return;
        }
        CorsConfiguration cors =
                CorsConfiguration.fromStored(StoredDocument.get(CorsConfiguration.SYSMETA, info.sysmeta()));
        CorsConfiguration.Rule rule = cors == null ? null : cors.match(origin, req.method(), List.of());
        if (rule != null) {
            CorsConfiguration.allow(rule, origin, response);
        }
    }
}
