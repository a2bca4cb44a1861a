package io.cairn.proxy.cnamelookup;

import io.netty.channel.Channel;

/**
 * The {@link CnameResolver} a client channel uses: one per event loop, so a lookup runs on the loop of the channel
 * that waits for it.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface CnameResolvers {
    CnameResolver on(Channel channel);
}
