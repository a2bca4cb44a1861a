/**
 * Account server bootstrap: {@code AccountServerConfig} from {@code account-server.conf}, {@code AccountServer}
 * (its collaborators — brokers, commit ring, request handler — started through common's storage-server scaffold
 * {@code io.cairn.common.server.StorageServer}) and {@code AccountServerStages} (its own pipeline stages). Must not hold request semantics (see {@code io.cairn.account.http}).
 */
@NullMarked
package io.cairn.account.server;

import org.jspecify.annotations.NullMarked;
