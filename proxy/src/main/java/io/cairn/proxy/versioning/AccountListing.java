package io.cairn.proxy.versioning;

import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.QueryParams;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An account's JSON listing with its versions containers (Swift's {@code AccountContext.list_containers}): a
 * container's bytes include its versions', and a versions container left without its container is listed under
 * the container's name with a count of 0 so its owner sees the data to clean up.
 *
 * <p>Confined to the exchange's event loop.
 */
final class AccountListing extends AfterBody {
    private final SwiftApp next;

    AccountListing(Exchange exchange, SwiftApp next) {
        super(exchange);
        this.next = next;
    }

    @Override
    void run() {
        track(Subrequests.call(
                exchange,
                next,
                HttpMethod.GET,
                exchange.path(),
                exchange.headers().copy(),
                null,
                this::answered));
    }

    private void answered(FullHttpResponse r) {
        String type = r.headers().get("Content-Type", "");
        if (!Calls.isSuccess(r.status().code()) || !type.startsWith("application/json")) {
            reply(r);
            return;
        }
        List<Map<String, Object>> listing = VersionsListing.parse(r.content().toString(StandardCharsets.UTF_8));
        if (listing == null) {
            reply(r);
            return;
        }
        Map<String, String> params =
                new LinkedHashMap<>(QueryParams.parse(exchange.path().query()));
        String prefix = params.get("prefix");
        params.put("prefix", prefix == null ? VersionNames.reserved("versions") : reservedOr(prefix));
        for (String k : new String[] {"marker", "end_marker"}) {
            String v = params.get(k);
            if (v != null) {
                params.put(k, reservedOr(v));
            }
        }
        params.put("format", "json");
        SwiftPath p = exchange.path();
        SwiftPath ap = new SwiftPath(p.version(), p.account(), null, null, QueryParams.build(params));
        track(Calls.preAuthed(exchange, next, HttpMethod.GET, ap, new DefaultHttpHeaders(), null, v -> {
            List<Map<String, Object>> versions =
                    VersionsListing.parse(v.content().toString(StandardCharsets.UTF_8));
            v.release();
            reply(ContainerVersioning.withBody(r, merge(listing, versions == null ? List.of() : versions, params)));
        }));
    }

    /** {@code _build_versions_container_name(value)}, or the value when it has a reserved character. */
    private static String reservedOr(String value) {
        return value.contains(VersionNames.RESERVED) ? value : VersionNames.versionsContainer(value);
    }

    private static String merge(
            List<Map<String, Object>> listing, List<Map<String, Object>> versions, Map<String, String> params) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (Map<String, Object> item : versions) {
            if (item.get("name") instanceof String name) {
                byName.put(VersionNames.containerOfVersions(name), item);
            }
        }
        if (!byName.isEmpty()) {
            for (Map<String, Object> item : listing) {
                if (item.get("name") instanceof String name && byName.containsKey(name)) {
                    Map<String, Object> v = byName.remove(name);
                    item.put("bytes", number(item.get("bytes")) + number(v.get("bytes")));
                }
            }
        }
        byName.forEach((name, item) -> {
            item.put("name", name);
            item.put("count", 0L);
            listing.add(item);
        });
        int limit = VersionsListing.LISTING_LIMIT;
        String l = params.get("limit");
        if (l != null && !l.isEmpty() && l.chars().allMatch(Character::isDigit) && l.length() < 10) {
            limit = Math.min(Integer.parseInt(l), limit);
        }
        return VersionsListing.build(Calls.isTrue(params.getOrDefault("reverse", "no")), limit, listing);
    }

    private static long number(@Nullable Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }
}
