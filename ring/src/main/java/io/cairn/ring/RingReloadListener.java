package io.cairn.ring;

import java.nio.file.Path;

/**
 * Told by {@link RingLoader} about ring reloads. Called on the thread that noticed the change; keep it
 * short and never throw.
 */
public interface RingReloadListener {
    /** A changed ring file was read and is now current. */
    void reloaded(Path file, Ring ring);

    /** A changed ring file could not be read or stat'ed; the previous ring stays current. */
    void reloadFailed(Path file, Exception cause);
}
