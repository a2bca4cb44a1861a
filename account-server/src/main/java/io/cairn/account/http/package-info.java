/**
 * Swift's backend account protocol ({@code swift/account/server.py}): path parsing, one class per operation
 * ({@code AccountHeadOperation}, {@code AccountGetOperation}, {@code AccountPutOperation}, {@code
 * ContainerReportOperation}, {@code AccountPostOperation}, {@code AccountDeleteOperation}, {@code
 * AccountReplicateOperation}) over the shared {@code AccountContext} and {@code AccountOperation} checks, and the
 * Netty handler that runs them on the device executors. Must not
 * hold SQL (see {@code io.cairn.account.db}).
 */
@NullMarked
package io.cairn.account.http;

import org.jspecify.annotations.NullMarked;
