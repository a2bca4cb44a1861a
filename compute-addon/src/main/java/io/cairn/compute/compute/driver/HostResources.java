package io.cairn.compute.compute.driver;

/** What a driver's host offers, as an agent reports it. */
public record HostResources(
        String hypervisorType, long hypervisorVersion, int vcpus, int memoryMb, int diskGb, String cpuInfo) {}
