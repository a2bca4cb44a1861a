package io.cairn.compute.compute;

import java.util.Map;

/** A flavor: what a server gets (RAM in MB, vCPUs, root disk in GB), with its extra specs. */
public record Flavor(
        String id,
        String name,
        int ram,
        int vcpus,
        int disk,
        int ephemeral,
        int swap,
        double rxtxFactor,
        boolean isPublic,
        boolean disabled,
        Map<String, String> extraSpecs) {
    public Flavor {
        extraSpecs = Map.copyOf(extraSpecs);
    }
}
