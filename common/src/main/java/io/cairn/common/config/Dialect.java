package io.cairn.common.config;

/**
 * Which of Swift's two readers a section is read with; they differ in key case and in how {@code
 * [DEFAULT]} combines with the section.
 *
 * <p>Thread-safety: immutable.
 */
public enum Dialect {
    /**
     * {@code swift.common.utils.readconf} (daemons such as {@code [object-replicator]}, and {@code
     * swift.conf}): keys are lower-cased, and a key set in the section overrides {@code [DEFAULT]}.
     */
    READCONF,
    /**
     * paste-deploy (WSGI servers: {@code [app:…]}, {@code [filter:…]}, {@code [pipeline:…]}): keys keep
     * their case, a key set in the section that also is in {@code [DEFAULT]} is <em>ignored</em> (the
     * {@code [DEFAULT]} value wins), {@code set key = value} overrides {@code [DEFAULT]}, and {@code get
     * key = other} copies {@code [DEFAULT]}'s {@code other}.
     */
    PASTE_DEPLOY;

    /** The dialect Swift uses for a section of this name: paste-deploy for {@code app:}, {@code filter:}, … */
    public static Dialect forSection(String sectionName) {
        int colon = sectionName.indexOf(':');
        if (colon < 0) {
            return READCONF;
        }
        String kind = sectionName.substring(0, colon).strip();
        return switch (kind) {
            case "app", "application", "filter", "filter-app", "pipeline", "composite", "composit", "server" ->
                PASTE_DEPLOY;
            default -> READCONF;
        };
    }
}
