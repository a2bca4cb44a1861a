package io.cairn.object.http;

import io.cairn.common.codec.PickleWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * REPLICATE {@code /<dev>/<part>[/<suffix>-<suffix>…]}: Swift's {@code ObjectController.REPLICATE}
 * (reference §6.1). Without suffixes: the partition's suffix hashes as a protocol-2 pickled dict. With
 * suffixes: those are only marked for rehash ({@code skip_rehash}) and the answer is a pickled
 * {@code None}, exactly as Swift 2.30.1 answers.
 *
 * <p>Confined to the channel's event loop.
 */
final class ReplicateOperation extends ObjectOperation {
    ReplicateOperation(Exchange exchange) {
        super(exchange);
    }

    @Override
    void start() {
        ObjectRequestPath p = exchange.path();
        List<String> suffixes = new ArrayList<>();
        for (String s : p.account().split("-", -1)) {
            if (!s.isEmpty()) {
                suffixes.add(s);
            }
        }
        int partition = Integer.parseInt(p.partition());
        exchange.onDevice(
                () -> {
                    Map<String, String> hashes = null;
                    if (suffixes.isEmpty()) {
                        hashes = exchange.api()
                                .diskFiles()
                                .suffixHashes(p.device(), partition, exchange.policyIndex(), List.of());
                    } else {
                        exchange.api()
                                .diskFiles()
                                .invalidateSuffixes(p.device(), partition, exchange.policyIndex(), suffixes);
                    }
                    return PickleWriter.dumpProtocol2(hashes);
                },
                this::answered);
    }

    private void answered(byte @Nullable [] pickle, @Nullable Throwable failure) {
        if (pickle == null) {
            exchange.fail(failure == null ? new IllegalStateException("no hashes") : failure);
            return;
        }
        // swob's default Content-Type for a Response with a body
        exchange.send(Responses.body(exchange.ctx().alloc(), SwiftStatus.OK, pickle, Responses.HTML));
    }
}
