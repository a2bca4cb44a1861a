package io.cairn.bench.report;

import java.util.Locale;

/**
 * Where server CPU went: the proxy, the storage servers, the JVM's JIT compilers and garbage collector, other threads,
 * and what could not be attributed to a live thread (threads that ended inside the measured window). Immutable.
 */
public enum CpuGroup {
    /** The proxy: processes under {@code --proxy-pids} or threads named by {@code --proxy-threads}. */
    PROXY,
    /** The storage servers: the other processes, or threads named by {@code --storage-threads}. */
    STORAGE,
    /** HotSpot's C1/C2 compiler threads and the code cache sweeper (per-thread accounting only). */
    JIT,
    /** Garbage collector threads (per-thread accounting only). */
    GC,
    /** Any other named thread: the VM thread, finalizer, common pool, main (per-thread accounting only). */
    OTHER,
    /**
     * The process's CPU in the window minus that of its live threads: threads that ended inside the window, reaped
     * children, and tick rounding (per-thread accounting only; may be slightly negative from rounding).
     */
    UNATTRIBUTED;

    /** The name used in JSON and tables ({@code proxy}, {@code jit}, ...). */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
