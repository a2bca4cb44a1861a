/**
 * The subset of Python pickle that Swift 2.30.1 uses on disk and on the wire — object metadata xattrs,
 * {@code hashes.pkl}, REPLICATE bodies, DB {@code .pending} records, async_pending updates and ring builder
 * files — read by {@link io.cairn.common.codec.PickleReader}, written byte-identically to Python 3's protocol 2
 * by {@link io.cairn.common.codec.PickleWriter}, with the Python value types {@link
 * io.cairn.common.codec.PyBytes}, {@link io.cairn.common.codec.PyTuple} and {@link io.cairn.common.codec.PyArray}.
 */
@NullMarked
package io.cairn.common.codec;

import org.jspecify.annotations.NullMarked;
