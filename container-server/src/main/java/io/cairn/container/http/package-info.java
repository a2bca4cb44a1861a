/**
 * The container server's backend HTTP protocol (Swift 2.30.1's {@code container/server.py}): request
 * parsing of {@code /<dev>/<part>/<a>/<c>[/<o>]}, one operation class per verb, the account update
 * after container PUT/DELETE, the streaming listing writer and the one table that maps failures to
 * Swift's responses. Must not touch SQLite except through {@code io.cairn.container.db} brokers run on
 * the device executors.
 */
@NullMarked
package io.cairn.container.http;

import org.jspecify.annotations.NullMarked;
