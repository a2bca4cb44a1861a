/**
 * Swift's backend account protocol ({@code swift/account/server.py}): path parsing, one method per verb
 * in {@code AccountOperations}, and the Netty handler that runs them on the device executors. Must not
 * hold SQL (see {@code io.cairn.account.db}).
 */
@NullMarked
package io.cairn.account.http;

import org.jspecify.annotations.NullMarked;
