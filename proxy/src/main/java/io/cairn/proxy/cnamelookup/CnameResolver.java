package io.cairn.proxy.cnamelookup;

import java.util.concurrent.CompletableFuture;

/**
 * Asks DNS for one name's CNAME record. The future never fails: a failed query completes with {@link
 * CnameAnswer#failure()}.
 *
 * <p>Implementations are confined to the event loop they were made for (see {@link CnameResolvers}).
 */
public interface CnameResolver {
    CompletableFuture<CnameAnswer> cname(String domain);
}
