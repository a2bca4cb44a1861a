package io.cairn.common.time;

import org.jspecify.annotations.Nullable;

/**
 * The up-to-three timestamps packed by {@link TimestampCodec#encode}: in a container row the data,
 * content-type and metadata times; in a {@code .meta} file name the metadata and content-type times.
 * {@code second}/{@code third} are null only when decoded with {@code explicit = true} and absent.
 *
 * <p>Thread-safety: immutable.
 */
public record DecodedTimestamps(
        Timestamp first,
        @Nullable Timestamp second,
        @Nullable Timestamp third) {}
