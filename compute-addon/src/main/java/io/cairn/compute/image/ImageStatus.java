package io.cairn.compute.image;

import io.cairn.compute.system.ApiException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Glance's image states and the transitions between them ({@code glance/domain/__init__.py}); any other
 * transition is a 409.
 */
public enum ImageStatus {
    QUEUED,
    SAVING,
    UPLOADING,
    IMPORTING,
    ACTIVE,
    DEACTIVATED,
    KILLED,
    PENDING_DELETE,
    DELETED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImageStatus fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    public Set<ImageStatus> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(SAVING, UPLOADING, IMPORTING, ACTIVE, DELETED);
            case SAVING -> EnumSet.of(ACTIVE, KILLED, DELETED, QUEUED);
            case UPLOADING -> EnumSet.of(IMPORTING, QUEUED, DELETED);
            case IMPORTING -> EnumSet.of(ACTIVE, DELETED, QUEUED);
            case ACTIVE -> EnumSet.of(PENDING_DELETE, DELETED, DEACTIVATED);
            case DEACTIVATED -> EnumSet.of(ACTIVE, DELETED);
            case KILLED -> EnumSet.of(DELETED);
            case PENDING_DELETE -> EnumSet.of(DELETED, ACTIVE);
            case DELETED -> EnumSet.noneOf(ImageStatus.class);
        };
    }

    public boolean canBecome(ImageStatus target) {
        return next().contains(target);
    }

    /** Throws the 409 Glance answers for a transition its state machine does not have. */
    public void checkTransition(ImageStatus target) {
        if (!canBecome(target)) {
            throw ApiException.conflict(
                    "Image status transition from " + wire() + " to " + target.wire() + " is not allowed");
        }
    }
}
