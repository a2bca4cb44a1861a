package io.cairn.proxy.listingformats;

import io.cairn.common.codec.Json;
import io.cairn.common.listing.ListingContentType;
import io.cairn.common.listing.ListingEncoder;
import io.cairn.common.listing.ListingException;
import io.cairn.common.listing.ListingFormat;
import io.cairn.proxy.swift.BodilessOperation;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Middleware;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.QueryParams;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An account or container GET that wants XML (or an account's plain text) when filters below rewrite JSON
 * listings: asked below with {@code format=json}, and the rewritten entries formatted as Swift's {@code
 * container_to_xml}, {@code account_to_xml} and {@code listing_to_text} do. Any other answer (an error, a staticweb
 * page, a body that is not a JSON list of objects) is relayed as it came, as Swift's filter does.
 *
 * <p>Immutable.
 */
public final class ListingFormats implements Middleware {
    /** The filters whose JSON listing rewrites an XML listing must show, by egg entry name. */
    public static final List<String> REWRITERS = List.of("slo", "symlink", "versioned_writes");

    @Override
    public boolean aboveCopy() {
        return true;
    }

    @Override
    public @Nullable Operation operationFor(Exchange ex, SwiftApp next) {
        SwiftPath p = ex.path();
        if (!ex.method().equals(HttpMethod.GET)
                || p.object() != null
                || !(p.version().equals("v1") || p.version().equals("v1.0"))) {
            return next.operationFor(ex);
        }
        Map<String, String> params = new LinkedHashMap<>(QueryParams.parse(p.query()));
        if (p.container() != null && params.containsKey("versions")) {
            // object versioning formats its ?versions listings itself
            return next.operationFor(ex);
        }
        String wanted;
        try {
            wanted = ListingContentType.negotiate(
                    params.get("format"), ex.headers().get(HttpHeaderNames.ACCEPT));
        } catch (ListingException e) {
            return next.operationFor(ex);
        }
        ListingFormat format = ListingFormat.ofContentType(wanted);
        boolean convert = format == ListingFormat.XML || (format == ListingFormat.PLAIN && p.container() == null);
        if (!convert) {
            return next.operationFor(ex);
        }
        params.put("format", "json");
        SwiftPath json = new SwiftPath(p.version(), p.account(), p.container(), p.object(), QueryParams.build(params));
        return new Reformat(ex, next, json, wanted, format);
    }

    /** Reads the JSON listing below whole and answers it in the client's format. */
    private static final class Reformat extends BodilessOperation {
        private final SwiftApp next;
        private final SwiftPath jsonPath;
        private final String contentType;
        private final ListingFormat format;
        private @Nullable Operation call;

        Reformat(Exchange exchange, SwiftApp next, SwiftPath jsonPath, String contentType, ListingFormat format) {
            super(exchange);
            this.next = next;
            this.jsonPath = jsonPath;
            this.contentType = contentType;
            this.format = format;
        }

        @Override
        protected void run() {
            call = Subrequests.call(
                    exchange, next, HttpMethod.GET, jsonPath, exchange.headers().copy(), null, this::answer);
        }

        private void answer(FullHttpResponse r) {
            int status = r.status().code();
            String type = r.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
            List<Map<?, ?>> listing = (status == 200 || status == 204) && type.startsWith("application/json")
                    ? entries(r.content().toString(StandardCharsets.UTF_8))
                    : null;
            ByteBuf body = listing == null ? null : encode(listing);
            if (body == null) {
                exchange.respond(r);
                return;
            }
            FullHttpResponse out = r.replace(body);
            r.release();
            if (body.readableBytes() == 0) {
                out.setStatus(HttpResponseStatus.NO_CONTENT);
            }
            out.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType + "; charset=utf-8");
            out.headers().set(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.readableBytes()));
            exchange.respond(out);
        }

        /** The listing in the client's format; null (relay the JSON) when an entry lacks a field Swift writes. */
        private @Nullable ByteBuf encode(List<Map<?, ?>> listing) {
            SwiftPath p = exchange.path();
            String container = p.container();
            ListingEncoder encoder = container != null
                    ? ListingEncoder.forContainer(format, container)
                    : ListingEncoder.forAccount(format, p.account());
            ByteBuf out = Unpooled.buffer();
            encoder.begin(out);
            for (Map<?, ?> e : listing) {
                if (!write(encoder, out, e, container != null)) {
                    out.release();
                    return null;
                }
            }
            encoder.end(out);
            return out;
        }

        private static boolean write(ListingEncoder encoder, ByteBuf out, Map<?, ?> e, boolean objects) {
            if (e.get("subdir") instanceof String subdir) {
                encoder.subdir(out, subdir);
                return true;
            }
            if (!(e.get("name") instanceof String name
                    && e.get("bytes") instanceof Number bytes
                    && e.get("last_modified") instanceof String modified)) {
                return false;
            }
            if (objects) {
                if (!(e.get("hash") instanceof String hash && e.get("content_type") instanceof String type)) {
                    return false;
                }
                encoder.object(out, name, hash, bytes.longValue(), type, modified);
            } else {
                if (!(e.get("count") instanceof Number count)) {
                    return false;
                }
                encoder.container(out, name, count.longValue(), bytes.longValue(), modified);
            }
            return true;
        }

        /** A JSON list of objects, as Swift's sanity check wants; null for anything else. */
        @SuppressWarnings("unchecked")
        private static @Nullable List<Map<?, ?>> entries(String json) {
            try {
                if (Json.parse(json) instanceof List<?> list && list.stream().allMatch(o -> o instanceof Map<?, ?>)) {
                    return (List<Map<?, ?>>) list;
                }
            } catch (Json.JsonException e) {
                return null;
            }
            return null;
        }

        @Override
        public void clientClosed() {
            Operation c = call;
            if (c != null) {
                c.clientClosed();
            }
        }
    }
}
