package io.cairn.compute.compute.scheduler;

import io.cairn.compute.config.ComputeProperties;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A placement policy: filters, weigher multipliers and {@code host_subset_size}. The seed's schedulers are presets
 * of it: {@code chance} (any up host, random), {@code simple} (least loaded: fewest instances), {@code zone}
 * (random host of the requested zone with room); "filter" is the configured chain.
 */
public record SchedulerConfig(List<HostFilter> filters, Map<Weigher, Double> multipliers, int hostSubsetSize) {
    public static final int ALL_HOSTS = Integer.MAX_VALUE;

    private static final List<HostFilter> CAPACITY =
            List.of(HostFilter.RamFilter, HostFilter.CoreFilter, HostFilter.DiskFilter);

    public SchedulerConfig {
        if (hostSubsetSize < 1) {
            throw new IllegalArgumentException("host_subset_size must be at least 1, got " + hostSubsetSize);
        }
        filters = List.copyOf(filters);
        multipliers = Map.copyOf(multipliers);
    }

    public static SchedulerConfig of(ComputeProperties p) {
        return switch (p.placement()) {
            case "chance" -> new SchedulerConfig(List.of(HostFilter.ComputeFilter), Map.of(), ALL_HOSTS);
            case "simple" ->
                new SchedulerConfig(
                        withCapacity(HostFilter.ComputeFilter, HostFilter.AvailabilityZoneFilter),
                        Map.of(Weigher.INSTANCES, -1.0),
                        1);
            case "zone" ->
                new SchedulerConfig(
                        withCapacity(HostFilter.ComputeFilter, HostFilter.AvailabilityZoneFilter), Map.of(), ALL_HOSTS);
            case "filter" -> new SchedulerConfig(named(p.filters()), configuredMultipliers(p), p.hostSubsetSize());
            default ->
                throw new IllegalArgumentException("cairn.compute.placement must be filter, chance, simple or"
                        + " zone, got '" + p.placement() + "'");
        };
    }

    private static List<HostFilter> withCapacity(HostFilter... first) {
        List<HostFilter> all = new ArrayList<>(List.of(first));
        all.addAll(CAPACITY);
        all.add(HostFilter.ImagePropertiesFilter);
        return all;
    }

    private static List<HostFilter> named(List<String> names) {
        List<HostFilter> filters = new ArrayList<>();
        for (String n : names) {
            try {
                filters.add(HostFilter.valueOf(n.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "unknown scheduler filter '" + n + "'; known: " + List.of(HostFilter.values()), e);
            }
        }
        return filters;
    }

    private static Map<Weigher, Double> configuredMultipliers(ComputeProperties p) {
        Map<Weigher, Double> m = new EnumMap<>(Weigher.class);
        m.put(Weigher.RAM, p.ramWeightMultiplier());
        m.put(Weigher.CPU, p.cpuWeightMultiplier());
        m.put(Weigher.DISK, p.diskWeightMultiplier());
        m.put(Weigher.INSTANCES, p.instancesWeightMultiplier());
        m.values().removeIf(v -> v == 0.0);
        return m;
    }
}
