/**
 * Object metadata: the {@link io.cairn.object.metadata.ObjectMetadata} value type and its on-disk form, a protocol-2 pickle in the {@code user.swift.metadata[N]} xattrs with an md5 checksum, byte-compatible with Swift 2.30.1 under Python 3 (reference §2.4).
 */
@NullMarked
package io.cairn.object.metadata;

import org.jspecify.annotations.NullMarked;
