package io.cairn.proxy.versioning;

import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What every versioning operation has: its exchange, the subrequests it made (stopped when the client goes
 * away) and an answer that is dropped once the client has gone.
 *
 * <p>Confined to the exchange's event loop.
 */
abstract class FilterOperation implements Operation {
    protected final Exchange exchange;
    private final List<Operation> calls = new ArrayList<>();
    protected boolean closed;

    FilterOperation(Exchange exchange) {
        this.exchange = exchange;
    }

    /** Keeps {@code op} to stop when the client goes away; returns it. */
    final @Nullable Operation track(@Nullable Operation op) {
        if (op != null) {
            calls.add(op);
        }
        return op;
    }

    /** The client's DELETE on below as it sent it (its headers copied), answered with what that gets. */
    final void deleteAsSent(SwiftApp next) {
        track(Subrequests.call(
                exchange,
                next,
                HttpMethod.DELETE,
                exchange.path(),
                exchange.headers().copy(),
                null,
                this::reply));
    }

    /** Answers the client unless it has gone. */
    final void reply(FullHttpResponse r) {
        if (closed) {
            r.release();
            return;
        }
        exchange.respond(r);
    }

    @Override
    public void clientClosed() {
        closed = true;
        for (Operation op : calls) {
            op.clientClosed();
        }
        calls.clear();
    }
}
