package io.cairn.compute.config;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cairn.compute.*}: the Nova subset — which parts run in this process, the driver, the scheduler chain and
 * quota defaults.
 *
 * @param enabled the compute API (and, per {@code agents}, the scheduler and agents) run in this process
 * @param driver {@code fake}, {@code qemu}, or {@code auto} (QEMU when {@code qemu-system-x86_64} and
 *     {@code qemu-img} are on the PATH, fake otherwise)
 * @param agents how many in-process compute agents run here ({@code host}, {@code host-2}, ...); 0: none
 * @param scheduler whether this process runs the scheduler (and the watchdog for builds on dead hosts)
 * @param host this process's first agent's host name
 * @param availabilityZone the zone this process's agents report
 * @param instancesPath where QEMU agents keep their base-image cache ({@code _base}) and instance directories (one
 *     subdirectory per host); a new temporary directory when unset
 * @param heartbeat how often an agent reports its resources
 * @param serviceDownTime an agent silent this long is down: not scheduled to, and its builds fail
 * @param syncPowerStateInterval how often an agent checks its servers' states against its driver (Nova's {@code
 *     sync_power_state_interval}; also once when it starts); zero or negative: only at start
 * @param placement "filter" (the configured chain), {@code chance}, {@code simple} or {@code zone}
 * @param filters the enabled filters in order (for the "filter" placement)
 * @param ramWeightMultiplier positive spreads by free RAM, negative stacks
 * @param cpuWeightMultiplier as RAM, for free vCPUs
 * @param diskWeightMultiplier as RAM, for free disk
 * @param instancesWeightMultiplier negative prefers hosts with fewer instances (the "simple" scheduler)
 * @param hostSubsetSize pick randomly among this many best hosts
 * @param fakeVcpus a fake host's vCPUs
 * @param fakeMemoryMb a fake host's RAM
 * @param fakeDiskGb a fake host's disk
 * @param softTimeout how long a soft reboot or stop waits for the guest before acting hard
 * @param bootTimeout how long a QEMU build waits for the guest process to come up
 * @param quotaInstances default instances quota
 * @param quotaCores default cores quota
 * @param quotaRam default RAM quota (MB)
 * @param quotaKeyPairs default key pairs quota (per user)
 * @param quotaMetadataItems default metadata items quota (per server)
 * @param transport {@code local} (in-process) or {@code amqp} (RabbitMQ)
 * @param amqpUri {@code amqp://user:pass@host:port/vhost} when {@code transport=amqp}
 * @param qemuBinary the QEMU system emulator
 * @param qemuImgBinary {@code qemu-img}
 * @param busyboxBinary a busybox with {@code nc} (QEMU runs it per guest connection to the metadata address)
 * @param qemuAccel {@code kvm}, {@code tcg}, or {@code auto}: KVM when {@code /dev/kvm} opens read-write and the
 *     CPU advertises vmx/svm (a nested {@code /dev/kvm} without them hangs guests), else TCG
 */
@ConfigurationProperties("cairn.compute")
public record ComputeProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("auto") String driver,
        @DefaultValue("1") int agents,
        @DefaultValue("true") boolean scheduler,
        @DefaultValue("compute1") String host,
        @DefaultValue("nova") String availabilityZone,
        @Nullable String instancesPath,
        @DefaultValue("2s") Duration heartbeat,
        @DefaultValue("20s") Duration serviceDownTime,
        @DefaultValue("600s") Duration syncPowerStateInterval,
        @DefaultValue("filter") String placement,

        @DefaultValue({
            "ComputeFilter",
            "AvailabilityZoneFilter",
            "RamFilter",
            "CoreFilter",
            "DiskFilter",
            "ImagePropertiesFilter"
        })
        List<String> filters,

        @DefaultValue("1.0") double ramWeightMultiplier,
        @DefaultValue("0.0") double cpuWeightMultiplier,
        @DefaultValue("0.0") double diskWeightMultiplier,
        @DefaultValue("0.0") double instancesWeightMultiplier,
        @DefaultValue("1") int hostSubsetSize,
        @DefaultValue("8") int fakeVcpus,
        @DefaultValue("16384") int fakeMemoryMb,
        @DefaultValue("200") int fakeDiskGb,
        @DefaultValue("60s") Duration softTimeout,
        @DefaultValue("60s") Duration bootTimeout,
        @DefaultValue("10") int quotaInstances,
        @DefaultValue("20") int quotaCores,
        @DefaultValue("51200") int quotaRam,
        @DefaultValue("100") int quotaKeyPairs,
        @DefaultValue("128") int quotaMetadataItems,
        @DefaultValue("local") String transport,
        @Nullable String amqpUri,
        @DefaultValue("auto") String qemuAccel,
        @DefaultValue("/usr/bin/qemu-system-x86_64") String qemuBinary,
        @DefaultValue("/usr/bin/qemu-img") String qemuImgBinary,
        @DefaultValue("/bin/busybox") String busyboxBinary) {}
