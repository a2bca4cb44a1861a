package io.cairn.proxy.versioning;

import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * A PUT to a container with a legacy versions location (Swift's {@code handle_obj_versions_put}): the current
 * object, if any, is copied to {@code <location>/%03x<object>/<its timestamp>}, then the PUT goes on below as the
 * client sent it. The client's body waits (the channel paused) until then.
 *
 * <p>Confined to the exchange's event loop.
 */
final class LegacyPut extends FilterOperation {
    private final SwiftApp next;
    private final ContainerInfo info;
    private final String location;
    private final ArrayDeque<HttpContent> early = new ArrayDeque<>();
    private @Nullable Operation put;
    private @Nullable FullHttpResponse refusal;

    LegacyPut(Exchange exchange, SwiftApp next, ContainerInfo info, String location) {
        super(exchange);
        this.next = next;
        this.info = info;
        this.location = location;
    }

    @Override
    public void start() {
        if (!exchange.isSubrequest() && !exchange.requestComplete()) {
            exchange.channel().config().setAutoRead(false);
        }
        FullHttpResponse denied = exchange.denialFor("PUT", info);
        if (denied != null) {
            refuse(denied);
            return;
        }
        SwiftPath p = exchange.path();
        StreamedCopy.run(
                this,
                next,
                p,
                head -> new SwiftPath(
                        p.version(),
                        p.account(),
                        location,
                        LegacyNames.name(p.objectName(), ObjectCopies.timestampOf(head.headers())),
                        ""),
                r -> {
                    int status = r.status().code();
                    r.release();
                    FullHttpResponse bad = status == 404 ? null : ObjectCopies.error(status);
                    if (bad == null) {
                        goOn();
                    } else {
                        refuse(bad);
                    }
                },
                r -> {
                    int status = r.status().code();
                    r.release();
                    FullHttpResponse bad = ObjectCopies.error(status);
                    if (bad == null) {
                        goOn();
                    } else {
                        refuse(bad);
                    }
                });
    }

    /** The client's PUT, on below, with the body held so far. */
    private void goOn() {
        if (closed) {
            return;
        }
        if (!exchange.isSubrequest() && !exchange.requestComplete()) {
            exchange.channel().config().setAutoRead(true);
        }
        Operation op = next.operationFor(exchange);
        put = track(op);
        if (op == null) {
            releaseEarly();
            return;
        }
        op.start();
        while (!early.isEmpty() && !closed) {
            op.content(early.poll());
        }
    }

    /** An answer before the body was read: the body is dropped as it comes, then the answer goes. */
    private void refuse(FullHttpResponse r) {
        releaseEarly();
        if (exchange.requestComplete() || exchange.isSubrequest() || lastSeen) {
            reply(r);
            return;
        }
        refusal = r;
        exchange.channel().config().setAutoRead(true);
        exchange.channel().read();
    }

    private boolean lastSeen;

    @Override
    public void content(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        lastSeen |= last;
        FullHttpResponse r = refusal;
        if (r != null) {
            content.release();
            if (last) {
                refusal = null;
                reply(r);
            }
            return;
        }
        Operation op = put;
        if (op != null) {
            op.content(content);
        } else {
            early.add(content);
        }
    }

    @Override
    public void clientWritabilityChanged() {
        Operation op = put;
        if (op != null) {
            op.clientWritabilityChanged();
        }
    }

    private void releaseEarly() {
        while (!early.isEmpty()) {
            early.poll().release();
        }
    }

    @Override
    public void clientClosed() {
        super.clientClosed();
        releaseEarly();
        FullHttpResponse r = refusal;
        refusal = null;
        if (r != null) {
            r.release();
        }
    }
}
