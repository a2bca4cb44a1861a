package io.cairn.proxy.cnamelookup;

import io.netty.buffer.ByteBuf;
import io.netty.channel.AddressedEnvelope;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsRecordDecoder;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.resolver.dns.DnsNameResolver;
import io.netty.resolver.dns.DnsServerAddressStreamProvider;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * One event loop's CNAME queries, as Swift's {@code lookup_cname} reads dnspython's answers: the first CNAME record
 * of the name in the answer section, its target without the trailing dot and its TTL; NXDOMAIN or no such record:
 * {@link CnameAnswer#none()}; a timeout or another response code: the next server is asked, and when none answered
 * {@link CnameAnswer#failure()}.
 *
 * <p>Confined to its event loop's resolver (Netty's resolver is thread-safe; answers complete on that loop).
 */
final class NettyCnameResolver implements CnameResolver {
    private final DnsNameResolver resolver;
    private final DnsServerAddressStreamProvider servers;

    /** @param servers the servers {@code resolver} asks in turn: a failed query is tried once on each */
    NettyCnameResolver(DnsNameResolver resolver, DnsServerAddressStreamProvider servers) {
        this.resolver = resolver;
        this.servers = servers;
    }

    @Override
    public CompletableFuture<CnameAnswer> cname(String domain) {
        CompletableFuture<CnameAnswer> out = new CompletableFuture<>();
        int attempts = Math.max(1, servers.nameServerAddressStream(domain).size());
        ask(domain, attempts, out);
        return out;
    }

    private void ask(String domain, int attemptsLeft, CompletableFuture<CnameAnswer> out) {
        Future<AddressedEnvelope<DnsResponse, InetSocketAddress>> query;
        try {
            query = resolver.query(new DefaultDnsQuestion(domain, DnsRecordType.CNAME));
        } catch (RuntimeException badName) {
            out.complete(CnameAnswer.failure());
            return;
        }
        query.addListener(f -> {
            CnameAnswer answer = CnameAnswer.failure();
            if (f.isSuccess()) {
                AddressedEnvelope<DnsResponse, InetSocketAddress> envelope = query.getNow();
                try {
                    answer = answerOf(envelope.content(), domain);
                } finally {
                    envelope.release();
                }
            }
            if (answer.failed() && attemptsLeft > 1) {
                ask(domain, attemptsLeft - 1, out);
            } else {
                out.complete(answer);
            }
        });
    }

    static CnameAnswer answerOf(DnsResponse response, String domain) {
        DnsResponseCode code = response.code();
        if (code.equals(DnsResponseCode.NXDOMAIN)) {
            return CnameAnswer.none();
        }
        if (!code.equals(DnsResponseCode.NOERROR)) {
            return CnameAnswer.failure();
        }
        String asked = withoutDot(domain).toLowerCase(Locale.ROOT);
        for (int i = 0; i < response.count(DnsSection.ANSWER); i++) {
            DnsRecord record = response.recordAt(DnsSection.ANSWER, i);
            if (record.type().equals(DnsRecordType.CNAME)
                    && record instanceof DnsRawRecord raw
                    && withoutDot(record.name()).toLowerCase(Locale.ROOT).equals(asked)) {
                ByteBuf rdata = raw.content().duplicate();
                return CnameAnswer.of(withoutDot(DefaultDnsRecordDecoder.decodeName(rdata)), record.timeToLive());
            }
        }
        return CnameAnswer.none();
    }

    private static String withoutDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
