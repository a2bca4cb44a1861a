/**
 * Cairn's backend account server (Swift's {@code swift/account}): {@code .db} the account DB broker,
 * {@code .commit} group commit of container reports, {@code .http} the request handling, {@code .server}
 * bootstrap and config. Must not touch object or container data.
 */
@NullMarked
package io.cairn.account;

import org.jspecify.annotations.NullMarked;
