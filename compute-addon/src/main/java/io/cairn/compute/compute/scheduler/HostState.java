package io.cairn.compute.compute.scheduler;

/**
 * What the scheduler knows of one host for one decision: totals, what is used (live servers plus the claims made
 * during this decision), whether its agent is up and enabled. Mutable: {@link #consume} claims a placement.
 */
public final class HostState {
    private final String host;
    private final String availabilityZone;
    private final String hypervisorType;
    private final boolean up;
    private final boolean enabled;
    private final int totalRamMb;
    private final int totalVcpus;
    private final int totalDiskGb;
    private int usedRamMb;
    private int usedVcpus;
    private int usedDiskGb;
    private int instances;

    public HostState(
            String host, String availabilityZone, String hypervisorType, boolean up, boolean enabled, int[] totals) {
        this.host = host;
        this.availabilityZone = availabilityZone;
        this.hypervisorType = hypervisorType;
        this.up = up;
        this.enabled = enabled;
        this.totalRamMb = totals[0];
        this.totalVcpus = totals[1];
        this.totalDiskGb = totals[2];
    }

    /** Sets what live servers already use: RAM MB, vCPUs, disk GB, instance count. */
    public HostState withUsage(int[] used) {
        usedRamMb = used[0];
        usedVcpus = used[1];
        usedDiskGb = used[2];
        instances = used[3];
        return this;
    }

    void consume(RequestSpec spec) {
        usedRamMb += spec.ramMb();
        usedVcpus += spec.vcpus();
        usedDiskGb += spec.diskGb();
        instances++;
    }

    public String host() {
        return host;
    }

    public String availabilityZone() {
        return availabilityZone;
    }

    public String hypervisorType() {
        return hypervisorType;
    }

    public boolean up() {
        return up;
    }

    public boolean enabled() {
        return enabled;
    }

    public int freeRamMb() {
        return totalRamMb - usedRamMb;
    }

    public int freeVcpus() {
        return totalVcpus - usedVcpus;
    }

    public int freeDiskGb() {
        return totalDiskGb - usedDiskGb;
    }

    public int instances() {
        return instances;
    }

    @Override
    public String toString() {
        return host + "(ram " + freeRamMb() + ", vcpus " + freeVcpus() + ", disk " + freeDiskGb() + ")";
    }
}
