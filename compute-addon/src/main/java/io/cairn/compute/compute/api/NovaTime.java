package io.cairn.compute.compute.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Nova's two timestamp shapes: {@code 2013-09-23T13:37:00Z} and {@code 2013-09-23T13:37:00.000000}. */
final class NovaTime {
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private NovaTime() {}

    static String iso(long millis) {
        return ISO.format(Instant.ofEpochMilli(millis));
    }

    static @Nullable String micros(@Nullable Long millis) {
        return millis == null ? null : MICROS.format(Instant.ofEpochMilli(millis));
    }

    /** {@code changes-since} and friends: ISO 8601 with or without zone (UTC assumed); null if unparsable. */
    static @Nullable Long parse(String text) {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(text)
                        .toInstant(ZoneOffset.UTC)
                        .toEpochMilli();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
