package io.cairn.compute.compute.scheduler;

import java.util.function.ToDoubleFunction;

/** A raw host score; the scheduler normalises each weigher's scores to 0..1 and applies its multiplier. */
@SuppressWarnings("ImmutableEnumChecker") // the functions are stateless method references
public enum Weigher {
    /** Free RAM: a positive multiplier spreads, a negative one stacks. */
    RAM(HostState::freeRamMb),
    /** Free vCPUs. */
    CPU(HostState::freeVcpus),
    /** Free disk. */
    DISK(HostState::freeDiskGb),
    /** Instance count: a negative multiplier prefers the least loaded host (the seed's "simple" scheduler). */
    INSTANCES(HostState::instances);

    private final ToDoubleFunction<HostState> raw;

    Weigher(ToDoubleFunction<HostState> raw) {
        this.raw = raw;
    }

    double raw(HostState h) {
        return raw.applyAsDouble(h);
    }
}
