/**
 * Account server bootstrap: {@code AccountServerConfig} from {@code account-server.conf},
 * {@code AccountServer} (lifecycle of the executors, the commit ring and the listening socket) and the
 * Netty pipeline. Must not hold request semantics (see {@code io.cairn.account.http}).
 */
@NullMarked
package io.cairn.account.server;

import org.jspecify.annotations.NullMarked;
