/**
 * Suffix hashes (reference §2.6): Swift's exact per-suffix md5, kept per device in a Chronicle Map (Cairn's node-local format, specified in the module README), with Swift's {@code hashes.pkl}/{@code hashes.invalid} honoured and optionally written.
 */
@NullMarked
package io.cairn.object.hashes;

import org.jspecify.annotations.NullMarked;
