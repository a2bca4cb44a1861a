package io.cairn.compute.image;

import java.util.Locale;

/** How an image's bytes sit in Swift, as glance_store writes them. */
public enum StoredLayout {
    /** One object named by the image id. */
    OBJECT,
    /** Segments {@code <id>-00001}, {@code <id>-00002}, ... and a zero-byte DLO manifest named by the image id. */
    DLO;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StoredLayout fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
