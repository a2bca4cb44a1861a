package io.cairn.proxy.versioning;

import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.netty.handler.codec.http.FullHttpResponse;

/**
 * A PUT to a container with a legacy versions location (Swift's {@code handle_obj_versions_put}): the current
 * object, if any, is copied to {@code <location>/%03x<object>/<its timestamp>}, then the PUT goes on below as the
 * client sent it. The client's body waits (the channel paused) until then.
 *
 * <p>Confined to the exchange's event loop.
 */
final class LegacyPut extends HeldBodyPut {
    private final SwiftApp next;
    private final String location;

    LegacyPut(Exchange exchange, SwiftApp next, ContainerInfo info, String location) {
        super(exchange, info);
        this.next = next;
        this.location = location;
    }

    @Override
    void begin() {
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
        sendBodyTo(next.operationFor(exchange));
    }

    @Override
    public void clientWritabilityChanged() {
        Operation op = bodyOperation();
        if (op != null) {
            op.clientWritabilityChanged();
        }
    }
}
