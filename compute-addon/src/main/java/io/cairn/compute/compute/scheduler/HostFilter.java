package io.cairn.compute.compute.scheduler;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;

/** One filter of the chain: a host passes or not, for one request. Named as Nova names its filters. */
@SuppressWarnings("ImmutableEnumChecker") // the predicates are stateless lambdas and method references
public enum HostFilter {
    /** Everything passes (the "chance" placement's only filter, as Nova's removal note suggests). */
    AllHostsFilter((h, s) -> true),
    /** The agent is up (recent heartbeat) and enabled. */
    ComputeFilter((h, s) -> h.up() && h.enabled()),
    /** The host is in the requested zone, if one was requested. */
    AvailabilityZoneFilter(
            (h, s) -> s.availabilityZone() == null || s.availabilityZone().equals(h.availabilityZone())),
    /** Free RAM covers the flavor's (no overcommit: real guests here get real memory). */
    RamFilter((h, s) -> h.freeRamMb() >= s.ramMb()),
    /** Free vCPUs cover the flavor's. */
    CoreFilter((h, s) -> h.freeVcpus() >= s.vcpus()),
    /** Free disk covers the flavor's root disk. */
    DiskFilter((h, s) -> h.freeDiskGb() >= s.diskGb()),
    /** The image's {@code architecture} and {@code hypervisor_type}/{@code img_hv_type}, when set, match the host. */
    ImagePropertiesFilter(HostFilter::imageFits);

    private static final List<String> X86 = List.of("x86_64", "amd64", "i686", "x86");

    private final BiPredicate<HostState, RequestSpec> test;

    HostFilter(BiPredicate<HostState, RequestSpec> test) {
        this.test = test;
    }

    public boolean passes(HostState host, RequestSpec spec) {
        return test.test(host, spec);
    }

    private static boolean imageFits(HostState host, RequestSpec spec) {
        Map<String, String> p = spec.imageProperties();
        String arch = p.get("architecture");
        if (arch != null && !X86.contains(arch.toLowerCase(Locale.ROOT))) {
            return false;
        }
        String hv = p.getOrDefault("img_hv_type", p.get("hypervisor_type"));
        return hv == null || hv.equalsIgnoreCase(host.hypervisorType());
    }
}
