package io.cairn.proxy.swift;

import io.cairn.common.codec.Json;
import io.cairn.common.path.Constraints;
import io.cairn.ring.policy.StoragePolicy;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /info} (Swift's {@code InfoController}, reference §10.3): the {@code swift} section with the
 * core constraints, policies and proxy settings, {@code tempauth}, and the sections the pipeline's
 * middleware register ({@code slo}; {@code dlo} registers none, as in Swift). It advertises exactly what
 * Cairn serves.
 * 403 when {@code expose_info} is off.
 *
 * <p>Thread-safety: stateless.
 */
final class InfoResponse {
    /** The Swift release whose API Cairn speaks. */
    static final String SWIFT_VERSION = "2.30.1";

    private InfoResponse() {}

    /** Swift's {@code InfoController}: GET and HEAD the document, OPTIONS its methods, anything else 405. */
    static FullHttpResponse answer(ProxyServices s, HttpMethod method) {
        String m = method.name();
        if (m.equals("GET") || m.equals("HEAD")) {
            return build(s);
        }
        FullHttpResponse r = SwiftResponses.standard(m.equals("OPTIONS") ? 200 : 405);
        r.headers().set("Allow", "GET, HEAD, OPTIONS");
        return r;
    }

    static FullHttpResponse build(ProxyServices s) {
        if (!s.config().exposeInfo()) {
            return SwiftResponses.standard(403);
        }
        Constraints c = s.validator().constraints();
        Map<String, Object> swift = new LinkedHashMap<>();
        swift.put("version", SWIFT_VERSION);
        swift.put("strict_cors_mode", s.config().strictCorsMode());
        List<Object> policies = new ArrayList<>();
        for (StoragePolicy p : s.policies().all()) {
            if (p.deprecated()) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("aliases", String.join(", ", p.names()));
            if (p.isDefault()) {
                m.put("default", true);
            }
            policies.add(m);
        }
        swift.put("policies", policies);
        swift.put("allow_account_management", s.config().allowAccountManagement());
        swift.put("account_autocreate", s.config().accountAutocreate());
        swift.put("max_file_size", c.maxFileSize());
        swift.put("max_meta_name_length", c.maxMetaNameLength());
        swift.put("max_meta_value_length", c.maxMetaValueLength());
        swift.put("max_meta_count", c.maxMetaCount());
        swift.put("max_meta_overall_size", c.maxMetaOverallSize());
        swift.put("max_header_size", c.maxHeaderSize());
        swift.put("max_object_name_length", c.maxObjectNameLength());
        swift.put("container_listing_limit", c.containerListingLimit());
        swift.put("account_listing_limit", c.accountListingLimit());
        swift.put("max_account_name_length", c.maxAccountNameLength());
        swift.put("max_container_name_length", c.maxContainerNameLength());
        swift.put("extra_header_count", c.extraHeaderCount());
        // valid_api_versions and auto_create_account_prefix are in Swift's default disallowed_sections
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("swift", swift);
        // paste.deploy builds the pipeline from its end: filters register in reverse pipeline order. tempauth sits
        // between the filters above copy (tempurl, domain_remap: before auth in Swift's pipelines) and those below
        List<Middleware> filters = s.middlewares();
        boolean tempAuthDone = !s.access().isTempAuth();
        for (int i = filters.size() - 1; i >= 0; i--) {
            if (!tempAuthDone && !filters.get(i).afterAuth()) {
                root.put("tempauth", Map.of("account_acls", true));
                tempAuthDone = true;
            }
            filters.get(i).registerInfo(root);
        }
        if (!tempAuthDone) {
            root.put("tempauth", Map.of("account_acls", true));
        }
        byte[] body = Json.write(root).getBytes(StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, SwiftResponses.status(200), Unpooled.wrappedBuffer(body));
        r.headers().set("Content-Type", "application/json; charset=UTF-8");
        return r;
    }
}
