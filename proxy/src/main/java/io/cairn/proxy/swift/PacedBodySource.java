package io.cairn.proxy.swift;

/**
 * A {@link BodySource} that keeps the PUT's pacing as a flag its producer reads ({@link #paused()}): {@code
 * pause} sets it, {@code resume} (and {@code ready}, which is a first resume) clears it and calls {@link
 * #resumed()} so the producer delivers again.
 *
 * <p>Confined to the exchange's event loop.
 */
public abstract class PacedBodySource implements BodySource {
    private boolean paused;

    /** @param paused whether the source waits for the PUT's first resume before delivering */
    protected PacedBodySource(boolean paused) {
        this.paused = paused;
    }

    /** Whether the PUT asked the source to stop delivering. */
    public final boolean paused() {
        return paused;
    }

    /** Delivers without waiting for the PUT's pacing (a PUT that takes the body whole). */
    public final void unpace() {
        paused = false;
    }

    @Override
    public final void pause() {
        paused = true;
    }

    @Override
    public final void resume() {
        paused = false;
        resumed();
    }

    @Override
    public final void ready() {
        resume();
    }

    /** The PUT takes chunks again: deliver. */
    protected abstract void resumed();
}
