/**
 * Backend object server: Swift's object API on Swift's on-disk layout (issue 6). Storage lives in {@code
 * .diskfile}, {@code .metadata}, {@code .hashes} and {@code .update}; the HTTP layer in {@code .server} and
 * {@code .http}.
 */
@NullMarked
package io.cairn.object;

import org.jspecify.annotations.NullMarked;
