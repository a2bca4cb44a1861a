package io.cairn.proxy.versioning;

import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.HoldingOperation;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.SwiftResponses;
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
final class AfterContainerInfo extends HoldingOperation {
    private final Exchange exchange;
    private final Function<ContainerInfo, @Nullable Operation> decide;
    private boolean paused;

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
                    if (closed()) {
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
        serveWith(decide.apply(info));
    }
}
