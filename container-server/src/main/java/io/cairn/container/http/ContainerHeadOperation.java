package io.cairn.container.http;

import io.cairn.common.listing.ListingContentType;
import io.cairn.common.listing.ListingException;
import io.cairn.common.listing.QueryParameters;
import io.cairn.container.db.ContainerBroker;
import java.util.concurrent.CompletableFuture;

/**
 * {@code HEAD /<dev>/<part>/<a>/<c>}: 204 with the container's stats, timestamps, stored metadata,
 * the negotiated listing {@code Content-Type} and {@code Last-Modified}; 404 with the backend timestamps
 * when missing or deleted.
 *
 * <p>Thread-safe (stateless).
 */
final class ContainerHeadOperation extends ContainerOperation {
    ContainerHeadOperation(ContainerContext ctx) {
        super(ctx);
    }

    @Override
    CompletableFuture<SwiftResponse> handle(ContainerRequest req) {
        String contentType;
        try {
            String format = QueryParameters.parse(req.rawQuery()).get("format");
            contentType = ListingContentType.negotiate(format, req.headers().get("Accept"));
        } catch (ListingException e) {
            throw new SwiftHttpException(SwiftResponse.text(e.status(), String.valueOf(e.getMessage())));
        }
        return onDevice(req, dev -> {
            ContainerBroker broker = currentBroker(dev, req);
            ContainerBroker.Snapshot s = broker.snapshot();
            SwiftResponse r = SwiftResponse.of(s.deleted() ? 404 : 204);
            ContainerHeaders.addInfoHeaders(r.headers(), s.info(), s.deleted());
            if (s.deleted()) {
                return r;
            }
            ContainerHeaders.addMetadataHeaders(
                    r.headers(), s.metadata(), ctx.settings().saveHeaders());
            r.header("Content-Type", contentType + "; charset=utf-8");
            r.header("Last-Modified", ContainerHeaders.lastModified(s.info()));
            return r;
        });
    }
}
