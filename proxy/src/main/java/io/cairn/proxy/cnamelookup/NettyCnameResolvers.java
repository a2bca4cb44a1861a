package io.cairn.proxy.cnamelookup;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.resolver.dns.DnsNameResolver;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.DnsServerAddressStreamProvider;
import io.netty.resolver.dns.DnsServerAddressStreamProviders;
import io.netty.resolver.dns.SequentialDnsServerAddressStreamProvider;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Netty's DNS resolver, one per event loop (a {@link DnsNameResolver} belongs to the loop it was built on), made on
 * the first lookup of a channel of that loop, with a datagram channel of the same transport (epoll or NIO). Each
 * asks {@code nameservers} in turn (the system's resolver configuration when none is given), 2 s per server, as
 * dnspython's default {@code timeout}. The resolvers' channels close with their event loops.
 *
 * <p>Thread-safe.
 */
final class NettyCnameResolvers implements CnameResolvers {
    static final long QUERY_TIMEOUT_MILLIS = 2_000;

    private final DnsServerAddressStreamProvider servers;
    private final Map<EventLoop, NettyCnameResolver> byLoop = new ConcurrentHashMap<>();

    NettyCnameResolvers(List<InetSocketAddress> nameservers) {
        this.servers = nameservers.isEmpty()
                ? DnsServerAddressStreamProviders.platformDefault()
                : new SequentialDnsServerAddressStreamProvider(nameservers.toArray(new InetSocketAddress[0]));
    }

    @Override
    public CnameResolver on(Channel channel) {
        return byLoop.computeIfAbsent(
                channel.eventLoop(), loop -> new NettyCnameResolver(build(loop, channel), servers));
    }

    private DnsNameResolver build(EventLoop loop, Channel like) {
        Class<? extends DatagramChannel> type =
                like instanceof EpollSocketChannel ? EpollDatagramChannel.class : NioDatagramChannel.class;
        return new DnsNameResolverBuilder(loop)
                .datagramChannelType(type)
                .nameServerProvider(servers)
                .queryTimeoutMillis(QUERY_TIMEOUT_MILLIS)
                .recursionDesired(true)
                .build();
    }
}
