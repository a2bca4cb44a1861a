package io.cairn.compute.compute;

import org.jspecify.annotations.Nullable;

/**
 * A compute agent as it last reported itself (Nova's service + compute node).
 *
 * @param heartbeatAt epoch milliseconds of its last report
 */
public record ComputeHost(
        String host,
        int id,
        String hypervisorType,
        long hypervisorVersion,
        String availabilityZone,
        int vcpus,
        int memoryMb,
        int localGb,
        String cpuInfo,
        String hostIp,
        boolean disabled,
        @Nullable String disabledReason,
        long heartbeatAt) {

    /** Up: reported within {@code downAfterMillis} of {@code now}. */
    public boolean isUp(long now, long downAfterMillis) {
        return now - heartbeatAt <= downAfterMillis;
    }
}
