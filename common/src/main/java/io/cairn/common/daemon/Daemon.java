package io.cairn.common.daemon;

/**
 * One background worker run as passes, like Swift's {@code Daemon.run_once}: a pass walks everything
 * the daemon is responsible for once and returns what it did.
 *
 * <p>Thread-safety: the scheduler never runs two passes of one daemon at once; implementations need
 * not be re-entrant, but a pass may be interrupted (on shutdown) and must then return or throw
 * {@link InterruptedException} promptly.
 */
public interface Daemon {
    /** The recon key, Swift's section name: {@code object-replicator}, {@code container-auditor}, … */
    String name();

    /** Runs one whole pass; {@link PassReport#completed()} is false when some work could not be done. */
    PassReport runOnce() throws InterruptedException;
}
