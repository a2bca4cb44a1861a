package io.cairn.bench.run;

import io.cairn.bench.report.CpuGroup;
import java.util.List;

/**
 * Puts a JVM thread into a {@link CpuGroup} by its name ({@code /proc/<pid>/task/<tid>/comm}, which the kernel cuts
 * to 15 bytes): the proxy and storage prefixes given first, then HotSpot's own threads ({@code C1 CompilerThre},
 * {@code C2 CompilerThre}, {@code Sweeper thread} are JIT; {@code GC Thread#n} and G1's/ZGC's/Shenandoah's workers are
 * GC), everything else is {@link CpuGroup#OTHER}. Immutable and thread-safe.
 */
public final class ThreadClassifier {
    /** Cairn's storage-node thread names: {@code object-*}, {@code container-*}, {@code account-*}. */
    public static final List<String> DEFAULT_STORAGE_PREFIXES = List.of("object-", "container-", "account-");

    private static final List<String> JIT_PREFIXES = List.of("C1 Compiler", "C2 Compiler", "JVMCI", "Sweeper thread");
    private static final List<String> GC_PREFIXES =
            List.of("GC Thread", "G1 ", "ZWorker", "ZDirector", "ZDriver", "ZStat", "ZUnmapper", "Shenandoah");

    private final List<String> proxyPrefixes;
    private final List<String> storagePrefixes;

    /**
     * @param proxyPrefixes thread-name prefixes of the proxy (at least one, none empty)
     * @param storagePrefixes thread-name prefixes of the storage servers (none empty)
     */
    public ThreadClassifier(List<String> proxyPrefixes, List<String> storagePrefixes) {
        if (proxyPrefixes.isEmpty()) {
            throw new IllegalArgumentException("need at least one proxy thread-name prefix");
        }
        for (String p : proxyPrefixes) {
            requireNonEmpty(p);
        }
        for (String p : storagePrefixes) {
            requireNonEmpty(p);
        }
        this.proxyPrefixes = List.copyOf(proxyPrefixes);
        this.storagePrefixes = List.copyOf(storagePrefixes);
    }

    /** The proxy prefixes, as given. */
    public List<String> proxyPrefixes() {
        return proxyPrefixes;
    }

    /** The group of a thread named {@code name}. */
    public CpuGroup classify(String name) {
        if (startsWithAny(name, proxyPrefixes)) {
            return CpuGroup.PROXY;
        }
        if (startsWithAny(name, storagePrefixes)) {
            return CpuGroup.STORAGE;
        }
        if (startsWithAny(name, JIT_PREFIXES)) {
            return CpuGroup.JIT;
        }
        if (startsWithAny(name, GC_PREFIXES)) {
            return CpuGroup.GC;
        }
        return CpuGroup.OTHER;
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String p : prefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static void requireNonEmpty(String prefix) {
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("a thread-name prefix must not be empty");
        }
    }
}
