package io.cairn.proxy.pipeline;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import java.net.SocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * A proxy pipeline without an auth filter, as a Swift {@code [pipeline:main]} without tempauth behaves:
 * every request is allowed and treated as the owner. Used by tests of the data paths and by deployments
 * that put auth elsewhere; never the default of {@code cairn saio}.
 *
 * <p>Thread-safe (stateless).
 */
public final class OpenAccess implements AccessPolicy {
    @Override
    public @Nullable FullHttpResponse answerEarly(HttpRequest request, @Nullable SocketAddress local) {
        return null;
    }

    @Override
    public Decision authorize(Request request) {
        return Decision.allow(true);
    }

    @Override
    public boolean authorizes() {
        return false;
    }

    @Override
    public boolean isTempAuth() {
        return false;
    }
}
