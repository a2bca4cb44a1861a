package io.cairn.ring;

import io.cairn.ring.format.RingFileReader;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Holds the current {@link Ring} of one ring file and replaces it when the file changes, as Swift's
 * {@code Ring._reload}: at most every {@code reloadInterval} (Swift's {@code reload_time}, default 15 s)
 * a caller of {@link #ring()} stats the file, and reloads it if its mtime differs from the one loaded.
 * A changed file that cannot be read keeps the old ring (reported to the listener); that broken version
 * (same mtime) is not re-read, a newer one is.
 *
 * <p>Thread-safety: thread-safe. {@link #ring()} is a volatile read plus a clock read; the one caller
 * that finds the interval elapsed does the stat and reload under a lock while others keep using the
 * current ring.
 */
public final class RingLoader {
    /** Swift's {@code DEFAULT_RELOAD_TIME}. */
    public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(15);

    private static final System.Logger LOG = System.getLogger(RingLoader.class.getName());

    private final Path file;
    private final long intervalMillis;
    private final Clock clock;
    private final RingReloadListener listener;
    private final ReentrantLock reloadLock = new ReentrantLock();

    private volatile Ring current;
    private volatile long nextCheckMillis;
    private FileTime loadedMtime; // guarded by reloadLock
    private @Nullable FileTime failedMtime; // guarded by reloadLock

    /**
     * Loads {@code file} now.
     *
     * @throws IOException if the file cannot be read or is not a valid ring (Swift refuses to start then)
     */
    public RingLoader(Path file, Duration reloadInterval, Clock clock, RingReloadListener listener) throws IOException {
        if (reloadInterval.isNegative()) {
            throw new IllegalArgumentException("reloadInterval must not be negative: " + reloadInterval);
        }
        this.file = file;
        this.intervalMillis = reloadInterval.toMillis();
        this.clock = clock;
        this.listener = listener;
        this.loadedMtime = Files.getLastModifiedTime(file);
        this.current = new Ring(RingFileReader.read(file));
        this.nextCheckMillis = clock.millis() + intervalMillis;
    }

    /** Loads {@code file} with Swift's 15 s interval, the system clock, and failures logged. */
    public static RingLoader open(Path file) throws IOException {
        return new RingLoader(file, DEFAULT_RELOAD_INTERVAL, Clock.systemUTC(), new LoggingListener());
    }

    /** The ring file this loader watches. */
    public Path file() {
        return file;
    }

    /** The current ring, reloaded first if the interval has passed and the file changed. */
    // hot path: no allocation unless a reload is due
    public Ring ring() {
        if (clock.millis() - nextCheckMillis >= 0) {
            checkForChange(false);
        }
        return current;
    }

    /** Stats the file now, ignoring the interval, and reloads it if it changed; returns the current ring. */
    public Ring reloadIfChanged() {
        checkForChange(true);
        return current;
    }

    private void checkForChange(boolean force) {
        if (!reloadLock.tryLock()) {
            return; // another thread is checking; keep serving the current ring
        }
        try {
            long now = clock.millis();
            if (!force && now - nextCheckMillis < 0) {
                return;
            }
            nextCheckMillis = now + intervalMillis;
            FileTime mtime;
            try {
                mtime = Files.getLastModifiedTime(file);
            } catch (IOException e) {
                listener.reloadFailed(file, e);
                return;
            }
            if (mtime.equals(loadedMtime) || mtime.equals(failedMtime)) {
                return;
            }
            try {
                Ring ring = new Ring(RingFileReader.read(file));
                current = ring;
                loadedMtime = mtime;
                failedMtime = null;
                listener.reloaded(file, ring);
            } catch (IOException | RuntimeException e) {
                failedMtime = mtime;
                listener.reloadFailed(file, e);
            }
        } finally {
            reloadLock.unlock();
        }
    }

    /** Logs reloads at INFO and failures at ERROR through {@link System.Logger}. */
    public static final class LoggingListener implements RingReloadListener {
        @Override
        public void reloaded(Path file, Ring ring) {
            LOG.log(Level.INFO, "reloaded ring {0} (version {1})", file, ring.version());
        }

        @Override
        public void reloadFailed(Path file, Exception cause) {
            LOG.log(Level.ERROR, "keeping the previous ring: cannot reload " + file + ": " + cause.getMessage(), cause);
        }
    }
}
