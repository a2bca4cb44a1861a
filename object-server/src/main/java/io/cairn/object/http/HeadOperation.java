package io.cairn.object.http;

import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.DiskFileReader;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpVersion;
import org.jspecify.annotations.Nullable;

/**
 * HEAD {@code /<dev>/<part>/<a>/<c>/<o>}: the GET headers without a body; conditionals apply (304/412),
 * ranges do not (swob answers a HEAD before looking at Range). Swift's {@code ObjectController.HEAD}.
 *
 * <p>Confined to the channel's event loop.
 */
final class HeadOperation extends ObjectOperation {
    HeadOperation(Exchange exchange) {
        super(exchange);
    }

    @Override
    void start() throws RequestRejectedException {
        Timestamp now = timestampOrNow();
        exchange.onDevice(
                () -> {
                    DiskFileReader reader = ReadSupport.open(exchange, now);
                    // HEAD needs only the metadata: let go of the file on the device thread
                    ReadSupport.closeQuietly(reader);
                    return reader;
                },
                this::opened);
    }

    private void opened(@Nullable DiskFileReader reader, @Nullable Throwable failure) {
        if (reader == null) {
            ReadSupport.answerOpenFailure(exchange, failure == null ? new IllegalStateException("no reader") : failure);
            return;
        }
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, SwiftStatus.OK.nettyStatus(), Unpooled.EMPTY_BUFFER);
        ObjectHeaders.fill(response.headers(), reader, exchange.api().settings().allowedHeaders());
        SwiftStatus conditional = Conditionals.evaluate(
                exchange.request().headers(),
                ObjectHeaders.conditionalEtag(exchange.request().headers(), reader.metadata()),
                ObjectHeaders.timestamp(reader).ceilSeconds(),
                false);
        if (conditional != null) {
            response.setStatus(conditional.nettyStatus());
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, "0");
        }
        exchange.send(response);
    }
}
