/**
 * Swift's timestamps: {@link io.cairn.common.time.Timestamp} (10 µs resolution, normal/internal/short
 * forms, unsigned offsets, Swift ordering), the combined timestamps of container rows and {@code .meta}
 * names ({@link io.cairn.common.time.TimestampCodec}) and {@code X-Delete-At} normalization
 * ({@link io.cairn.common.time.DeleteAt}). Everything here is byte-compatible with Swift 2.30.1 and is
 * checked against it by golden tests; nothing here reads a clock except through a given
 * {@link java.time.Clock}.
 */
@NullMarked
package io.cairn.common.time;

import org.jspecify.annotations.NullMarked;
