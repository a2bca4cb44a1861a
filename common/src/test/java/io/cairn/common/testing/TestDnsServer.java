package io.cairn.common.testing;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DNS server for tests, on {@code 127.0.0.1} and a free UDP port: it answers CNAME queries from a map (each
 * record with its TTL), SERVFAIL for names told to fail, an empty NOERROR answer for names that exist without a
 * CNAME, and NXDOMAIN for every other name. Counts the queries per name, so a test can see what was cached.
 *
 * <p>Thread-safe; records may change while it runs. {@link #close} stops it.
 */
public final class TestDnsServer implements AutoCloseable {
    private record Cname(String target, long ttl) {}

    private final Map<String, Cname> cnames = new ConcurrentHashMap<>();
    private final Map<String, DnsResponseCode> codes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> queries = new ConcurrentHashMap<>();
    private final EventLoopGroup group;
    private final Channel channel;

    private TestDnsServer() throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            channel = new Bootstrap()
                    .group(group)
                    .channel(NioDatagramChannel.class)
                    .handler(new ChannelInitializer<DatagramChannel>() {
                        @Override
                        protected void initChannel(DatagramChannel ch) {
                            ch.pipeline()
                                    .addLast(new DatagramDnsQueryDecoder())
                                    .addLast(new DatagramDnsResponseEncoder())
                                    .addLast(new Responder());
                        }
                    })
                    .bind("127.0.0.1", 0)
                    .sync()
                    .channel();
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** Starts a server on 127.0.0.1 and a free port. */
    public static TestDnsServer start() throws InterruptedException {
        return new TestDnsServer();
    }

    /** Where it listens. */
    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** {@code ip:port}, as Swift's {@code nameservers} takes it. */
    public String nameserver() {
        return "127.0.0.1:" + address().getPort();
    }

    /** {@code name} is a CNAME for {@code target}, with {@code ttlSeconds}. */
    public TestDnsServer cname(String name, String target, long ttlSeconds) {
        cnames.put(key(name), new Cname(target, ttlSeconds));
        return this;
    }

    /** {@code name} exists without a CNAME record (an empty NOERROR answer). */
    public TestDnsServer noRecord(String name) {
        codes.put(key(name), DnsResponseCode.NOERROR);
        return this;
    }

    /** Queries for {@code name} answer SERVFAIL. */
    public TestDnsServer serverFailure(String name) {
        codes.put(key(name), DnsResponseCode.SERVFAIL);
        return this;
    }

    /** How many queries for {@code name} arrived. */
    public int queries(String name) {
        AtomicInteger n = queries.get(key(name));
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private static String key(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /** A name in DNS wire format, its case kept: its labels, each after its length, then the root's zero. */
    private static ByteBuf wireName(String name) {
        ByteBuf out = Unpooled.buffer();
        String absolute = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        for (String label : absolute.split("\\.")) {
            byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
            out.writeByte(bytes.length).writeBytes(bytes);
        }
        return out.writeByte(0);
    }

    private final class Responder extends SimpleChannelInboundHandler<DatagramDnsQuery> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramDnsQuery query) {
            DnsQuestion question = query.recordAt(DnsSection.QUESTION);
            String name = key(question.name());
            queries.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            DatagramDnsResponse response = new DatagramDnsResponse(query.recipient(), query.sender(), query.id());
            response.setRecursionDesired(query.isRecursionDesired()).setRecursionAvailable(true);
            response.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(question.name(), question.type()));
            Cname cname = cnames.get(name);
            DnsResponseCode code = codes.get(name);
            if (cname != null && question.type().equals(DnsRecordType.CNAME)) {
                response.addRecord(
                        DnsSection.ANSWER,
                        new DefaultDnsRawRecord(
                                question.name(), DnsRecordType.CNAME, cname.ttl(), wireName(cname.target())));
                response.setCode(DnsResponseCode.NOERROR);
            } else if (cname != null || code != null) {
                response.setCode(code == null ? DnsResponseCode.NOERROR : code);
            } else {
                response.setCode(DnsResponseCode.NXDOMAIN);
            }
            ctx.writeAndFlush(response);
        }
    }
}
