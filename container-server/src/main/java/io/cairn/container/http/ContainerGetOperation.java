package io.cairn.container.http;

import io.cairn.common.listing.ListingEncoder;
import io.cairn.common.listing.ListingException;
import io.cairn.common.listing.ListingParams;
import io.cairn.container.db.ContainerBroker;
import io.cairn.container.listing.ListingRows;
import io.cairn.container.listing.ObjectListingQuery;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /<dev>/<part>/<a>/<c>}: the object listing (prefix, delimiter, marker, end_marker,
 * reverse, limit, path, format/Accept) streamed from the DB through {@link ListingRows} into the
 * channel by {@link ListingResponseWriter}, never built as one string; 404 with the backend timestamps
 * when missing or deleted; 204 for an empty plain listing.
 *
 * <p>Thread-safe (stateless).
 */
final class ContainerGetOperation extends ContainerOperation {
    /** Marks "the response went out through the channel" (the executor's future cannot hold null). */
    private static final SwiftResponse STREAMED = SwiftResponse.of(200);

    private final Duration writeTimeout;

    ContainerGetOperation(ContainerContext ctx, Duration writeTimeout) {
        super(ctx);
        this.writeTimeout = writeTimeout;
    }

    @Override
    CompletableFuture<SwiftResponse> handle(ContainerRequest req) {
        throw new UnsupportedOperationException("a listing streams: use stream()");
    }

    /**
     * Streams the listing to {@code channel}. Completes with null when the response was written, or with
     * a whole response to send (errors, 404); fails exceptionally after the response began only when the
     * connection must be closed.
     */
    CompletableFuture<@org.jspecify.annotations.Nullable SwiftResponse> stream(ContainerRequest req, Channel channel) {
        ListingParams params;
        try {
            params = ListingParams.forContainer(
                    req.rawQuery(), req.headers().get("Accept"), ctx.settings().maxListingLimit());
        } catch (ListingException e) {
            throw new SwiftHttpException(SwiftResponse.text(e.status(), String.valueOf(e.getMessage())));
        }
        return onDevice(req, dev -> {
                    ContainerBroker broker = currentBroker(dev, req);
                    ContainerBroker.Snapshot s = broker.snapshot();
                    Integer requested = requestedPolicyIndex(req);
                    HttpHeaders headers = new DefaultHttpHeaders();
                    ContainerHeaders.addInfoHeaders(headers, s.info(), s.deleted());
                    if (s.deleted()) {
                        SwiftResponse notFound = SwiftResponse.of(404);
                        notFound.headers().set(headers);
                        return notFound;
                    }
                    int policy = requested != null
                            ? requested
                            : s.info().get("storage_policy_index") instanceof Number n ? n.intValue() : 0;
                    headers.set("X-Backend-Record-Type", "object");
                    headers.set("X-Backend-Record-Storage-Policy-Index", String.valueOf(policy));
                    ContainerHeaders.addMetadataHeaders(
                            headers, s.metadata(), ctx.settings().saveHeaders());
                    headers.set("Content-Type", params.contentType() + "; charset=utf-8");
                    headers.set("Last-Modified", ContainerHeaders.lastModified(s.info()));
                    boolean allowReserved = isTrue(req.headers().get("X-Backend-Allow-Reserved-Names"));
                    ListingResponseWriter writer =
                            new ListingResponseWriter(channel, headers, req.keepAlive(), writeTimeout);
                    ListingRows rows = new ListingRows(
                            ListingEncoder.forContainer(params.format(), req.container()),
                            () -> channel.alloc().buffer(ctx.settings().listingChunkSize() + 1024),
                            writer,
                            ctx.settings().listingChunkSize());
                    try {
                        broker.read(c -> new ObjectListingQuery(c).run(params, policy, allowReserved, rows));
                    } catch (Exception | Error e) {
                        rows.abort();
                        if (writer.started()) {
                            // the status line is out: all that is left is to cut the connection
                            channel.close();
                            return STREAMED;
                        }
                        throw e;
                    }
                    writer.lastChunkFollows(rows.isNoContent());
                    rows.finish();
                    return STREAMED;
                })
                .thenApply(r -> r == STREAMED ? null : r);
    }
}
