package io.cairn.proxy.swift;

import io.cairn.proxy.auth.AclParser;
import io.cairn.proxy.pipeline.AccessPolicy;
import io.cairn.proxy.routing.BackendHeaders;
import io.cairn.proxy.routing.NodeResponse;
import io.cairn.ring.Ring;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * Account GET (container listing) and HEAD (reference §4.8): one account replica at a time; a deleted
 * account answers 410; a missing one, with {@code account_autocreate}, answers an empty listing as Swift's
 * {@code account_listing_response} does. Listing parameters and {@code Accept} pass through to the
 * account server.
 *
 * <p>Confined to the client channel's event loop.
 */
final class AccountReadOperation extends BodilessOperation {
    AccountReadOperation(Exchange exchange) {
        super(exchange);
    }

    @Override
    protected void run() {
        ProxyServices s = exchange.services();
        SwiftPath p = exchange.path();
        OnLoop.then(exchange, s.infoCache().account(p.account()), info -> {
            AccessPolicy.Decision d = Authorization.check(exchange, null);
            if (!d.allowed()) {
                exchange.respond(Authorization.denial(d));
                return;
            }
            read(d.swiftOwner());
        });
    }

    private void read(boolean owner) {
        ProxyServices s = exchange.services();
        SwiftPath p = exchange.path();
        Ring ring = s.rings().account();
        int part = ring.partition(s.hashPath(), p.account(), null, null);
        HttpHeaders h = BackendHeaders.base(
                exchange.method().name(),
                p.clientPath(),
                exchange.timestamp().internal(),
                exchange.transId(),
                null,
                exchange.headers());
        OnLoop.then(
                exchange,
                s.reader()
                        .read(s.nodes(ring, part), part, exchange.method(), p.backendPath() + p.queryPart(), h, false),
                r -> exchange.respond(answer(r, owner)));
    }

    private FullHttpResponse answer(NodeResponse r, boolean owner) {
        if (r.status() == 404 && "Deleted".equalsIgnoreCase(r.headers().get("X-Account-Status"))) {
            return SwiftResponses.standard(410);
        }
        if (r.status() == 404 && exchange.services().config().accountAutocreate()) {
            return fakeListing();
        }
        FullHttpResponse out = Relay.of(r, owner);
        Relay.listingHeaders(out, exchange.path().query());
        if (owner) {
            String acl = AclParser.accountAclForResponse(r.headers().get(AclParser.ACCOUNT_ACL_SYSMETA));
            if (acl != null) {
                out.headers().set(AclParser.ACCOUNT_ACL_HEADER, acl);
            }
        }
        return out;
    }

    /** Swift's {@code account_listing_response} for an account that does not exist yet. */
    private FullHttpResponse fakeListing() {
        String fmt = QueryParams.parse(exchange.path().query()).get("format");
        String accept = exchange.headers().get("Accept", "");
        String format = fmt != null ? fmt : accept.contains("json") ? "json" : accept.contains("xml") ? "xml" : "plain";
        String body;
        String type;
        if (format.equals("json")) {
            body = "[]";
            type = "application/json; charset=utf-8";
        } else if (format.equals("xml")) {
            body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<account name=\""
                    + exchange.path().account() + "\"></account>";
            type = "application/xml; charset=utf-8";
        } else {
            body = "";
            type = "text/plain; charset=utf-8";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                // listing_formats leaves a HEAD with the JSON listing's 200; an empty plain GET is 204
                SwiftResponses.status(
                        bytes.length == 0 && !exchange.method().name().equals("HEAD") ? 204 : 200),
                Unpooled.wrappedBuffer(bytes));
        r.headers().set("Content-Type", type);
        r.headers().set("X-Account-Container-Count", "0");
        r.headers().set("X-Account-Object-Count", "0");
        r.headers().set("X-Account-Bytes-Used", "0");
        r.headers().set("X-Timestamp", exchange.timestamp().normal());
        r.headers().set("X-Put-Timestamp", exchange.timestamp().normal());
        return r;
    }
}
