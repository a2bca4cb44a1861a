package io.cairn.proxy.bulk;

import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A bulk answer as Swift's generator sends it: {@code 200} with the result format's {@code Content-Type} (swob's
 * default when no format is acceptable), chunked; while the work goes on, whitespace every {@code yield_frequency}
 * seconds (the XML declaration first for XML) so clients and load balancers keep the connection; then the result
 * document, after {@code \r\n\r\n} when anything was sent before it.
 *
 * <p>Confined to the exchange's event loop.
 */
final class ResultStream {
    private final Exchange exchange;
    private final @Nullable String format;
    private final int yieldSeconds;
    private @Nullable ScheduledFuture<?> heartbeat;
    private String toYield;
    private String separator = "";
    private boolean started;
    private boolean ended;

    ResultStream(Exchange exchange, @Nullable String format, int yieldSeconds) {
        this.exchange = exchange;
        this.format = format;
        this.yieldSeconds = yieldSeconds;
        this.toYield = format != null && format.endsWith("/xml") ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : " ";
    }

    /** The format of the result document; null when the client accepts none (the document says 406). */
    @Nullable
    String format() {
        return format;
    }

    /** Sends the head and starts the heartbeat. */
    void start() {
        if (started) {
            return;
        }
        started = true;
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, SwiftResponses.status(200));
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, format != null ? format : "text/html; charset=UTF-8");
        head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
        exchange.startResponse(head);
        if (yieldSeconds > 0) {
            heartbeat =
                    exchange.eventLoop().scheduleAtFixedRate(this::beat, yieldSeconds, yieldSeconds, TimeUnit.SECONDS);
        }
    }

    private void beat() {
        if (ended || !exchange.isWritable()) {
            return;
        }
        write(toYield);
        toYield = " ";
        separator = "\r\n\r\n";
    }

    private void write(String s) {
        exchange.writeBody(new DefaultHttpContent(Unpooled.wrappedBuffer(s.getBytes(StandardCharsets.UTF_8))));
    }

    /** Sends the result document and ends the answer. */
    void finish(Map<String, Object> data, List<String[]> errors, String root) {
        if (ended) {
            return;
        }
        start();
        ended = true;
        stopHeartbeat();
        write(separator + BulkResults.body(format == null ? "" : format, data, errors, root));
        exchange.endResponse(LastHttpContent.EMPTY_LAST_CONTENT);
    }

    /** The client went away. */
    void close() {
        ended = true;
        stopHeartbeat();
    }

    private void stopHeartbeat() {
        ScheduledFuture<?> h = heartbeat;
        heartbeat = null;
        if (h != null) {
            h.cancel(false);
        }
    }

    /** swob's status line, as the documents give it ({@code 400 Bad Request}). */
    static String status(int code) {
        return SwiftResponses.status(code).toString();
    }
}
