package io.cairn.proxy.versioning;

import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.handler.codec.http.HttpContent;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code get_container_info} before a filter decides: the container's (cached) info is looked up,
 * then {@code decide} picks the operation that serves the exchange (often the one below, unchanged). Body
 * chunks arriving meanwhile are held (the client channel is paused while the lookup is outstanding) and handed
 * on in order.
 *
 * <p>Confined to the exchange's event loop.
 */
final class AfterContainerInfo implements Operation {
    private final Exchange exchange;
    private final Function<ContainerInfo, @Nullable Operation> decide;
    private final ArrayDeque<HttpContent> early = new ArrayDeque<>();
    private @Nullable Operation inner;
    private boolean paused;
    private boolean closed;

    AfterContainerInfo(Exchange exchange, Function<ContainerInfo, @Nullable Operation> decide) {
        this.exchange = exchange;
        this.decide = decide;
    }

    @Override
    public void start() {
        CompletableFuture<ContainerInfo> f = exchange.services()
                .infoCache()
                .container(exchange.path().account(), exchange.path().containerName());
        ContainerInfo now = f.isDone() && !f.isCompletedExceptionally() ? f.getNow(null) : null;
        if (now != null) {
            go(now);
            return;
        }
        if (!exchange.isSubrequest() && !exchange.requestComplete()) {
            paused = true;
            exchange.channel().config().setAutoRead(false);
        }
        f.whenCompleteAsync(
                (info, e) -> {
                    if (closed) {
                        return;
                    }
                    if (e != null || info == null) {
                        exchange.respond(SwiftResponses.standard(503));
                        releaseEarly();
                        return;
                    }
                    go(info);
                },
                exchange.eventLoop());
    }

    private void go(ContainerInfo info) {
        if (paused) {
            paused = false;
            exchange.channel().config().setAutoRead(true);
        }
        Operation op = decide.apply(info);
        inner = op;
        if (op == null) {
            releaseEarly();
            return;
        }
        op.start();
        while (!early.isEmpty() && !closed) {
            op.content(early.poll());
        }
    }

    private void releaseEarly() {
        while (!early.isEmpty()) {
            early.poll().release();
        }
    }

    @Override
    public void content(HttpContent content) {
        Operation op = inner;
        if (op != null) {
            op.content(content);
        } else if (closed) {
            content.release();
        } else {
            early.add(content);
        }
    }

    @Override
    public void clientClosed() {
        closed = true;
        releaseEarly();
        Operation op = inner;
        if (op != null) {
            op.clientClosed();
        }
    }

    @Override
    public void clientWritabilityChanged() {
        Operation op = inner;
        if (op != null) {
            op.clientWritabilityChanged();
        }
    }
}
